import jwt from 'jsonwebtoken';
import { ROLES } from '@sqtb/shared';
import { UserModel } from '../accounts/user.model';
import { startTestApp, type TestApp } from '../../test/test-app';

/**
 * Who may do what: every route × every seeded role, generated from the roles
 * the routes declare, plus tokens that must never pass (none, expired, signed
 * with another secret, alg none, of a deleted user).
 */
const SEEDED: Record<(typeof ROLES)[number], string> = {
  resident: 'resident-1',
  cadre: 'cadre-1',
  handler: 'handler-1',
  district: 'district-1',
  pharmacy: 'pharmacy-1',
  enterprise: 'enterprise-1',
};
const ROLE_DENIED = /not open to the role/;

describe('the authorization matrix', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const badTokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const [role, openid] of Object.entries(SEEDED)) tokens[role] = await t.login(openid);
    const valid = jwt.decode(tokens.district) as jwt.JwtPayload;
    const claims = { role: 'district', scope: {}, iss: t.config.jwt.issuer, aud: t.config.jwt.audience };
    badTokens.expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, t.config.jwt.secret, { algorithm: 'HS256', subject: valid.sub });
    badTokens.otherSecret = jwt.sign(claims, 'another-secret-that-is-long-enough-123', { algorithm: 'HS256', subject: valid.sub, expiresIn: 600 });
    badTokens.algNone = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: valid.sub, exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url')}.`;
    const doomed = await t.login('to-be-deleted');
    await UserModel.deleteOne({ openid: 'to-be-deleted' });
    badTokens.deletedUser = doomed;
  });
  afterAll(() => t.close());

  it('allows exactly the declared roles on every route and refuses every bad token', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const violations: string[] = [];
    let cells = 0;
    for (const [template, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      const path = template.replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
      for (const [method, op] of Object.entries(operations)) {
        const declared = op['x-roles'];
        if (declared === 'public') continue;
        const send = (token: string) => t.request(method.toUpperCase(), path, { token, ...(method === 'get' ? {} : { body: {} }) });
        for (const role of ROLES) {
          cells++;
          const allowed = declared === 'any-user' || declared.includes(role);
          const response = await send(tokens[role]);
          const roleDenied = response.status === 403 && ROLE_DENIED.test(response.body?.error?.message ?? '');
          if (response.status >= 500) violations.push(`${method.toUpperCase()} ${template} as ${role}: ${response.status}`);
          if (allowed && (response.status === 401 || roleDenied)) violations.push(`${method.toUpperCase()} ${template} as ${role}: refused (${response.status}) though declared`);
          if (!allowed && !roleDenied) violations.push(`${method.toUpperCase()} ${template} as ${role}: UNEXPECTED ALLOW (${response.status})`);
        }
        for (const [kind, token] of Object.entries(badTokens)) {
          cells++;
          const response = await send(token);
          if (response.status !== 401) violations.push(`${method.toUpperCase()} ${template} with ${kind} token: ${response.status}`);
        }
        cells++;
        const anonymous = await t.request(method.toUpperCase(), path, method === 'get' ? {} : { body: {} });
        if (anonymous.status !== 401) violations.push(`${method.toUpperCase()} ${template} without a token: ${anonymous.status}`);
      }
    }
    process.stdout.write(`authorization matrix: ${cells} cells, ${violations.length} violations\n`);
    expect(violations).toEqual([]);
  });
});
