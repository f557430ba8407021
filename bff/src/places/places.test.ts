import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { storedDocument } from '../../test/fixture-kit';
import { runOnce } from '../jobs/scheduler';
import { placeJobs } from './jobs';
import { PlacesKit } from './places-test-kit';
import { PlaceModel } from './place.model';
import { VisitModel } from './visit.model';

/**
 * The places themselves, through HTTP: which stand (pharmacies, stations,
 * enterprises once approved), the printed code and how anyone verifies it,
 * the public lookup, a district revocation and the sync job.
 */
describe('places and their codes', () => {
  let t: TestApp;
  let kit: PlacesKit;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    kit = new PlacesKit(t);
  });
  afterAll(() => t.close());

  it('seeds a place for every pharmacy and each committee\'s service station, and none for an enterprise without an approved filing', async () => {
    expect(await PlaceModel.countDocuments({ kind: 'pharmacy', status: 'active' })).toBe(6);
    expect(await PlaceModel.countDocuments({ kind: 'service_station', status: 'active' })).toBe(4);
    expect(await PlaceModel.countDocuments({ kind: 'enterprise' })).toBe(0);
    expect((await kit.place('pharmacy-1')).name).toBe('雷允上药房（潍坊店）');
    expect(await kit.get('cadre-1', '/api/places/mine')).toMatchObject({ status: 200, body: { kind: 'service_station', name: '潍坊一村居委会服务站' } });
  });

  it('answers 404 to an enterprise before its filing is approved, and its place with a code after', async () => {
    const before = await kit.get('enterprise-1', '/api/places/mine');
    expect([before.status, errorCode(before)]).toEqual([404, 'NOT_FOUND']);
    await kit.approveEnterprise1('2026-03-11');
    const mine = await kit.get('enterprise-1', '/api/places/mine');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ name: '上海潍坊小笼餐饮有限公司', address: '潍坊路 402 号', kind: 'enterprise' });
    expect(Object.keys(mine.body).sort()).toEqual(['address', 'id', 'kind', 'name', 'token']);
    expect(await PlaceModel.countDocuments({ kind: 'enterprise' })).toBe(1);
  });

  it('signs a code any JOSE library verifies against /.well-known/jwks.json: no expiry, a place-code type, the place and nothing personal', async () => {
    const { id, token } = await kit.place('enterprise-1');
    const { header, payload } = jwt.decode(token, { complete: true })!;
    expect(header).toMatchObject({ alg: 'ES256', typ: 'place-code' });
    expect(payload).toEqual({ typ: 'place-code', pid: id, knd: 'enterprise', ver: 1, iat: expect.any(Number) });
    const jwk = (await t.request('GET', '/.well-known/jwks.json')).body.keys.find((k: { kid: string }) => k.kid === header.kid);
    expect(jwt.verify(token, createPublicKey({ key: jwk, format: 'jwk' }), { algorithms: ['ES256'] })).toMatchObject({ pid: id });
  });

  it('is never taken for a health code at a gate', async () => {
    const { token } = await kit.place('pharmacy-1');
    const verdict = await kit.post('pharmacy-1', '/api/health-code/verify', { token });
    expect(verdict.body).toEqual({ valid: false, reason: 'malformed' });
  });

  it('refuses /api/places/mine to accounts that run no place', async () => {
    for (const openid of ['resident-1', 'handler-1', 'district-1']) expect((await kit.get(openid, '/api/places/mine')).status).toBe(403);
    const orphan = await kit.get('enterprise-without-a-company', '/api/places/mine');
    expect(orphan.status).toBe(403); // a new login is a resident
  });

  it('tells anyone signed in whether an enterprise has resumed and since when, with nothing personal', async () => {
    const resumed = await kit.get('resident-2', `/api/places/lookup?q=${encodeURIComponent('潍坊小笼')}`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.items).toEqual([{ id: expect.any(String), name: '上海潍坊小笼餐饮有限公司', kind: 'enterprise', resumed: true, since: '2026-03-10' }]);
    const notYet = await kit.get('resident-2', `/api/places/lookup?q=${encodeURIComponent('便利店')}`);
    expect(notYet.body.items).toEqual([{ id: expect.any(String), name: '上海潍坊社区便利店有限公司', kind: 'enterprise', resumed: false }]);
    const pharmacies = await kit.get('handler-1', `/api/places/lookup?q=${encodeURIComponent('药房')}`);
    expect(pharmacies.body.items.length).toBeGreaterThanOrEqual(3);
    expect(pharmacies.body.items.every((i: { kind: string; resumed: boolean }) => i.kind === 'pharmacy' && i.resumed)).toBe(true);
    expect((await kit.get('resident-2', '/api/places/lookup?q=.*')).body.items).toEqual([]);
    expect((await kit.get('resident-2', '/api/places/lookup')).status).toBe(400);
  });

  it('answers a scanned place code with the same item as the lookup, recording no visit; a code that is not a place\'s is 400', async () => {
    const { id, token } = await kit.place('enterprise-1');
    const visits = await VisitModel.countDocuments();
    const looked = await kit.post('resident-2', '/api/places/lookup-code', { placeToken: token });
    expect(looked.status).toBe(200);
    expect(looked.body).toEqual({ items: [{ id, name: '上海潍坊小笼餐饮有限公司', kind: 'enterprise', resumed: true, since: '2026-03-10' }] });
    expect(await VisitModel.countDocuments()).toBe(visits);
    const forged = await kit.post('resident-2', '/api/places/lookup-code', { placeToken: `${token.slice(0, -4)}AAAA` });
    expect([forged.status, errorCode(forged)]).toEqual([400, 'INVALID_PLACE_CODE']);
    const healthToken = (await kit.get('resident-1', '/api/health-code')).body.token;
    const notAPlace = await kit.post('resident-2', '/api/places/lookup-code', { placeToken: healthToken });
    expect([notAPlace.status, errorCode(notAPlace)]).toEqual([400, 'INVALID_PLACE_CODE']);
    expect(await VisitModel.countDocuments()).toBe(visits);
  });

  it('lets district staff revoke a place: its code is refused, the manager gets 404, a second revocation is 409 and changes nothing', async () => {
    const { id, token } = await kit.place('enterprise-1');
    expect((await kit.post('cadre-1', `/api/places/${id}/revoke`, { reason: '违规经营' })).status).toBe(403);
    const revoked = await kit.post('district-1', `/api/places/${id}/revoke`, { reason: '复工备案材料不实' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, status: 'revoked', revokeReason: '复工备案材料不实', revokedAt: clock.now().toISOString() });
    const stored = await storedDocument(PlaceModel, id);
    const again = await kit.post('district-1', `/api/places/${id}/revoke`, { reason: '再次撤销' });
    expect([again.status, errorCode(again)]).toEqual([409, 'CONFLICT']);
    expect(await storedDocument(PlaceModel, id)).toEqual(stored);
    const unknown = await kit.post('district-1', '/api/places/0123456789abcdef01234567/revoke', { reason: '不存在' });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'NOT_FOUND']);
    expect((await kit.get('enterprise-1', '/api/places/mine')).status).toBe(404);
    expect(errorCode(await kit.scan('resident-1', token))).toBe('INVALID_PLACE_CODE');
    expect((await kit.get('resident-2', `/api/places/lookup?q=${encodeURIComponent('潍坊小笼')}`)).body.items[0]).toMatchObject({ resumed: false });
    // Looked up by its printed code, the revoked place says it has not resumed.
    expect((await kit.post('resident-2', '/api/places/lookup-code', { placeToken: token })).body.items).toEqual([{ id, name: '上海潍坊小笼餐饮有限公司', kind: 'enterprise', resumed: false }]);
  });

  it('makes missing places in the sync job, never bringing a revoked one back', async () => {
    const sync = placeJobs.find((j) => j.name === 'places.sync')!;
    await PlaceModel.deleteOne({ kind: 'pharmacy', name: '国大药房（浦东南路店）' });
    expect(await runOnce(sync, 'test', clock.now())).toEqual({ ran: true, result: { made: 1, revoked: 0 } });
    expect(await PlaceModel.countDocuments({ kind: 'pharmacy' })).toBe(6);
    expect(await PlaceModel.findOne({ kind: 'enterprise' }).lean()).toMatchObject({ status: 'revoked' });
    expect(await runOnce(sync, 'test', clock.now())).toEqual({ ran: true, result: { made: 0, revoked: 0 } });
  });
});
