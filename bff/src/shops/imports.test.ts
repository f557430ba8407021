import { distanceMeters } from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { orgIds, type OrgIds } from '../../test/fixture-kit';
import { PatrolAlertModel } from './alert.model';
import { ShopModel } from './shop.model';
import { historyProblem, seededShopId, streetOrderCounts, streetOrderSnapshot } from './shops-test-kit';

/**
 * The two CSV imports: shops onto the register, patrol-vehicle alerts onto
 * shops. Line by line, bad lines refused and good ones applied, a repeat
 * adding nothing, and a file refused whole writing nothing.
 */
describe('street order imports', () => {
  let t: TestApp;
  let org: OrgIds;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));
  let district: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    district = await t.login('district-1');
    org = await orgIds(t, district);
  });
  afterAll(() => t.close());

  const upload = (path: string, text: string, contentType = 'text/csv', token = district) => t.request('POST', path, { token, rawBody: text, headers: { 'content-type': contentType } });

  const SHOPS_CSV = [
    'name,businessType,address,lat,lng,licenceNumber,contactPhone',
    '潍坊早点铺,street_food,潍坊路 520 号,31.2282,121.5221,,13900000201', // 2: good, no licence: name + address is its key
    '四村五金,other,南泉路 102 号,31.2246,121.5318,92310115MA1B0X0003,', // 3: good, by licence
    '无名店,bakery,潍坊路 1 号,31.229,121.523,,', // 4: unknown business type
    '缺坐标店,grocery,潍坊路 2 号,,121.523,,', // 5: no latitude
    '坏电话店,grocery,潍坊路 3 号,31.229,121.523,,12345', // 6: bad phone
    '坏执照店,grocery,潍坊路 4 号,31.229,121.523,lower-case,', // 7: bad licence number
    '区外小店,grocery,世纪大道 1 号,31.2,121.6,,', // 8: good, outside every committee
    '潍坊早点铺,street_food, 潍坊路520号 ,31.2282,121.5221,,', // 9: the same shop as line 2, spelt with other spacing
  ].join('\n');

  it('imports shops line by line, refusing the bad ones, and a repeat adds no shop', async () => {
    const before = await streetOrderCounts();
    const first = await upload('/api/shops/import', SHOPS_CSV);
    expect(first.status).toBe(200);
    expect({ applied: first.body.applied, refused: first.body.refused }).toEqual({ applied: 3, refused: 5 });
    const byLine = Object.fromEntries(first.body.lines.map((l: { line: number }) => [l.line, l]));
    expect([2, 3, 8].map((n) => byLine[n].applied)).toEqual([true, true, true]);
    expect(byLine[4].error).toMatch(/^businessType: /);
    expect(byLine[5].error).toMatch(/^lat: /);
    expect(byLine[6].error).toMatch(/^contactPhone: /);
    expect(byLine[7].error).toMatch(/^licenceNumber: /);
    expect(byLine[9]).toMatchObject({ applied: false, shopId: byLine[2].shopId, error: expect.stringContaining('already registered') });
    expect((await streetOrderCounts()).shops).toBe(before.shops + 3);

    const early = await t.request('GET', `/api/shops/${byLine[2].shopId}`, { token: district });
    expect(early.body).toMatchObject({ name: '潍坊早点铺', grade: 'medium', committeeId: org.committees.A, contactPhone: '13900000201' });
    expect((await ShopModel.findById(byLine[8].shopId).lean())!.committeeId).toBeUndefined();

    const again = await upload('/api/shops/import', SHOPS_CSV);
    expect({ applied: again.body.applied, refused: again.body.refused }).toEqual({ applied: 0, refused: 8 });
    expect(again.body.lines.filter((l: { shopId?: string }) => l.shopId).map((l: { shopId: string }) => l.shopId)).toEqual([byLine[2].shopId, byLine[3].shopId, byLine[8].shopId, byLine[2].shopId]);
    expect((await streetOrderCounts()).shops).toBe(before.shops + 3);
  });

  it('refuses a whole file that is not a CSV, cannot be read or comes from the wrong role, changing nothing', async () => {
    const before = await streetOrderSnapshot();
    for (const path of ['/api/shops/import', '/api/shops/alerts/import']) {
      const asJson = await upload(path, JSON.stringify({ csv: SHOPS_CSV }), 'application/json');
      expect([asJson.status, errorCode(asJson)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
      const empty = await upload(path, '');
      expect([empty.status, errorCode(empty)]).toEqual([400, 'VALIDATION_FAILED']);
      const unreadable = await upload(path, `${SHOPS_CSV}\n"未闭合,grocery,潍坊路 5 号,31.229,121.523\n`);
      expect([unreadable.status, errorCode(unreadable)]).toEqual([400, 'VALIDATION_FAILED']);
      const tooLong = await upload(path, `${SHOPS_CSV.split('\n')[0]}\n${'店,grocery,潍坊路 6 号,31.229,121.523\n'.repeat(10_001)}`);
      expect(tooLong.status).toBeGreaterThanOrEqual(400);
      expect(tooLong.status).toBeLessThan(500);
      for (const openid of ['cadre-1', 'handler-1']) {
        const refused = await upload(path, SHOPS_CSV, 'text/csv', await t.login(openid));
        expect([refused.status, errorCode(refused)]).toEqual([403, 'FORBIDDEN']);
      }
    }
    expect(await streetOrderSnapshot()).toBe(before);
  });

  it('attaches alerts to the nearest shop within 30 m or the shop named, keeps the rest unattached, and regrades the shops', async () => {
    const s01 = await seededShopId('S01'); // 31.2297,121.5237, a low grocery in A
    const s05 = await seededShopId('S05');
    const before = await streetOrderCounts();
    const alerts = [
      'time,lat,lng,violationType,shopId',
      '2026-03-08 21:10,31.2298,121.5238,beyond_door,', // 2: ~14 m from S01
      '2026-03-09T10:00:00+08:00,31.2297,121.5237,occupying_road,', // 3: at S01
      `2026-03-09 11:00,31.2200,121.5100,illegal_signs,${s05}`, // 4: names S05, stands elsewhere
      '2026-03-09 12:00,31.2330,121.5400,litter,', // 5: no shop within 30 m: kept unattached
      '2026-03-09 12:30,31.2297,121.5237,speeding,', // 6: unknown violation type
      '2026-03-11 08:00,31.2297,121.5237,litter,', // 7: tomorrow
      '2026-03-09 13:00,31.2297,121.5237,litter,0123456789abcdef01234567', // 8: no such shop
      '9 March,31.2297,121.5237,litter,', // 9: unreadable time
      '2026-03-09 14:00,31.2297,121.5237,litter,', // 10: at S01 again
    ].join('\n');
    const first = await upload('/api/shops/alerts/import', alerts);
    expect(first.status).toBe(200);
    expect({ applied: first.body.applied, refused: first.body.refused }).toEqual({ applied: 5, refused: 4 });
    const lines = first.body.lines as Array<{ line: number; applied: boolean; shopId?: string; error?: string }>;
    expect(lines.map((l) => [l.line, l.applied, l.shopId ?? null])).toEqual([
      [2, true, s01], [3, true, s01], [4, true, s05], [5, true, null], [6, false, null], [7, false, null], [8, false, null], [9, false, null], [10, true, s01],
    ]);
    expect(lines.find((l) => l.line === 6)!.error).toMatch(/^violationType: /);
    expect(lines.find((l) => l.line === 7)!.error).toBe('time: cannot be in the future');
    expect(lines.find((l) => l.line === 8)!.error).toBe('shopId: no such shop');
    expect(lines.find((l) => l.line === 9)!.error).toMatch(/^time: /);
    expect((await streetOrderCounts()).alerts).toBe(before.alerts + 5);
    expect(await PatrolAlertModel.countDocuments({ shopId: { $exists: false } })).toBe(1);

    // Three alerts count as three violations: S01 goes from low to high, in one history entry.
    const card = await t.request('GET', `/api/shops/${s01}`, { token: district });
    expect(card.body).toMatchObject({ grade: 'high' });
    expect(card.body.alerts.map((a: { violationType: string }) => a.violationType)).toEqual(['litter', 'occupying_road', 'beyond_door']);
    expect(card.body.gradeHistory[0]).toMatchObject({ from: 'low', to: 'high' });
    expect(historyProblem((await ShopModel.findById(s01).lean())!)).toBeUndefined();
    expect((await t.request('GET', `/api/shops/${s05}`, { token: district })).body.grade).toBe('medium');

    const again = await upload('/api/shops/alerts/import', alerts.replace('31.2200,121.5100', '31.22,121.51'));
    expect({ applied: again.body.applied, refused: again.body.refused }).toEqual({ applied: 0, refused: 9 });
    expect(again.body.lines.filter((l: { error?: string }) => l.error?.startsWith('already imported')).length).toBe(5);
    expect((await streetOrderCounts()).alerts).toBe(before.alerts + 5);
    expect((await ShopModel.findById(s01).lean())!.gradeHistory).toHaveLength(card.body.gradeHistory.length);
  });

  it('shows the unattached alert for the map, to staff whose area holds it, for 30 days', async () => {
    const unattached = (token: string) => t.request('GET', '/api/shops/unattached-alerts', { token });
    const stored = (await PatrolAlertModel.findOne({ shopId: { $exists: false } }).lean())!;
    const listed = await unattached(district);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      { id: String(stored._id), violationType: 'litter', at: new Date('2026-03-09T12:00:00+08:00').toISOString(), location: { lat: 31.233, lng: 121.54 } },
    ]);
    expect((await unattached(await t.login('handler-1'))).body.items).toHaveLength(1);
    // It stands outside every committee's area (1.7 km east of A): no cadre sees it.
    expect(stored.committeeId).toBeUndefined();
    expect((await unattached(await t.login('cadre-1'))).body.items).toEqual([]);
    // One inside committee A's area (a point of its circle farther than 30 m from every shop): A's cadre sees it, B's does not.
    const shops = await ShopModel.find({}, { location: 1 }).lean();
    const free = Array.from({ length: 400 }, (_, k) => ({ lat: 31.2265 + (k % 20) * 0.00025, lng: 121.5205 + Math.floor(k / 20) * 0.00025 })).find(
      (p) => distanceMeters(p, { lat: 31.229, lng: 121.523 }) < 400 && shops.every((s) => distanceMeters(p, { lat: s.location!.lat!, lng: s.location!.lng! }) > 40),
    )!;
    const inA = await upload('/api/shops/alerts/import', `time,lat,lng,violationType\n2026-03-09 15:00,${free.lat.toFixed(5)},${free.lng.toFixed(5)},fumes_noise`);
    expect(inA.body.lines).toEqual([{ line: 2, applied: true }]);
    const seenByA = (await unattached(await t.login('cadre-1'))).body.items;
    expect(seenByA.map((a: { violationType: string; committeeId: string }) => [a.violationType, a.committeeId])).toEqual([['fumes_noise', org.committees.A]]);
    expect((await unattached(await t.login('cadre-2'))).body.items).toEqual([]);
    expect((await unattached(district)).body.items.map((a: { violationType: string }) => a.violationType)).toEqual(['fumes_noise', 'litter']);
    expect((await unattached(await t.login('resident-1'))).status).toBe(403);
    clock.set(new Date('2026-04-08T12:01:00+08:00'));
    expect((await unattached(district)).body.items.map((a: { violationType: string }) => a.violationType)).toEqual(['fumes_noise']);
    clock.set(new Date('2026-04-08T15:01:00+08:00'));
    expect((await unattached(district)).body.items).toEqual([]);
  });
});
