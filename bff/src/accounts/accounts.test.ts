import jwt from 'jsonwebtoken';
import { UserModel } from './user.model';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';

describe('logging in with WeChat', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const seeded: Array<[string, string, string | undefined]> = [
    ['resident-1', 'resident', 'committeeId'],
    ['resident-2', 'resident', 'committeeId'],
    ['resident-3', 'resident', 'committeeId'],
    ['cadre-1', 'cadre', 'committeeId'],
    ['cadre-2', 'cadre', 'committeeId'],
    ['handler-1', 'handler', 'unitId'],
    ['district-1', 'district', undefined],
    ['pharmacy-1', 'pharmacy', 'pharmacyId'],
    ['enterprise-1', 'enterprise', 'enterpriseId'],
  ];

  it.each(seeded)('gives %s the role %s and its scope on /api/me', async (openid, role, scopeKey) => {
    const token = await t.login(openid);
    const me = await t.request('GET', '/api/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe(role);
    expect(me.body.user.registered).toBe(true);
    if (scopeKey) expect(me.body.user.scope[scopeKey]).toMatch(/^[0-9a-f]{24}$/);
    else expect(me.body.user.scope).toEqual({});
  });

  it('puts resident-1 and cadre-1 in committee A and resident-3 and cadre-2 in committee B', async () => {
    const token = await t.login('district-1');
    const org = await t.request('GET', '/api/org', { token });
    const committeeOf = async (openid: string) => (await t.request('GET', '/api/me', { token: await t.login(openid) })).body.user.scope.committeeId;
    const byCode = Object.fromEntries(org.body.committees.map((c: { code: string; id: string }) => [c.code, c.id]));
    expect(await committeeOf('resident-1')).toBe(byCode.A);
    expect(await committeeOf('cadre-1')).toBe(byCode.A);
    expect(await committeeOf('resident-3')).toBe(byCode.B);
    expect(await committeeOf('cadre-2')).toBe(byCode.B);
  });

  it('answers a code WeChat refuses with 401 in the error shape', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { code: 'not-a-real-code' } });
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('WECHAT_LOGIN_FAILED');
    expect(response.body.error.details).toEqual({ errcode: 40029 });
  });

  it('never hands on the WeChat session key', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' } });
    expect(response.status).toBe(200);
    expect(response.text).not.toMatch(/session_?key/i);
    const claims = jwt.decode(response.body.token) as Record<string, unknown>;
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'role', 'scope', 'sub']);
  });

  it('creates an unregistered resident on the first login of an unknown openid', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { code: 'dev:newcomer-77' } });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ role: 'resident', registered: false, scope: {} });
    const again = await t.request('POST', '/api/auth/login', { body: { code: 'dev:newcomer-77' } });
    expect(again.body.user.id).toBe(response.body.user.id);
  });

  it('makes one user of many simultaneous first logins by the same person', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.request('POST', '/api/auth/login', { body: { code: 'dev:rushing-newcomer' } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.user.id)).size).toBe(1);
    expect(await UserModel.countDocuments({ openid: 'rushing-newcomer' })).toBe(1);
  });

  it('refuses a login body that is not exactly {code}', async () => {
    for (const body of [{}, { code: '' }, { code: 5 }, { code: 'dev:x', role: 'district' }, { code: { $gt: '' } }]) {
      const response = await t.request('POST', '/api/auth/login', { body });
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });
});

describe('tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = (token?: string, raw?: string) => t.request('GET', '/api/me', raw ? { headers: { authorization: raw } } : { token });

  it('refuses /api/me without a token', async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const token = await t.login('resident-1');
    const { sub, role, scope } = jwt.decode(token) as jwt.JwtPayload;
    const expired = jwt.sign({ role, scope }, t.config.jwt.secret, {
      algorithm: 'HS256', subject: sub, issuer: t.config.jwt.issuer, audience: t.config.jwt.audience, expiresIn: -10,
    });
    const response = await me(expired);
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/expired/);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = jwt.sign({ role: 'district', scope: {} }, 'another-secret-another-secret-another', {
      algorithm: 'HS256', subject: '0123456789abcdef01234567', issuer: t.config.jwt.issuer, audience: t.config.jwt.audience,
    });
    expect((await me(forged)).status).toBe(401);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = await t.login('resident-1');
    const { sub } = jwt.decode(token) as jwt.JwtPayload;
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub, role: 'district', scope: {}, iss: t.config.jwt.issuer, aud: t.config.jwt.audience, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    expect((await me(`${header}.${payload}.`)).status).toBe(401);
  });

  it('refuses the token of a user who has since been deleted', async () => {
    const token = await t.login('deleted-soon');
    expect((await me(token)).status).toBe(200);
    await UserModel.deleteOne({ openid: 'deleted-soon' });
    expect((await me(token)).status).toBe(401);
  });

  it('refuses a malformed Authorization header', async () => {
    expect((await me(undefined, 'Basic abc')).status).toBe(401);
    expect((await me(undefined, 'Bearer not a token')).status).toBe(401);
  });
});
