import { Types } from 'mongoose';
import { overviewSchema } from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import { startTestApp, type TestApp } from '../../test/test-app';
import { applyStep } from '../workflow/apply-step';
import { ComplaintModel, rollUpStep } from './complaint.model';
import { maintainRollups } from './jobs';
import { rebuildComplaintRollups } from './rollup-rebuild';
import { RollupModel } from './rollup.model';
import { rollUp } from './rollups';

const IN_A = { lat: 31.2291, lng: 121.5231 };
const IN_B = { lat: 31.2236, lng: 121.5301 };

describe("the complaint rollups behind the overview: each step counted once", () => {
  let t: TestApp;
  // Wednesday 4 March 2026.
  const clock = new ManualClock(new Date('2026-03-04T10:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let unit: string;

  const post = async (openid: string, path: string, body: unknown = {}) => {
    const response = await t.request('POST', path, { token: tokens[openid], body });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  const file = async (location = IN_A) => (await post('resident-1', '/api/complaints', { category: 'street-occupation', description: '人行道被电动车占满', location, address: '某路某号' })).id as string;
  const overview = async () => overviewSchema.parse((await t.request('GET', '/api/dashboard/overview', { token: tokens['district-1'] })).body).complaints;
  const later = (hours: number) => clock.set(new Date(clock.now().getTime() + hours * 3_600_000));

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'error' }, { clock });
    for (const openid of ['resident-1', 'cadre-1', 'cadre-2', 'handler-1', 'district-1']) tokens[openid] = await t.login(openid);
    const org = await t.request('GET', '/api/org', { token: tokens['district-1'] });
    unit = org.body.units.find((u: { code: string }) => u.code === 'city-management').id;
  });
  afterAll(() => t.close());

  it('counts a step once when it is rolled up again, when an older step arrives after a later one, and when the rollup job runs after it', async () => {
    const id = await file();
    later(1);
    await post('cadre-1', `/api/complaints/${id}/accept`);
    const afterAccept = (await ComplaintModel.findById(id))!;
    later(1);
    await post('cadre-1', `/api/complaints/${id}/dispatch`, { unitId: unit });
    const figures = await overview();
    expect(figures.total).toMatchObject({ received: 1, medianHoursToDispatch: 2 });

    // The same step sent again is refused by the workflow; rolled up again, late, or by the job, it changes nothing.
    expect((await t.request('POST', `/api/complaints/${id}/dispatch`, { token: tokens['cadre-1'], body: { unitId: unit } })).status).toBe(409);
    const now = (await ComplaintModel.findById(id))!;
    await rollUpStep(now);
    await rollUp(now);
    await rollUpStep(afterAccept);
    await maintainRollups(clock.now());
    await maintainRollups(clock.now());
    expect(await overview()).toEqual(figures);
    const rollup = (await RollupModel.findOne({ [`slots.${id}`]: { $exists: true } }).lean())!;
    expect(rollup.slots[id]).toMatchObject({ n: 3, e: String(now.timeline.at(-1)!._id) });
  });

  it("finishes, once, the rollup of a step whose process stopped between the step's write and its rollup", async () => {
    const id = await file();
    await post('cadre-1', `/api/complaints/${id}/accept`);
    await post('cadre-1', `/api/complaints/${id}/dispatch`, { unitId: unit });
    later(5);
    const before = await overview();

    // What applyTransition writes for the unit's resolution, without the rollup that follows it.
    const entryId = new Types.ObjectId();
    const at = clock.now();
    await applyStep(ComplaintModel, id, 'dispatched', 'resolved', {
      set: { resolvedAt: at, resolutionNote: '已清理', rollupDue: entryId },
      inc: { resolutions: 1, lateResolutions: 0 },
      entry: { _id: entryId, at, role: 'handler', action: 'resolve', from: 'dispatched', to: 'resolved' },
    });
    expect((await overview()).total.resolutions).toBe(before.total.resolutions);

    expect(await maintainRollups(clock.now())).toMatchObject({ rolledUp: 1 });
    const after = await overview();
    expect([after.total.resolutions, after.total.everResolved]).toEqual([before.total.resolutions + 1, before.total.everResolved + 1]);
    expect(await maintainRollups(clock.now())).toMatchObject({ rolledUp: 0 });
    expect(await overview()).toEqual(after);
    expect(await ComplaintModel.countDocuments({ rollupDue: { $exists: true } })).toBe(0);
  });

  it('turns a waiting matter red as its time passes, before and after the job counts it, and lists it with its urges until it moves on', async () => {
    const id = await file(IN_B);
    expect((await overview()).worstOverdue.map((w) => w.id)).not.toContain(id);
    later(40); // past the end of the next working day, its time to be accepted
    const red = await overview();
    expect(red.worstOverdue.map((w) => w.id)).toContain(id);
    expect(red.overdueNow).toBeGreaterThanOrEqual(1);

    await maintainRollups(clock.now());
    expect(await overview()).toEqual(red);
    await post('district-1', `/api/complaints/${id}/urge`, { note: '请尽快受理' });
    expect((await overview()).worstOverdue.find((w) => w.id === id)).toMatchObject({ urgeCount: 1, status: 'submitted', committeeName: '潍坊四村居委会' });

    await post('cadre-2', `/api/complaints/${id}/accept`);
    const moved = await overview();
    expect(moved.overdueNow).toBe(red.overdueNow - 1);
    expect(moved.worstOverdue.map((w) => w.id)).not.toContain(id);
  });

  it('keeps every step when many complaints of one committee and week move at once', async () => {
    const before = await overview();
    const ids = await Promise.all(Array.from({ length: 12 }, () => file()));
    await Promise.all(ids.map((id) => post('cadre-1', `/api/complaints/${id}/accept`)));
    later(1);
    await Promise.all(ids.map((id) => post('cadre-1', `/api/complaints/${id}/dispatch`, { unitId: unit })));
    const after = await overview();
    expect(after.total.received).toBe(before.total.received + 12);
    const row = after.byCommittee.find((r) => r.committeeName === '潍坊一村居委会')!;
    expect(row.total.received).toBe(await ComplaintModel.countDocuments({ committeeId: row.committeeId }));
    await rebuildComplaintRollups(clock.now());
    expect(await overview()).toEqual(after);
  });

  it('rebuilds from the complaints to the figures the steps kept', async () => {
    const id = await file();
    await post('cadre-1', `/api/complaints/${id}/accept`);
    await post('cadre-1', `/api/complaints/${id}/dispatch`, { unitId: unit });
    later(3);
    await post('handler-1', `/api/complaints/${id}/resolve`, { note: '已清理' });
    await post('resident-1', `/api/complaints/${id}/rate`, { stars: 2 });
    later(2);
    await post('handler-1', `/api/complaints/${id}/resolve`, { note: '已彻底清理' });
    const kept = await overview();
    expect(kept.total.reopened).toBeGreaterThan(0);

    await RollupModel.deleteMany({});
    expect((await overview()).total.received).toBe(0);
    expect(await rebuildComplaintRollups(clock.now())).toMatchObject({ complaints: await ComplaintModel.countDocuments() });
    expect(await overview()).toEqual(kept);
  });
});
