import { ManualClock } from '../core/clock';
import { multipartBytes } from '../../test/one-field-corruptions';
import { errorCode, startTestApp, type TestApp, type TestResponse } from '../../test/test-app';
import { orgIds, type OrgIds } from '../../test/fixture-kit';
import { PATROL_LIST_MAX } from './patrol';
import { ShopModel } from './shop.model';
import { seededShopId, streetOrderSnapshot } from './shops-test-kit';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff5a9d4a0000000049454e44ae426082', 'hex');

/**
 * Who sees and does what in street order: district staff and handling units
 * every shop, a cadre their own committee only, residents (and pharmacies,
 * enterprises) nothing; every refusal in the one error shape, writing nothing.
 */
describe('street order scopes', () => {
  let t: TestApp;
  let org: OrgIds;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let shopInA: string;
  let shopInB: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['district-1', 'handler-1', 'cadre-1', 'resident-1', 'pharmacy-1', 'enterprise-1']) tokens[openid] = await t.login(openid);
    org = await orgIds(t, tokens['district-1']);
    shopInA = await seededShopId('S01');
    shopInB = await seededShopId('S09');
  });
  afterAll(() => t.close());

  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const post = (openid: string, path: string, body: unknown) => t.request('POST', path, { token: tokens[openid], body });
  const csv = (openid: string, path: string, text: string) => t.request('POST', path, { token: tokens[openid], rawBody: text, headers: { 'content-type': 'text/csv' } });
  const everyCall = (openid: string): Array<[string, () => Promise<TestResponse>]> => [
    ['list', () => get(openid, '/api/shops')],
    ['patrol', () => get(openid, '/api/shops/patrol')],
    ['card', () => get(openid, `/api/shops/${shopInA}`)],
    ['register', () => post(openid, '/api/shops', { name: '不该登记的店', businessType: 'grocery', address: '潍坊路 999 号', location: { lat: 31.229, lng: 121.523 } })],
    ['import shops', () => csv(openid, '/api/shops/import', 'name,businessType,address,lat,lng\n不该导入的店,grocery,潍坊路 998 号,31.229,121.523\n')],
    ['import alerts', () => csv(openid, '/api/shops/alerts/import', `time,lat,lng,violationType\n2026-03-09 10:00,31.2297,121.5237,beyond_door\n`)],
    ['inspect', () => post(openid, `/api/shops/${shopInA}/inspections`, { outcome: 'violation', violationType: 'litter', note: '不该记录' })],
  ];

  it('refuses residents, pharmacies and enterprises on every street-order route, changing nothing', async () => {
    const before = await streetOrderSnapshot();
    for (const openid of ['resident-1', 'pharmacy-1', 'enterprise-1'])
      for (const [what, call] of everyCall(openid)) {
        const response = await call();
        expect([what, openid, response.status, errorCode(response)]).toEqual([what, openid, 403, 'FORBIDDEN']);
      }
    expect(await streetOrderSnapshot()).toBe(before);
  });

  it('shows district staff and handling units every shop, and the committee they pick', async () => {
    const all = await ShopModel.countDocuments();
    for (const openid of ['district-1', 'handler-1']) {
      expect((await get(openid, '/api/shops?pageSize=100')).body.total).toBe(all);
      const inB = await get(openid, `/api/shops?committeeId=${org.committees.B}&pageSize=100`);
      expect(inB.body.total).toBe(await ShopModel.countDocuments({ committeeId: org.committees.B }));
      expect(inB.body.items.every((s: { committeeId: string }) => s.committeeId === org.committees.B)).toBe(true);
      expect((await get(openid, `/api/shops/${shopInB}`)).status).toBe(200);
    }
    const restaurants = await get('district-1', '/api/shops?businessType=restaurant&grade=low&pageSize=100');
    expect(restaurants.body.items.length).toBeGreaterThan(0);
    expect(restaurants.body.items.every((s: { businessType: string; grade: string }) => s.businessType === 'restaurant' && s.grade === 'low')).toBe(true);
    // Staff see the contact phone whole: they call the shop.
    expect((await get('handler-1', `/api/shops/${shopInA}`)).body.contactPhone).toBe('13900000101');
  });

  it("holds a cadre to their own committee: another committee's list is empty and its shop's card refused", async () => {
    const own = await get('cadre-1', '/api/shops?pageSize=100');
    expect(own.body.total).toBe(await ShopModel.countDocuments({ committeeId: org.committees.A }));
    expect(own.body.items.every((s: { committeeId: string }) => s.committeeId === org.committees.A)).toBe(true);
    expect((await get('cadre-1', `/api/shops?committeeId=${org.committees.B}`)).body).toMatchObject({ items: [], total: 0 });
    expect((await get('cadre-1', `/api/shops/patrol?committeeId=${org.committees.B}`)).body.items).toEqual([]);
    const foreign = await get('cadre-1', `/api/shops/${shopInB}`);
    expect([foreign.status, errorCode(foreign)]).toEqual([403, 'FORBIDDEN']);
    expect((await get('cadre-1', `/api/shops/${shopInA}`)).status).toBe(200);
  });

  it('lets only handling units and district staff record inspections; a cadre’s, a missing shop and a stranger’s photo are refused, writing nothing', async () => {
    const before = await streetOrderSnapshot();
    const byCadre = await post('cadre-1', `/api/shops/${shopInA}/inspections`, { outcome: 'ok', note: '居委巡查' });
    expect([byCadre.status, errorCode(byCadre)]).toEqual([403, 'FORBIDDEN']);
    const missing = await post('handler-1', '/api/shops/0123456789abcdef01234567/inspections', { outcome: 'ok', note: '巡查' });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NOT_FOUND']);
    const residentsPhoto = await upload('resident-1');
    const stranger = await post('handler-1', `/api/shops/${shopInA}/inspections`, { outcome: 'ok', note: '巡查', photoIds: [residentsPhoto] });
    expect([stranger.status, errorCode(stranger)]).toEqual([400, 'VALIDATION_FAILED']);
    const unnamed = await post('handler-1', `/api/shops/${shopInA}/inspections`, { outcome: 'violation', note: '巡查' });
    expect([unnamed.status, errorCode(unnamed)]).toEqual([400, 'VALIDATION_FAILED']);
    const tooMany = await post('handler-1', `/api/shops/${shopInA}/inspections`, { outcome: 'ok', note: '巡查', photoIds: Array(7).fill(residentsPhoto) });
    expect(tooMany.status).toBe(400);
    expect(await streetOrderSnapshot()).toBe(before);

    const own = await upload('handler-1');
    const recorded = await post('handler-1', `/api/shops/${shopInB}/inspections`, { outcome: 'ok', note: '巡查', photoIds: [own] });
    expect([recorded.status, recorded.body.inspection.photoIds]).toEqual([201, [own]]);
  });

  it("lists today's patrol high grade first, then the longest uninspected (never first), with the distance from where I stand", async () => {
    const here = { lat: 31.229, lng: 121.523 };
    const mine = await get('cadre-1', `/api/shops/patrol?lat=${here.lat}&lng=${here.lng}`);
    expect(mine.status).toBe(200);
    expect(mine.body.date).toBe('2026-03-10');
    const items = mine.body.items as Array<{ name: string; grade: string; committeeId: string; daysSinceInspection?: number; distanceMeters: number }>;
    expect(items.every((s) => s.committeeId === org.committees.A)).toBe(true);
    expect(items[0]).toMatchObject({ name: '阿婆葱油饼', grade: 'high', daysSinceInspection: 6 });
    const rank = { high: 2, medium: 1, low: 0 } as Record<string, number>;
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1], items[i]];
      expect(rank[a.grade]).toBeGreaterThanOrEqual(rank[b.grade]);
      if (a.grade === b.grade) expect(a.daysSinceInspection ?? Infinity).toBeGreaterThanOrEqual(b.daysSinceInspection ?? Infinity);
      if (a.grade === b.grade && a.daysSinceInspection === b.daysSinceInspection) expect(a.distanceMeters).toBeLessThanOrEqual(b.distanceMeters);
    }
    const s01 = items.find((s) => s.name === '潍坊便民食杂店')!;
    expect(s01.daysSinceInspection).toBeUndefined();
    expect(s01.distanceMeters).toBeGreaterThan(50);
    expect(s01.distanceMeters).toBeLessThan(150);

    const unit = await get('handler-1', '/api/shops/patrol');
    expect(unit.body.items.length).toBe(Math.min(PATROL_LIST_MAX, await ShopModel.countDocuments()));
    expect(new Set(unit.body.items.map((s: { committeeId: string }) => s.committeeId)).size).toBe(4);
    expect(unit.body.items[0].distanceMeters).toBeUndefined();
    const half = await get('handler-1', '/api/shops/patrol?lat=31.229');
    expect([half.status, errorCode(half)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  async function upload(openid: string): Promise<string> {
    const response = await fetch(`${t.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[openid] ?? (tokens[openid] = await t.login(openid))}`, 'content-type': 'multipart/form-data; boundary=B0undary' },
      body: new Uint8Array(multipartBytes([{ field: 'file', filename: 'photo.png', type: 'image/png', data: PNG }], 'B0undary')),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }
});
