import { DAY_MS, ManualClock } from '../core/clock';
import { runOnce } from '../jobs/scheduler';
import { startTestApp, type TestApp } from '../../test/test-app';
import { autoArchive, autoCloseUnrated, complaintJobs } from './jobs';
import { ComplaintModel } from './complaint.model';

const IN_A = { lat: 31.2291, lng: 121.5231 };

describe('scheduled complaint work', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let cityManagement: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['resident-1', 'resident-2', 'cadre-1', 'handler-1', 'district-1']) tokens[openid] = await t.login(openid);
    const org = await t.request('GET', '/api/org', { token: tokens['district-1'] });
    cityManagement = org.body.units.find((u: { code: string }) => u.code === 'city-management').id;
  });
  afterAll(() => t.close());

  const post = (openid: string, path: string, body: unknown = {}) => t.request('POST', path, { token: tokens[openid], body });
  const file = async (location = IN_A, category = 'sanitation') =>
    (await post('resident-1', '/api/complaints', { category, description: '垃圾桶满溢无人清运', location, address: '潍坊路 400 弄', photoIds: [] })).body.id as string;
  const resolvedComplaint = async () => {
    const id = await file();
    await post('cadre-1', `/api/complaints/${id}/accept`);
    await post('cadre-1', `/api/complaints/${id}/dispatch`, { unitId: cityManagement });
    await post('handler-1', `/api/complaints/${id}/resolve`, { note: '已清运' });
    return id;
  };

  it('closes a resolved matter nobody rated after 7 days, marked as not rated, and only once', async () => {
    const id = await resolvedComplaint();
    expect((await autoCloseUnrated(new Date(clock.now().getTime() + 6 * DAY_MS))).closed).toBe(0);
    const later = new Date(clock.now().getTime() + 7 * DAY_MS + 1000);
    expect((await autoCloseUnrated(later)).closed).toBeGreaterThanOrEqual(1);
    const record = (await ComplaintModel.findById(id))!;
    expect(record.status).toBe('closed');
    expect(record.notRated).toBe(true);
    expect(record.timeline.at(-1)).toMatchObject({ role: 'system', action: 'autoClose', from: 'resolved', to: 'closed' });
    expect((await autoCloseUnrated(later)).closed).toBe(0);
    expect((await ComplaintModel.findById(id))!.timeline.filter((e) => e.action === 'autoClose')).toHaveLength(1);
  });

  it('archives closed and rejected matters after 30 days', async () => {
    const rejected = await file();
    await post('cadre-1', `/api/complaints/${rejected}/reject`, { reason: '非本辖区事务' });
    expect((await autoArchive(new Date(clock.now().getTime() + 29 * DAY_MS))).archived).toBe(0);
    await autoArchive(new Date(clock.now().getTime() + 31 * DAY_MS));
    expect((await ComplaintModel.findById(rejected))!.status).toBe('archived');
  });

  it('never closes the same matter twice when two instances run the job at once', async () => {
    const ids = [await resolvedComplaint(), await resolvedComplaint(), await resolvedComplaint()];
    const later = new Date(clock.now().getTime() + 8 * DAY_MS);
    const [a, b] = await Promise.all([autoCloseUnrated(later), autoCloseUnrated(later)]);
    expect(a.closed + b.closed).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      const record = (await ComplaintModel.findById(id))!;
      expect(record.timeline.filter((e) => e.action === 'autoClose')).toHaveLength(1);
    }
  });

  it('lets only one of two instances hold a job\'s lease', async () => {
    const job = complaintJobs.find((j) => j.name === 'complaints.auto-archive')!;
    const now = new Date(clock.now().getTime() + 100 * DAY_MS);
    let running = 0;
    let overlapped = false;
    const slow = { ...job, run: async (at: Date) => { running++; overlapped ||= running > 1; await new Promise((r) => setTimeout(r, 50)); running--; return job.run(at); } };
    const [first, second] = await Promise.all([runOnce(slow, 'instance-a', now), runOnce(slow, 'instance-b', now)]);
    expect([first.ran, second.ran].filter(Boolean)).toHaveLength(1);
    expect(overlapped).toBe(false);
    // Once released, the other instance may run it.
    expect((await runOnce(job, 'instance-b', new Date(now.getTime() + 1000))).ran).toBe(true);
  });
});
