import { DAY_MS, ManualClock } from '../core/clock';
import { seedDemoData } from '../dev/seed';
import { runOnce } from '../jobs/scheduler';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { shopJobs } from './jobs';
import { ShopModel } from './shop.model';
import { historyProblem, seededShopId, streetOrderSnapshot } from './shops-test-kit';

/**
 * Street order (issue 16), through HTTP: shops graded high / medium / low by
 * the shared rule, regraded in the request that records an inspection, and by
 * the daily job as time passes.
 */
describe('street shops and their grades', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['district-1', 'handler-1', 'cadre-1']) tokens[openid] = await t.login(openid);
  });
  afterAll(() => t.close());

  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const post = (openid: string, path: string, body: unknown) => t.request('POST', path, { token: tokens[openid], body });
  const register = async (businessType: string) => {
    const created = await post('district-1', '/api/shops', { name: `测试商铺${++serial}`, businessType, address: `潍坊路 ${800 + serial} 号`, location: { lat: 31.2288, lng: 121.5231 } });
    expect(created.status).toBe(201);
    return created.body as { id: string; grade: string; committeeName?: string };
  };
  const inspect = (shopId: string, body: Record<string, unknown>, as = 'handler-1') => post(as, `/api/shops/${shopId}/inspections`, { note: '现场巡查', ...body });
  const violation = (shopId: string) => inspect(shopId, { outcome: 'violation', violationType: 'beyond_door' });
  const stored = async (id: string) => (await ShopModel.findById(id).lean())!;
  const runDailyJob = async () => (await runOnce(shopJobs[0], 'test', clock.now())).result as { regraded: number; changed: number };

  it('seeds over 30 shops in every committee, and a low-grade shop city management can find', async () => {
    const all = await get('district-1', '/api/shops?pageSize=100');
    expect(all.body.total).toBeGreaterThanOrEqual(32);
    expect(new Set(all.body.items.map((s: { committeeName: string }) => s.committeeName)).size).toBe(4);
    const low = await get('handler-1', '/api/shops?grade=low&pageSize=100');
    expect(low.body.items.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['潍坊便民食杂店', '老潍坊生煎馆']));
    expect(low.body.items.every((s: { grade: string }) => s.grade === 'low')).toBe(true);
    // High first, whatever the filter.
    expect(all.body.items.slice(0, 2).map((s: { name: string; grade: string }) => `${s.name}:${s.grade}`).sort()).toEqual(['梅园小吃铺:high', '阿婆葱油饼:high'].sort());
  });

  it('seeds again without changing a shop, an inspection or an alert', async () => {
    const before = await streetOrderSnapshot();
    await seedDemoData({ idKey: t.config.keys.idHash }, new Date(clock.now().getTime() + 40 * DAY_MS), { openRound: false });
    expect(await streetOrderSnapshot()).toBe(before);
  });

  it('registers a shop graded at once from its business type, in the committee whose area holds it', async () => {
    const shop = await register('restaurant');
    expect(shop).toMatchObject({ grade: 'medium', committeeName: '潍坊一村居委会' });
    const detail = await get('district-1', `/api/shops/${shop.id}`);
    expect(detail.body.gradeHistory).toEqual([expect.objectContaining({ to: 'medium' })]);
    expect(detail.body.gradeHistory[0].from).toBeUndefined();
    const again = await post('district-1', '/api/shops', { name: detail.body.name, businessType: 'grocery', address: ` ${detail.body.address} `, location: { lat: 31.2288, lng: 121.5231 } });
    expect([again.status, errorCode(again), again.body.error.details.shopId]).toEqual([409, 'CONFLICT', shop.id]);
  });

  it('regrades a shop in the same request as a clean inspection, answering the grade before', async () => {
    const shop = await register('restaurant');
    const reply = await inspect(shop.id, { outcome: 'ok' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ previousGrade: 'medium', shop: { id: shop.id, grade: 'low', lastInspectedOn: '2026-03-10' }, inspection: { outcome: 'ok', by: '潍坊城管执法中队' } });
    expect(reply.body.shop.reasons.at(-1)).toContain('巡查无问题');
    const detail = await get('district-1', `/api/shops/${shop.id}`);
    expect(detail.body.inspections).toHaveLength(1);
    expect(detail.body.gradeHistory.map((h: { from?: string; to: string }) => `${h.from ?? ''}→${h.to}`)).toEqual(['medium→low', '→medium']);
    const byDistrict = await inspect(shop.id, { outcome: 'ok' }, 'district-1');
    expect(byDistrict.body.inspection.by).toBe('区级');
  });

  it('makes a shop high on its third violation, appending one history entry per change of grade', async () => {
    const shop = await register('grocery');
    expect(shop.grade).toBe('low');
    expect((await violation(shop.id)).body).toMatchObject({ previousGrade: 'low', shop: { grade: 'medium' } });
    expect((await violation(shop.id)).body).toMatchObject({ previousGrade: 'medium', shop: { grade: 'medium' } });
    const third = await violation(shop.id);
    expect(third.body).toMatchObject({ previousGrade: 'medium', shop: { grade: 'high', nextFallOn: '2026-06-08' } });
    expect(third.body.shop.reasons.at(-1)).toContain('违规3次');
    const record = await stored(shop.id);
    expect(record.gradeHistory.map((h) => h.to)).toEqual(['low', 'medium', 'high']);
    expect(historyProblem(record)).toBeUndefined();
  });

  it('lets the daily job drop a shop 90 quiet days after its violations, once, and nothing on a second run', async () => {
    const shop = await register('grocery');
    for (let i = 0; i < 3; i++) await violation(shop.id);
    expect((await stored(shop.id)).grade).toBe('high');

    clock.set('2026-06-07T09:00:00+08:00'); // day 89: the violations still count
    await runDailyJob();
    expect((await stored(shop.id)).grade).toBe('high');

    clock.set('2026-06-08T00:30:00+08:00'); // day 90
    const first = await runDailyJob();
    expect(first.changed).toBeGreaterThanOrEqual(1);
    const fallen = await stored(shop.id);
    expect(fallen.grade).toBe('low');
    expect(fallen.gradeHistory.at(-1)).toMatchObject({ from: 'high', to: 'low' });
    expect(historyProblem(fallen)).toBeUndefined();
    // The card shows the history newest first.
    const card = (await get('cadre-1', `/api/shops/${shop.id}`)).body;
    expect(card.grade).toBe('low');
    expect(card.gradeHistory.map((h: { from?: string; to: string }) => `${h.from ?? ''}→${h.to}`)).toEqual(['high→low', 'medium→high', 'low→medium', '→low']);

    const before = await streetOrderSnapshot();
    expect(await runDailyJob()).toEqual({ regraded: 0, changed: 0 });
    expect(await streetOrderSnapshot()).toBe(before);
  });

  it('raises a shop again when its clean inspection stops counting after 30 days', async () => {
    clock.set('2026-06-10T09:00:00+08:00');
    const shop = await register('street_food');
    expect((await inspect(shop.id, { outcome: 'ok' })).body.shop.grade).toBe('low');
    clock.advance(29 * DAY_MS);
    await runDailyJob();
    expect((await stored(shop.id)).grade).toBe('low');
    clock.advance(DAY_MS);
    await runDailyJob();
    const risen = await stored(shop.id);
    expect(risen.grade).toBe('medium');
    expect(risen.gradeHistory.map((h) => h.to)).toEqual(['medium', 'low', 'medium']);
  });

  it('keeps the reasons true as a violation leaves the window without changing the grade, and writes no history for it', async () => {
    clock.set('2026-12-01T09:00:00+08:00');
    const shop = await register('grocery');
    await violation(shop.id);
    clock.advance(10 * DAY_MS);
    expect((await violation(shop.id)).body.shop).toMatchObject({ grade: 'medium', reasons: expect.arrayContaining([expect.stringContaining('违规2次')]) });
    clock.advance(80 * DAY_MS); // day 90 after the first: it stops counting, the second still does
    await runDailyJob();
    const after = await stored(shop.id);
    expect(after.grade).toBe('medium');
    expect(after.reasons.join('')).toContain('违规1次');
    expect(after.gradeHistory.map((h) => h.to)).toEqual(['low', 'medium']);
  });

  it('keeps a high shop high while violations follow within 90 days of each other, and drops it after 90 quiet days', async () => {
    clock.set('2026-08-01T09:00:00+08:00');
    const shop = await register('grocery');
    for (let i = 0; i < 3; i++) await violation(shop.id);
    for (const gap of [80, 85]) {
      clock.advance(gap * DAY_MS);
      await runDailyJob();
      expect((await stored(shop.id)).grade).toBe('high');
      // One violation in the window, and still high: the spell the first three started goes on.
      expect((await violation(shop.id)).body).toMatchObject({ previousGrade: 'high', shop: { grade: 'high' } });
    }
    clock.advance(90 * DAY_MS);
    await runDailyJob();
    const quiet = await stored(shop.id);
    expect(quiet.grade).toBe('low');
    expect(quiet.gradeHistory.map((h) => h.to)).toEqual(['low', 'medium', 'high', 'low']);
    // A new violation after a gap of more than a window starts afresh: one step up, not high.
    clock.advance(DAY_MS);
    expect((await violation(shop.id)).body.shop.grade).toBe('medium');
  });

  it('heals a shop whose regrade was lost after an inspection was written', async () => {
    const id = await seededShopId('S08');
    await ShopModel.updateOne({ _id: id }, { $inc: { inputVersion: 1 } }); // an input marked, its regrade never ran
    const result = await runDailyJob();
    expect(result.regraded).toBeGreaterThanOrEqual(1);
    const healed = await stored(id);
    expect(healed.computedVersion).toBe(healed.inputVersion);
  });
});
