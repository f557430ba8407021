import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Koa from 'koa';
import pino from 'pino';
import { requestLog } from './request-log';
import type { Logger } from './logger';

/**
 * The request logger: one id per request, in and out as
 * X-Request-Id and on every line logged for it; one closing line per request
 * with the path but never the query string, a header or a token.
 */
describe('the request log', () => {
  const lines: Array<Record<string, unknown>> = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const root: Logger = pino({ level: 'info' }, sink);
    const app = new Koa();
    app.use(requestLog(root));
    app.use(async (ctx) => {
      (ctx.state.log as Logger).info({ step: 'handler' }, 'inside the handler');
      if (ctx.path === '/as-user') ctx.state.user = { id: 'u-1', role: 'resident' };
      if (ctx.path === '/fails') {
        ctx.status = 500;
        ctx.body = { error: { code: 'INTERNAL' } };
        return;
      }
      ctx.body = { requestId: ctx.state.requestId };
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** The closing line of the request with this id (it is written once the response has finished). */
  const closingLine = async (requestId: string) => {
    for (let i = 0; i < 100; i++) {
      const found = lines.find((l) => l.requestId === requestId && l.msg === 'request');
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no closing line for ${requestId}: ${JSON.stringify(lines)}`);
  };

  it('keeps a sane X-Request-Id from the caller, sends it back, and puts it on every line of the request', async () => {
    const response = await fetch(`${base}/hello`, { headers: { 'x-request-id': 'proxy-req-12345' } });
    expect(response.headers.get('x-request-id')).toBe('proxy-req-12345');
    expect(await response.json()).toEqual({ requestId: 'proxy-req-12345' });
    const closing = await closingLine('proxy-req-12345');
    expect(closing).toMatchObject({ level: 30, method: 'GET', path: '/hello', status: 200 });
    expect(typeof closing.ms).toBe('number');
    expect(lines.find((l) => l.requestId === 'proxy-req-12345' && l.step === 'handler')).toBeDefined();
  });

  it('gives a new id when the caller sends none or one that is not sane', async () => {
    for (const incoming of [undefined, 'short', 'has spaces and; semicolons', 'x'.repeat(65)]) {
      const response = await fetch(`${base}/hello`, { headers: incoming ? { 'x-request-id': incoming } : {} });
      const id = response.headers.get('x-request-id')!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      await closingLine(id);
    }
  });

  it('names the user the request ran as', async () => {
    const response = await fetch(`${base}/as-user`);
    expect(await closingLine(response.headers.get('x-request-id')!)).toMatchObject({ userId: 'u-1', role: 'resident', status: 200 });
  });

  it('logs a failed request with its status and nothing of the response', async () => {
    const response = await fetch(`${base}/fails`);
    expect(response.status).toBe(500);
    const closing = await closingLine(response.headers.get('x-request-id')!);
    expect(closing).toMatchObject({ level: 50, method: 'GET', path: '/fails', status: 500 });
    expect(closing).not.toHaveProperty('err');
    expect(closing).not.toHaveProperty('res');
  });

  it('never logs a query string, a header or a token', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
    const response = await fetch(`${base}/files/abc?sig=secret-signature-123&token=${token}`, {
      headers: { authorization: `Bearer ${token}`, cookie: 'session=secret-cookie-456', 'x-request-id': 'redaction-check-1' },
    });
    expect(response.status).toBe(200);
    expect(await closingLine('redaction-check-1')).toMatchObject({ path: '/files/abc' });
    const all = JSON.stringify(lines);
    for (const secret of ['secret-signature-123', 'secret-cookie-456', 'eyJhbGci', 'Bearer', 'sig=', 'authorization', 'cookie']) {
      expect(all).not.toContain(secret);
    }
  });
});
