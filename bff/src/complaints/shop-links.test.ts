import { COMPLAINTS_TO_RAISE } from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { seededShopId } from '../shops/shops-test-kit';
import { ComplaintModel } from './complaint.model';

/** Seed shops in committee A: S01 a grocery nobody inspected (low), S02 a restaurant nearby. */
const NEAR_S01 = { lat: 31.2296, lng: 121.5236 };
const FAR_FROM_SHOPS = { lat: 31.3, lng: 121.3 };

describe('complaints linked to street shops, through HTTP', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let unitIds: Record<string, string>;
  let s01: string;
  let s02: string;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'error' }, { clock });
    for (const openid of ['resident-1', 'resident-2', 'cadre-1', 'handler-1', 'handler-2', 'district-1']) tokens[openid] = await t.login(openid);
    const org = await t.request('GET', '/api/org', { token: tokens['district-1'] });
    unitIds = Object.fromEntries(org.body.units.map((u: { code: string; id: string }) => [u.code, u.id]));
    s01 = await seededShopId('S01');
    s02 = await seededShopId('S02');
  });
  afterAll(() => t.close());

  const as = (openid: string) => ({
    get: (path: string) => t.request('GET', path, { token: tokens[openid] }),
    post: (path: string, body: unknown = {}) => t.request('POST', path, { token: tokens[openid], body }),
  });
  const file = (overrides: Record<string, unknown> = {}) =>
    as('resident-1').post('/api/complaints', { category: 'street-occupation', description: '店门口堆放货物占道，行人难走', location: NEAR_S01, address: '潍坊路 420 号门口', ...overrides });
  const dispatchedTo = async (unit: string, overrides: Record<string, unknown> = {}) => {
    const id = (await file(overrides)).body.id;
    expect((await as('cadre-1').post(`/api/complaints/${id}/accept`)).status).toBe(200);
    expect((await as('cadre-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds[unit] })).status).toBe(200);
    return id as string;
  };
  const shop = async (id: string) => (await as('district-1').get(`/api/shops/${id}`)).body;

  it('offers a resident the shops near a place by name only, nearest first; none far from every shop', async () => {
    const near = await as('resident-2').get(`/api/complaints/nearby-shops?lat=${NEAR_S01.lat}&lng=${NEAR_S01.lng}`);
    expect(near.status).toBe(200);
    expect(near.body.items[0]).toEqual({ id: s01, name: '潍坊便民食杂店' });
    for (const item of near.body.items) expect(Object.keys(item).sort()).toEqual(['id', 'name']);
    const far = await as('resident-2').get(`/api/complaints/nearby-shops?lat=${FAR_FROM_SHOPS.lat}&lng=${FAR_FROM_SHOPS.lng}`);
    expect(far.body.items).toEqual([]);
  });

  it('refuses a report naming a shop that does not exist, and files nothing', async () => {
    const before = await ComplaintModel.countDocuments();
    const refused = await file({ shopId: '64b000000000000000000abc' });
    expect([refused.status, errorCode(refused), refused.body.error.details]).toEqual([400, 'VALIDATION_FAILED', { field: 'shopId' }]);
    expect(await ComplaintModel.countDocuments()).toBe(before);
  });

  it(`a report naming a shop counts in its history; ${COMPLAINTS_TO_RAISE} of them raise its grade in the request that files the last`, async () => {
    expect((await shop(s01)).grade).toBe('low');
    const ids: string[] = [];
    for (let i = 0; i < COMPLAINTS_TO_RAISE; i++) {
      const filed = await file({ shopId: s01 });
      expect([filed.status, filed.body.shop]).toEqual([201, { id: s01, name: '潍坊便民食杂店' }]);
      ids.push(filed.body.id);
    }
    const card = await shop(s01);
    expect(card.complaints.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    expect(card.grade).toBe('medium');
    expect(card.reasons.join('')).toContain(`关联投诉${COMPLAINTS_TO_RAISE}件`);
    expect(card.gradeHistory[0]).toMatchObject({ from: 'low', to: 'medium' }); // newest first
  });

  it('the unit the matter is dispatched to links it, corrects the link and clears it; each shop regraded and its card following', async () => {
    const id = await dispatchedTo('city-management');
    const seen = await as('handler-1').get(`/api/complaints/${id}`);
    expect(seen.body.actions).toContain('link-shop');
    expect((await as('cadre-1').get(`/api/complaints/${id}`)).body.actions).not.toContain('link-shop');

    const linked = await as('handler-1').post(`/api/complaints/${id}/link-shop`, { shopId: s02 });
    expect([linked.status, linked.body.shop]).toEqual([200, { id: s02, name: '老潍坊生煎馆' }]);
    expect(linked.body.timeline.at(-1)).toMatchObject({ action: 'link-shop', note: '老潍坊生煎馆' });
    expect((await shop(s02)).complaints.map((c: { id: string }) => c.id)).toContain(id);

    const corrected = await as('handler-1').post(`/api/complaints/${id}/link-shop`, { shopId: s01 });
    expect(corrected.body.shop).toEqual({ id: s01, name: '潍坊便民食杂店' });
    expect((await shop(s02)).complaints.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await shop(s01)).complaints.map((c: { id: string }) => c.id)).toContain(id);

    const cleared = await as('handler-1').post(`/api/complaints/${id}/link-shop`, { shopId: null });
    expect([cleared.status, cleared.body.shop]).toEqual([200, undefined]);
    expect((await shop(s01)).complaints.map((c: { id: string }) => c.id)).not.toContain(id);
    expect(await ComplaintModel.exists({ _id: id, shopId: { $exists: true } })).toBeNull();
  });

  it('refuses another unit, a resident, a matter not in the unit’s hands and an unknown shop, and changes nothing', async () => {
    const id = await dispatchedTo('city-management');
    const stored = async () => JSON.stringify(await ComplaintModel.findById(id).lean());
    const before = await stored();

    const otherUnit = await as('handler-2').post(`/api/complaints/${id}/link-shop`, { shopId: s02 });
    expect([otherUnit.status, errorCode(otherUnit)]).toEqual([403, 'FORBIDDEN']);
    const resident = await as('resident-1').post(`/api/complaints/${id}/link-shop`, { shopId: s02 });
    expect([resident.status, errorCode(resident)]).toEqual([403, 'FORBIDDEN']);
    const unknown = await as('handler-1').post(`/api/complaints/${id}/link-shop`, { shopId: '64b000000000000000000abc' });
    expect([unknown.status, errorCode(unknown)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await stored()).toBe(before);

    // Resolved and rated 5: closed, out of the unit's hands.
    expect((await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '已清理门前堆物', photoIds: [] })).status).toBe(200);
    expect((await as('resident-1').post(`/api/complaints/${id}/rate`, { stars: 5 })).status).toBe(200);
    const closedBefore = await stored();
    const closed = await as('handler-1').post(`/api/complaints/${id}/link-shop`, { shopId: s02 });
    expect([closed.status, errorCode(closed)]).toEqual([409, 'CONFLICT']);
    expect(await stored()).toBe(closedBefore);
  });
});
