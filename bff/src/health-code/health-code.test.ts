import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { generatePrivateJwk } from '../core/keys';
import { MedicalCaseModel, ScanLogModel } from './health-code.model';

const RESIDENT_1_ID = '310115198805120018'; // seeded, see mock/src/seed/district.ts

describe('the health code (随申码)', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'pharmacy-1', 'district-1', 'cadre-1', 'handler-1', 'newcomer-health']) tokens[openid] = await t.login(openid);
  });
  afterAll(() => t.close());

  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const post = (openid: string, path: string, body: unknown) => t.request('POST', path, { token: tokens[openid], body });
  const verify = (token: string, as = 'pharmacy-1') => post(as, '/api/health-code/verify', { token, place: '雷允上药房门口' });

  it('gives a resident with nothing against them a green code with a signed token carrying only what a gate needs', async () => {
    const code = await get('resident-1', '/api/health-code');
    expect(code.status).toBe(200);
    expect(code.body).toMatchObject({ color: 'green', reasons: [], maskedName: '张*', identified: true });
    const payload = jwt.decode(code.body.token) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(['color', 'exp', 'iat', 'name', 'sub']);
    expect(payload).toMatchObject({ color: 'green', name: '张*' });
    expect(String(payload.sub)).not.toContain(RESIDENT_1_ID.slice(-4));
    expect((payload.exp as number) - (payload.iat as number)).toBe(300);
    expect(code.body.expiresAt).toBe(new Date(clock.now().getTime() + 300_000).toISOString());
  });

  it('verifies with an independent JOSE library against /.well-known/jwks.json', async () => {
    const { token } = (await get('resident-1', '/api/health-code')).body;
    const jwks = await t.request('GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    const { kid } = jwt.decode(token, { complete: true })!.header;
    const jwk = jwks.body.keys.find((k: { kid: string }) => k.kid === kid);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwk.d).toBeUndefined();
    const publicKey = createPublicKey({ key: jwk, format: 'jwk' });
    const claims = jwt.verify(token, publicKey, { algorithms: ['ES256'], clockTimestamp: Math.floor(clock.now().getTime() / 1000) }) as jwt.JwtPayload;
    expect(claims.color).toBe('green');
  });

  it('lets staff verify a code, logging the scan without the token', async () => {
    const { token } = (await get('resident-1', '/api/health-code')).body;
    const result = await verify(token);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ valid: true, color: 'green', maskedName: '张*' });
    const scan = await ScanLogModel.findOne().sort({ createdAt: -1 }).lean();
    expect(scan).toMatchObject({ role: 'pharmacy', place: '雷允上药房门口', valid: true, color: 'green' });
    expect(JSON.stringify(scan)).not.toContain(token.slice(-20));
  });

  it('refuses a token with one changed character, an expired one, one from an unknown key, and garbage', async () => {
    const { token } = (await get('resident-1', '/api/health-code')).body;
    const [header, payload, signature] = token.split('.');
    const flipped = signature[10] === 'A' ? 'B' : 'A';
    const tampered = `${header}.${payload}.${signature.slice(0, 10)}${flipped}${signature.slice(11)}`;
    expect((await verify(tampered)).body).toEqual({ valid: false, reason: 'bad-signature' });

    const forgedPayload = Buffer.from(JSON.stringify({ ...(jwt.decode(token) as object), color: 'green', name: '李*' })).toString('base64url');
    expect((await verify(`${header}.${forgedPayload}.${signature}`)).body).toEqual({ valid: false, reason: 'bad-signature' });

    clock.advance(301_000);
    expect((await verify(token)).body).toEqual({ valid: false, reason: 'expired' });

    const stranger = await startTestApp({}, { clock, healthKeys: [await generatePrivateJwk('someone-else')] });
    try {
      const foreign = (await stranger.request('GET', '/api/health-code', { token: await stranger.login('resident-1') })).body.token;
      expect((await verify(foreign)).body).toEqual({ valid: false, reason: 'unknown-key' });
    } finally {
      await stranger.close();
      await t.close().catch(() => undefined);
      t = await startTestApp({}, { clock });
      for (const openid of Object.keys(tokens)) tokens[openid] = await t.login(openid);
    }
    expect((await verify('not.a.token')).body).toEqual({ valid: false, reason: 'malformed' });
  });

  it('keeps verification to gate staff', async () => {
    const { token } = (await get('resident-1', '/api/health-code')).body;
    expect((await verify(token, 'resident-2')).status).toBe(403);
    expect((await verify(token, 'handler-1')).status).toBe(403);
    expect((await verify(token, 'cadre-1')).status).toBe(200);
  });

  it('turns a resident red at once when district staff mark them a close contact', async () => {
    const set = await post('district-1', '/api/health/cases', { idNumber: RESIDENT_1_ID, status: 'close_contact', date: '2026-03-10' });
    expect(set.status).toBe(201);
    expect(set.body.idMasked).toBe('3101**********0018');
    const code = await get('resident-1', '/api/health-code');
    expect(code.body).toMatchObject({ color: 'red', reasons: [expect.objectContaining({ rule: 'case-status' })] });
    expect((await verify(code.body.token)).body).toMatchObject({ valid: true, color: 'red' });
    // Released: yellow for 14 days, then green.
    await post('district-1', '/api/health/cases', { idNumber: RESIDENT_1_ID, status: 'released', date: '2026-03-10' });
    expect((await get('resident-1', '/api/health-code')).body).toMatchObject({ color: 'yellow', nextChangeOn: '2026-03-24' });
    clock.set('2026-03-24T08:00:00+08:00');
    expect((await get('resident-1', '/api/health-code')).body.color).toBe('green');
  });

  it('turns a resident yellow on a fever or a trip to a risk region, from their own declaration', async () => {
    const fever = await post('resident-2', '/api/health/declarations', { temperature: 37.8, symptoms: ['cough'], travel: [], homeObservation: false });
    expect(fever.status).toBe(201);
    expect(fever.body.color).toBe('yellow');
    expect(fever.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['fever', 'symptoms']);
    const fine = await post('resident-2', '/api/health/declarations', { temperature: 36.6, symptoms: [], travel: [{ region: 'hubei-wuhan', date: '2026-03-20' }], homeObservation: false });
    expect(fine.body).toMatchObject({ color: 'yellow', nextChangeOn: '2026-04-03' });
  });

  it('refuses bad declarations and cases with 400', async () => {
    for (const body of [{ temperature: 50 }, { temperature: 36.5, symptoms: ['sneezing'] }, { temperature: '36.5' }, { temperature: 36.5, travel: [{ region: 'hubei-wuhan', date: '2099-01-01' }] }]) {
      expect((await post('resident-3', '/api/health/declarations', body)).status).toBe(400);
    }
    const badId = await post('district-1', '/api/health/cases', { idNumber: '310115198805120019', status: 'confirmed', date: '2026-03-10' });
    expect(badId.status).toBe(400);
    expect(errorCode(badId)).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(badId.body)).toMatch(/check character/);
    expect((await post('cadre-1', '/api/health/cases', { idNumber: RESIDENT_1_ID, status: 'confirmed', date: '2026-03-10' })).status).toBe(403);
  });

  it('imports a CSV line by line: applies the good lines, reports the bad, never half-applies', async () => {
    const before = await MedicalCaseModel.countDocuments();
    const csv = [
      'idNumber,status,date,note',
      '310115199203180026,home_observation,2026-03-20,社区排查',
      '310115199203180027,confirmed,2026-03-20,',
      '310115197601230042,quarantined,2026-03-20,',
      '310115197601230042,close_contact,2026-13-01,',
      '11010519491231002X,suspected,2026-03-19,外区转入',
    ].join('\n');
    const response = await t.request('POST', '/api/health/cases/import', { token: tokens['district-1'], rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ applied: 2, refused: 3 });
    expect(response.body.lines.map((l: { line: number; applied: boolean }) => [l.line, l.applied])).toEqual([[2, true], [3, false], [4, false], [5, false], [6, true]]);
    expect(response.body.lines[1].error).toMatch(/check character/);
    expect(response.body.lines[2].error).toMatch(/status/);
    expect(response.body.lines[0].idMasked).toBe('3101**********0026');
    expect(JSON.stringify(response.body)).not.toContain('310115199203180026');
    expect(await MedicalCaseModel.countDocuments()).toBe(before + 2);
    expect((await get('resident-2', '/api/health-code')).body.reasons.map((r: { rule: string }) => r.rule)).toContain('home-observation');
  });

  it('refuses an import that is not text/csv with 415', async () => {
    const response = await post('district-1', '/api/health/cases/import', { csv: 'x' });
    expect(response.status).toBe(415);
  });

  it('lets district staff replace the risk regions', async () => {
    const put = await t.request('PUT', '/api/health/risk-regions', {
      token: tokens['district-1'],
      body: { regions: [{ code: 'hubei-wuhan', name: '湖北省武汉市', level: 'low', since: '2026-03-25' }] },
    });
    expect(put.status).toBe(200);
    expect((await get('resident-3', '/api/health/risk-regions')).body.regions).toEqual([{ code: 'hubei-wuhan', name: '湖北省武汉市', level: 'low', since: '2026-03-25' }]);
    expect((await t.request('PUT', '/api/health/risk-regions', { token: tokens['cadre-1'], body: { regions: [] } })).status).toBe(403);
  });

  it('takes an appeal and lets district staff correct the status', async () => {
    const filed = await post('resident-3', '/api/health-code/appeals', { reason: '我没有去过任何风险地区，码色有误' });
    expect(filed.status).toBe(201);
    expect((await post('resident-3', '/api/health-code/appeals', { reason: '再申诉一次试试看' })).status).toBe(409);
    const queue = await get('district-1', '/api/health-code/appeals?status=open');
    const appeal = queue.body.items.find((a: { id: string }) => a.id === filed.body.id);
    expect(appeal).toMatchObject({ status: 'open', name: '王*', idMasked: '3101**********0042' });
    const resolved = await post('district-1', `/api/health-code/appeals/${filed.body.id}/resolve`, {
      outcome: 'corrected',
      note: '核实后解除',
      correction: { status: 'released', date: '2026-03-24' },
    });
    expect(resolved.body).toMatchObject({ status: 'corrected', resolutionNote: '核实后解除', correction: { status: 'released', date: '2026-03-24' } });
    const records = await get('district-1', '/api/health/cases?idNumber=310115197601230042');
    expect(records.body.items.map((c: { status: string; source: string }) => `${c.status}/${c.source}`)).toContain('released/appeal');
    expect(records.body.items.every((c: { idMasked: string }) => c.idMasked === '3101**********0042')).toBe(true);
    const again = await post('district-1', `/api/health-code/appeals/${filed.body.id}/resolve`, { outcome: 'explained', note: '重复处理' });
    expect(again.status).toBe(409);
    expect((await get('resident-3', '/api/health-code/appeals')).body.items[0].status).toBe('corrected');
  });

  it('refuses to correct the status of a resident with no ID number on record, with its own code, and leaves the appeal open', async () => {
    const filed = await post('newcomer-health', '/api/health-code/appeals', { reason: '我没有去过任何风险地区，码色有误' });
    expect(filed.status).toBe(201);
    const refused = await post('district-1', `/api/health-code/appeals/${filed.body.id}/resolve`, { outcome: 'corrected', note: '核实后解除', correction: { status: 'released', date: '2026-03-24' } });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'NO_ID_NUMBER_ON_RECORD']);
    expect((await get('newcomer-health', '/api/health-code/appeals')).body.items[0]).toMatchObject({ id: filed.body.id, status: 'open' });
  });

  it('gives a resident without an ID number on record a code from their own declarations only', async () => {
    const code = await get('newcomer-health', '/api/health-code');
    expect(code.body).toMatchObject({ color: 'green', identified: false });
  });
});
