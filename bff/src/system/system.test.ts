import mongoose from 'mongoose';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { generatePrivateJwk } from '../core/keys';

describe('the BFF frame', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is alive on /healthz', async () => {
    const response = await t.request('GET', '/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready on /readyz while the database answers, and says 503 when it does not', async () => {
    const ready = await t.request('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');

    const dbName = mongoose.connection.name;
    await mongoose.disconnect();
    try {
      const down = await t.request('GET', '/readyz');
      expect(down.status).toBe(503);
      expect(errorCode(down)).toBe('DATABASE_UNAVAILABLE');
      const login = await t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' } });
      expect(login.status).toBe(503);
      expect(errorCode(login)).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await mongoose.connect(process.env.MONGODB_URI!, { dbName, autoIndex: false });
    }
    expect((await t.request('GET', '/readyz')).status).toBe(200);
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const response = await t.request('POST', '/api/auth/login', { rawBody: '{"code":', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('MALFORMED_JSON');
  });

  it('answers an unknown route with 404 and a known route with the wrong method with 405', async () => {
    const unknown = await t.request('GET', '/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const wrongMethod = await t.request('DELETE', '/api/me');
    expect(wrongMethod.status).toBe(405);
    expect(errorCode(wrongMethod)).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { code: 'x'.repeat(2 * 1024 * 1024) } });
    expect(response.status).toBe(413);
    expect(errorCode(response)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names each invalid field', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { code: 7, extra: true } });
    expect(response.status).toBe(400);
    expect(response.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['code']));
  });

  it('sends security headers and a request id on every answer', async () => {
    for (const path of ['/healthz', '/api/no-such-thing']) {
      const response = await t.request('GET', path);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('allows the H5 development origin by CORS and no other', async () => {
    const allowed = await t.request('OPTIONS', '/api/me', { headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'GET' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
    const other = await t.request('OPTIONS', '/api/me', { headers: { origin: 'http://evil.example', 'access-control-request-method': 'GET' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('offers the seeded accounts for the H5 login in development and test', async () => {
    const response = await t.request('GET', '/api/auth/dev-accounts');
    expect(response.status).toBe(200);
    expect(response.body.accounts.map((a: { openid: string }) => a.openid)).toContain('resident-1');
  });
});

describe('the BFF in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    const key = await generatePrivateJwk('production-test-key');
    t = await startTestApp({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'a-production-secret-of-enough-length-1234',
      ID_HASH_KEY: 'a-production-id-hash-key-of-enough-length-1234',
      URL_SIGNING_KEY: 'a-production-url-signing-key-of-enough-length',
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 's',
      HEALTH_CODE_KEYS: JSON.stringify([key]),
    });
  });
  afterAll(() => t.close());

  it('does not offer the seeded accounts', async () => {
    const response = await t.request('GET', '/api/auth/dev-accounts');
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('NOT_FOUND');
  });
});
