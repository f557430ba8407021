import { SATISFIED_MIN_STARS } from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { ComplaintModel } from './complaint.model';

/** A point inside committee A's area (潍坊一村), and one inside committee B's. */
const IN_A = { lat: 31.2291, lng: 121.5231 };
const IN_B = { lat: 31.2236, lng: 121.5301 };

describe('the complaint loop 问题发现 → 派单 → 解决 → 反馈, through HTTP', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00')); // a Monday
  const tokens: Record<string, string> = {};
  let unitIds: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'error' }, { clock });
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'cadre-1', 'cadre-2', 'handler-1', 'district-1', 'pharmacy-1']) {
      tokens[openid] = await t.login(openid);
    }
    const org = await t.request('GET', '/api/org', { token: tokens['district-1'] });
    unitIds = Object.fromEntries(org.body.units.map((u: { code: string; id: string }) => [u.code, u.id]));
  });
  afterAll(() => t.close());

  const as = (openid: string) => ({
    get: (path: string) => t.request('GET', path, { token: tokens[openid] }),
    post: (path: string, body: unknown = {}) => t.request('POST', path, { token: tokens[openid], body }),
  });
  const file = (openid = 'resident-1', overrides: Record<string, unknown> = {}) =>
    as(openid).post('/api/complaints', {
      category: 'street-occupation',
      description: '小区门口早餐摊占道经营，行人只能走机动车道',
      location: IN_A,
      address: '潍坊路 400 号门口',
      ...overrides,
    });

  it('runs the whole loop: filed, accepted, dispatched, resolved, rated 2 (reopened), resolved again, rated 5 (closed)', async () => {
    const filed = await file();
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'submitted', categoryName: '占道经营', overdue: false, actions: [] });
    const id = filed.body.id;

    const queue = await as('cadre-1').get('/api/complaints?status=submitted');
    expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const seen = await as('cadre-1').get(`/api/complaints/${id}`);
    expect(seen.body.actions).toEqual(['accept', 'reject']);
    expect(seen.body.suggestedUnitId).toBe(unitIds['city-management']);

    clock.advance(2 * 3600_000);
    const accepted = await as('cadre-1').post(`/api/complaints/${id}/accept`, { note: '已核实' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');

    const dispatched = await as('cadre-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds['city-management'] });
    expect(dispatched.body.status).toBe('dispatched');
    // street-occupation is a complaint: 5 working days from Monday 2 March → end of Monday 9 March.
    expect(dispatched.body.deadline).toBe('2026-03-09T15:59:59.999Z');

    const tasks = await as('handler-1').get('/api/complaints?status=dispatched');
    expect(tasks.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(tasks.body.items.find((c: { id: string }) => c.id === id).reporterName).toBe('张*');

    clock.advance(24 * 3600_000);
    const resolved = await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '已劝离摊贩并张贴告示' });
    expect(resolved.body.status).toBe('resolved');

    const bad = await as('resident-1').post(`/api/complaints/${id}/rate`, { stars: 2, comment: '第二天又来了' });
    expect(bad.body).toMatchObject({ status: 'dispatched', reopenCount: 1, unitId: unitIds['city-management'] });
    // A fresh deadline from the reopen (Tuesday 3 March + 5 working days).
    expect(bad.body.deadline).toBe('2026-03-10T15:59:59.999Z');

    const again = await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '联合执法，设置隔离栏' });
    expect(again.body.status).toBe('resolved');
    const good = await as('resident-1').post(`/api/complaints/${id}/rate`, { stars: 5, comment: '解决了，谢谢' });
    expect(good.body).toMatchObject({ status: 'closed', rating: { stars: 5, comment: '解决了，谢谢' }, reopenCount: 1 });

    const detail = await as('resident-1').get(`/api/complaints/${id}`);
    expect(detail.body.timeline.map((e: { action: string; to?: string }) => `${e.action}→${e.to}`)).toEqual([
      'submit→submitted',
      'accept→accepted',
      'dispatch→dispatched',
      'resolve→resolved',
      'rate→dispatched',
      'resolve→resolved',
      'rate→closed',
    ]);
    expect(detail.body.timeline[1]).toMatchObject({ role: 'cadre', from: 'submitted', note: '已核实' });

    const archived = await as('district-1').post(`/api/complaints/${id}/archive`);
    expect(archived.body.status).toBe('archived');
  });

  it('tells the reporter of each step in the message list and, having accepted the template, through a WeChat subscribe message', async () => {
    // What requestSubscribeMessage tells WeChat, and the mini-program then tells the BFF.
    const template = t.config.wechat.subscribeTemplateId;
    t.wechat.accept('resident-2', template);
    await as('resident-2').post('/api/wechat/subscriptions', { accepted: [template] });
    const id = (await file('resident-2')).body.id;
    await as('cadre-1').post(`/api/complaints/${id}/accept`);
    const messages = await as('resident-2').get('/api/messages');
    expect(messages.body.items[0]).toMatchObject({ title: '您的反映已受理', read: false, link: expect.stringContaining(id), wechat: 'sent' });
    expect(t.wechat.subscribeMessages.some((m) => m.touser === 'resident-2' && m.data.thing1.value.includes('受理'))).toBe(true);
    const read = await as('resident-2').post(`/api/messages/${messages.body.items[0].id}/read`);
    expect(read.status).toBe(204);
  });

  it('shows a reason when a cadre rejects', async () => {
    const id = (await file()).body.id;
    const rejected = await as('cadre-1').post(`/api/complaints/${id}/reject`, { reason: '属于私人纠纷，请通过调解解决' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: '属于私人纠纷，请通过调解解决' });
    expect((await as('resident-1').get(`/api/complaints/${id}`)).body.rejectionReason).toBe('属于私人纠纷，请通过调解解决');
  });

  describe('who may act (403) and what the table allows (409)', () => {
    let id: string;
    beforeEach(async () => {
      id = (await file()).body.id;
    });

    it('refuses a cadre of another committee with 403', async () => {
      const response = await as('cadre-2').post(`/api/complaints/${id}/accept`);
      expect(response.status).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect((await ComplaintModel.findById(id))!.status).toBe('submitted');
    });

    it('refuses a resident accepting, a unit dispatching, and a pharmacy reading with 403', async () => {
      expect((await as('resident-1').post(`/api/complaints/${id}/accept`)).status).toBe(403);
      expect((await as('handler-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds.housing })).status).toBe(403);
      expect((await as('pharmacy-1').get(`/api/complaints/${id}`)).status).toBe(403);
    });

    it('refuses another resident reading someone else\'s complaint with 403', async () => {
      expect((await as('resident-2').get(`/api/complaints/${id}`)).status).toBe(403);
      expect((await as('resident-2').get('/api/complaints')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    });

    it('refuses a unit resolving a matter dispatched to another unit with 403', async () => {
      await as('cadre-1').post(`/api/complaints/${id}/accept`);
      await as('cadre-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds.housing });
      const response = await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '不是我们的' });
      expect(response.status).toBe(403);
    });

    it('refuses a second accept and a resolve before dispatch with 409 and the current status', async () => {
      await as('cadre-1').post(`/api/complaints/${id}/accept`);
      const twice = await as('cadre-1').post(`/api/complaints/${id}/accept`);
      expect(twice.status).toBe(409);
      expect(twice.body.error.details).toEqual({ currentStatus: 'accepted' });
      await as('cadre-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds['city-management'] });
      await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '处理完毕' });
      await as('resident-1').post(`/api/complaints/${id}/rate`, { stars: 4 });
      const late = await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '再处理' });
      expect(late.status).toBe(409);
      expect(late.body.error.details.currentStatus).toBe('closed');
    });

    it('counts a 3-star rating as satisfied and closes on it; a 2-star one reopens and is not satisfied (README 好差评)', async () => {
      expect(SATISFIED_MIN_STARS).toBe(3);
      const counters = async () => {
        const c = (await ComplaintModel.findById(id, { status: 1, ratingCount: 1, satisfiedCount: 1 }).lean())!;
        return { status: c.status, ratingCount: c.ratingCount, satisfiedCount: c.satisfiedCount };
      };
      await as('cadre-1').post(`/api/complaints/${id}/accept`);
      await as('cadre-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds['city-management'] });
      await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '处理完毕' });
      expect((await as('resident-1').post(`/api/complaints/${id}/rate`, { stars: 2 })).body.status).toBe('dispatched');
      expect(await counters()).toEqual({ status: 'dispatched', ratingCount: 1, satisfiedCount: 0 });
      await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '再次处理' });
      expect((await as('resident-1').post(`/api/complaints/${id}/rate`, { stars: 3 })).body.status).toBe('closed');
      expect(await counters()).toEqual({ status: 'closed', ratingCount: 2, satisfiedCount: 1 });
    });

    it('lets only the reporter rate', async () => {
      await as('cadre-1').post(`/api/complaints/${id}/accept`);
      await as('cadre-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds['city-management'] });
      await as('handler-1').post(`/api/complaints/${id}/resolve`, { note: '处理完毕' });
      expect((await as('resident-2').post(`/api/complaints/${id}/rate`, { stars: 1 })).status).toBe(403);
      expect((await as('resident-1').post(`/api/complaints/${id}/rate`, { stars: 9 })).status).toBe(400);
    });

    it('lets exactly one of two people acting at once win; the other gets 409', async () => {
      const [a, b] = await Promise.all([as('cadre-1').post(`/api/complaints/${id}/accept`), as('district-1').post(`/api/complaints/${id}/accept`)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const record = await ComplaintModel.findById(id);
      expect(record!.timeline.filter((e) => e.action === 'accept')).toHaveLength(1);
    });

    it('keeps one outcome when a cadre rejects and district staff accept at the same moment', async () => {
      const answers = await Promise.all([
        as('cadre-1').post(`/api/complaints/${id}/reject`, { reason: '重复反映' }),
        as('district-1').post(`/api/complaints/${id}/accept`),
        as('cadre-1').post(`/api/complaints/${id}/accept`),
      ]);
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(2);
      const record = await ComplaintModel.findById(id);
      expect(record!.timeline).toHaveLength(2);
    });
  });

  describe('filing', () => {
    it('refuses bad input with 400 and writes nothing', async () => {
      const before = await ComplaintModel.countDocuments();
      for (const overrides of [
        { category: 'no-such-category' },
        { description: '短' },
        { location: { lat: 200, lng: 121 } },
        { location: { lat: { $gt: 0 }, lng: 121 } },
        { photoIds: ['not-an-id'] },
        { photoIds: Array(7).fill('0123456789abcdef01234567') },
        { status: 'closed' },
      ]) {
        const response = await file('resident-1', overrides);
        expect(response.status).toBe(400);
        expect(errorCode(response)).toBe('VALIDATION_FAILED');
      }
      const someoneElsesPhoto = await file('resident-1', { photoIds: ['0123456789abcdef01234567'] });
      expect(someoneElsesPhoto.status).toBe(400);
      expect(await ComplaintModel.countDocuments()).toBe(before);
    });

    it('lets only residents file', async () => {
      expect((await file('cadre-1')).status).toBe(403);
    });

    it('routes a report to the committee whose area holds it', async () => {
      const inB = await file('resident-3', { location: IN_B });
      const me3 = await as('cadre-2').get(`/api/complaints/${inB.body.id}`);
      expect(me3.status).toBe(200);
      expect((await as('cadre-1').get(`/api/complaints/${inB.body.id}`)).status).toBe(403);
    });

    it('leaves a report outside every committee to the district', async () => {
      const outside = await file('resident-1', { location: { lat: 31.3, lng: 121.6 } });
      expect(outside.body.committeeId).toBeUndefined();
      expect((await as('district-1').post(`/api/complaints/${outside.body.id}/accept`)).status).toBe(200);
    });
  });

  describe('me too (FixMyStreet-style duplicates)', () => {
    it('shows open reports of the same category within 100 m, nearest first', async () => {
      const near = await file('resident-1', { category: 'noise', location: { lat: 31.2295, lng: 121.5235 } });
      await file('resident-1', { category: 'noise', location: { lat: 31.2312, lng: 121.5235 } }); // ~190 m away
      await file('resident-1', { category: 'sanitation', location: { lat: 31.2295, lng: 121.5235 } });
      const response = await as('resident-2').get('/api/complaints/nearby?lat=31.2296&lng=121.5235&category=noise');
      expect(response.status).toBe(200);
      expect(response.body.items.map((c: { id: string }) => c.id)).toEqual([near.body.id]);
      expect(response.body.items[0].distanceMeters).toBeLessThanOrEqual(15);
    });

    it('leaves out my own reports and says where I already added "me too"', async () => {
      const mine = await file('resident-1', { category: 'elevator', location: { lat: 31.2288, lng: 121.5228 } });
      const asReporter = await as('resident-1').get('/api/complaints/nearby?lat=31.2288&lng=121.5228&category=elevator');
      expect(asReporter.body.items).toEqual([]);
      await as('resident-2').post(`/api/complaints/${mine.body.id}/metoo`);
      const asNeighbour = await as('resident-2').get('/api/complaints/nearby?lat=31.2288&lng=121.5228&category=elevator');
      expect(asNeighbour.body.items[0]).toMatchObject({ id: mine.body.id, alreadyMeToo: true, meTooCount: 1 });
    });

    it('shows residents on the timeline by family name only to the handling unit', async () => {
      const id = (await file('resident-1', { category: 'noise' })).body.id;
      await as('resident-2').post(`/api/complaints/${id}/metoo`);
      await as('cadre-1').post(`/api/complaints/${id}/accept`);
      await as('cadre-1').post(`/api/complaints/${id}/dispatch`, { unitId: unitIds['city-management'] });
      const names = async (openid: string) =>
        (await as(openid).get(`/api/complaints/${id}`)).body.timeline.map((e: { action: string; actorName: string }) => `${e.action}:${e.actorName}`);
      expect(await names('handler-1')).toEqual(['submit:张*', 'metoo:李*', 'accept:陈书记（潍坊一村）', 'dispatch:陈书记（潍坊一村）']);
      expect(await names('cadre-1')).toEqual(expect.arrayContaining(['submit:张伟', 'metoo:李娜']));
      expect(await names('resident-1')).toEqual(expect.arrayContaining(['submit:张伟', 'metoo:李*']));
    });

    it('counts each neighbour once, refuses the reporter, and holds under a rush', async () => {
      const id = (await file('resident-1', { category: 'greenery' })).body.id;
      const rush = await Promise.all(Array.from({ length: 10 }, () => as('resident-2').post(`/api/complaints/${id}/metoo`)));
      expect(rush.filter((r) => r.status === 200)).toHaveLength(1);
      expect(rush.filter((r) => r.status === 409)).toHaveLength(9);
      expect((await as('resident-3').post(`/api/complaints/${id}/metoo`)).body.meTooCount).toBe(2);
      expect((await as('resident-1').post(`/api/complaints/${id}/metoo`)).status).toBe(409);
    });
  });
});
