import Koa from 'koa';
import type { AddressInfo } from 'node:net';
import { clientIp, koaProxyOptions, normalize, type TrustProxy } from './client-ip';
import { startTestApp, type TestApp } from '../../test/test-app';

/** A request as client-ip.ts sees it: the socket's address and the X-Forwarded-For header. */
const request = (socket: string, forwardedFor?: string) => ({
  socket: { remoteAddress: socket } as Koa.Context['socket'],
  get: (name: string) => (name.toLowerCase() === 'x-forwarded-for' ? forwardedFor ?? '' : ''),
});

describe('the client address', () => {
  it('is the socket address without TRUST_PROXY, whatever X-Forwarded-For says', () => {
    expect(clientIp(request('10.0.0.2', '203.0.113.9'), undefined)).toBe('10.0.0.2');
    expect(clientIp(request('::ffff:10.0.0.2'), undefined)).toBe('10.0.0.2');
  });

  it('with a hop count, is the entry that many from the right, as Koa reads it in proxy mode', async () => {
    const one: TrustProxy = { hops: 1 };
    expect(clientIp(request('10.0.0.2', '203.0.113.9'), one)).toBe('203.0.113.9');
    // The client wrote the left part itself; the proxy appended what it saw.
    expect(clientIp(request('10.0.0.2', '198.51.100.66, 203.0.113.9'), one)).toBe('203.0.113.9');
    expect(clientIp(request('10.0.0.2', '198.51.100.66, 203.0.113.9, 10.0.0.7'), { hops: 2 })).toBe('203.0.113.9');
    expect(clientIp(request('10.0.0.2'), one)).toBe('10.0.0.2');
    expect(clientIp(request('10.0.0.2', '203.0.113.9'), { hops: 0 })).toBe('10.0.0.2');

    // The same answer as Koa's own ctx.ip with the options app.ts gives it.
    const app = new Koa(koaProxyOptions({ hops: 2 }));
    app.use((ctx) => {
      ctx.body = { koa: ctx.ip, ours: clientIp(ctx, { hops: 2 }) };
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const answer = await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { 'x-forwarded-for': '198.51.100.66, 203.0.113.9, 10.0.0.7' } })).json();
      expect(answer).toEqual({ koa: '203.0.113.9', ours: '203.0.113.9' });
    } finally {
      server.close();
    }
  });

  it('with proxy addresses, walks X-Forwarded-For from the right while the hop is a listed proxy', () => {
    const proxies: TrustProxy = { addresses: ['10.0.0.2', '10.0.0.7'] };
    expect(clientIp(request('10.0.0.2', '203.0.113.9'), proxies)).toBe('203.0.113.9');
    expect(clientIp(request('10.0.0.2', '203.0.113.9, 10.0.0.7'), proxies)).toBe('203.0.113.9');
    // Left of the first address that is not a proxy is the client's own say: not believed.
    expect(clientIp(request('10.0.0.2', '198.51.100.66, 203.0.113.9'), proxies)).toBe('203.0.113.9');
    expect(clientIp(request('10.0.0.2', '10.0.0.7, 198.51.100.66, 203.0.113.9'), proxies)).toBe('203.0.113.9');
    // Not from a listed proxy: the header is anybody's, the socket is the client.
    expect(clientIp(request('198.51.100.1', '203.0.113.9'), proxies)).toBe('198.51.100.1');
    expect(clientIp(request('::ffff:10.0.0.2', '203.0.113.9:51000'), proxies)).toBe('203.0.113.9');
  });

  it('reads each address in one spelling', () => {
    expect(normalize('::FFFF:10.1.2.3')).toBe('10.1.2.3');
    expect(normalize('10.1.2.3:8080')).toBe('10.1.2.3');
    expect(normalize('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalize('2001:db8::1')).toBe('2001:db8::1');
  });
});

/**
 * The login limit (60 a minute per address at factor 1) over HTTP: behind a
 * trusted proxy each client address has its own bucket; without one, a forged
 * X-Forwarded-For does not open a new bucket.
 */
describe('rate limit buckets behind TRUST_PROXY', () => {
  const login = (t: TestApp, forwardedFor: string) => t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' }, headers: { 'x-forwarded-for': forwardedFor } });
  const fill = async (t: TestApp, forwardedFor: string) => {
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await login(t, forwardedFor)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const over = await login(t, forwardedFor);
    expect([over.status, over.body.error.code]).toEqual([429, 'RATE_LIMITED']);
  };

  describe('TRUST_PROXY=1', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_FACTOR: '1', TRUST_PROXY: '1' });
    });
    afterAll(() => t.close());

    it('gives two client addresses separate buckets, and a forged left part does not escape the proxy-written one', async () => {
      await fill(t, '203.0.113.1');
      expect((await login(t, '203.0.113.2')).status).toBe(200);
      expect((await login(t, '198.51.100.66, 203.0.113.1')).status).toBe(429);
      expect((await login(t, '203.0.113.1')).status).toBe(429);
    });
  });

  describe('TRUST_PROXY as a list of proxy addresses', () => {
    let t: TestApp;
    beforeAll(async () => {
      // The test's requests come from 127.0.0.1: that is "the proxy".
      t = await startTestApp({ RATE_LIMIT_FACTOR: '1', TRUST_PROXY: '127.0.0.1,10.0.0.7' });
    });
    afterAll(() => t.close());

    it('gives two client addresses separate buckets, through a chain of listed proxies too', async () => {
      await fill(t, '203.0.113.1');
      expect((await login(t, '203.0.113.2')).status).toBe(200);
      expect((await login(t, '203.0.113.3, 10.0.0.7')).status).toBe(200);
      expect((await login(t, '203.0.113.1, 10.0.0.7')).status).toBe(429);
      expect((await login(t, '198.51.100.66, 203.0.113.1')).status).toBe(429);
    });
  });

  describe('TRUST_PROXY unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ RATE_LIMIT_FACTOR: '1' });
    });
    afterAll(() => t.close());

    it('keeps one bucket for the socket address, whatever X-Forwarded-For a client writes', async () => {
      await fill(t, '203.0.113.1');
      expect((await login(t, '203.0.113.2')).status).toBe(429);
      expect((await t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' } })).status).toBe(429);
    });
  });
});
