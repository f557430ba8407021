import { HOUR_MS, ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';

const IN_A = { lat: 31.2291, lng: 121.5231 };
const IN_B = { lat: 31.2236, lng: 121.5301 };

describe('red lights, urging and the district dashboard', () => {
  let t: TestApp;
  // Wednesday 30 September 2026, the day before the National Day holiday (1–7 October).
  const clock = new ManualClock(new Date('2026-09-30T10:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let units: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['resident-1', 'resident-3', 'cadre-1', 'cadre-2', 'handler-1', 'district-1']) tokens[openid] = await t.login(openid);
    const org = await t.request('GET', '/api/org', { token: tokens['district-1'] });
    units = Object.fromEntries(org.body.units.map((u: { code: string; id: string }) => [u.code, u.id]));
  });
  afterAll(() => t.close());

  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const post = (openid: string, path: string, body: unknown = {}) => t.request('POST', path, { token: tokens[openid], body });
  const file = async (openid: string, location: { lat: number; lng: number }, category = 'street-occupation') =>
    (await post(openid, '/api/complaints', { category, description: '人行道被电动车占满', location, address: '某路某号' })).body.id as string;

  it('counts the acceptance limit in working days across the National Day holiday', async () => {
    const id = await file('resident-1', IN_A);
    const filed = await get('resident-1', `/api/complaints/${id}`);
    // Due by the end of Thursday 8 October: 1–7 October are holidays.
    expect(filed.body.acceptBy).toBe('2026-10-08T15:59:59.999Z');
    clock.set('2026-10-07T23:00:00+08:00');
    expect((await get('cadre-1', `/api/complaints/${id}`)).body.overdue).toBe(false);
    clock.set('2026-10-09T00:00:01+08:00');
    const late = await get('cadre-1', `/api/complaints/${id}`);
    expect(late.body).toMatchObject({ overdue: true, overdueReason: 'not-accepted' });
    expect((await get('cadre-1', '/api/complaints?overdue=true')).body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await get('cadre-1', '/api/complaints?overdue=false')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('lets district staff urge an overdue matter: counted, on the timeline, and the waiting cadre is told', async () => {
    const [overdue] = (await get('district-1', '/api/complaints?overdue=true')).body.items;
    expect(overdue.actions).toContain('urge');
    const urged = await post('district-1', `/api/complaints/${overdue.id}/urge`, { note: '请今日内受理' });
    expect(urged.status).toBe(200);
    expect(urged.body.urgeCount).toBe(1);
    expect(urged.body.timeline.at(-1)).toMatchObject({ action: 'urge', role: 'district', note: '请今日内受理' });
    const messages = await get('cadre-1', '/api/messages');
    expect(messages.body.items[0].title).toBe('督办提醒');
  });

  it('refuses to urge a matter that is not overdue (409), and refuses urging by a cadre (403)', async () => {
    const fresh = await file('resident-1', IN_A);
    const response = await post('district-1', `/api/complaints/${fresh}/urge`);
    expect(response.status).toBe(409);
    expect(errorCode(response)).toBe('CONFLICT');
    expect((await post('cadre-1', `/api/complaints/${fresh}/urge`)).status).toBe(403);
  });

  it('lights a dispatched matter past its deadline, and counts a late resolution against the on-time rate', async () => {
    const id = await file('resident-1', IN_A, 'consultation');
    await post('cadre-1', `/api/complaints/${id}/accept`);
    const dispatched = await post('cadre-1', `/api/complaints/${id}/dispatch`, { unitId: units['city-management'] });
    // A consultation has 1 working day: Friday 9 October → end of Saturday 10 October, a make-up working day.
    expect(dispatched.body.deadline).toBe('2026-10-10T15:59:59.999Z');
    clock.set('2026-10-11T09:00:00+08:00');
    expect((await get('handler-1', `/api/complaints/${id}`)).body).toMatchObject({ overdue: true, overdueReason: 'not-resolved' });
    await post('handler-1', `/api/complaints/${id}/resolve`, { note: '已电话答复' });
    await post('resident-1', `/api/complaints/${id}/rate`, { stars: 4 });
  });

  it('sums up the district: statuses, overdue, on-time, satisfaction, reopen rates and dispatch time, per committee', async () => {
    clock.set('2026-10-12T09:00:00+08:00');
    const onTime = await file('resident-3', IN_B, 'noise');
    await post('cadre-2', `/api/complaints/${onTime}/accept`);
    clock.advance(2 * HOUR_MS);
    await post('cadre-2', `/api/complaints/${onTime}/dispatch`, { unitId: units['city-management'] });
    await post('handler-1', `/api/complaints/${onTime}/resolve`, { note: '已处理' });
    await post('resident-3', `/api/complaints/${onTime}/rate`, { stars: 1 });
    await post('handler-1', `/api/complaints/${onTime}/resolve`, { note: '再次处理' });
    await post('resident-3', `/api/complaints/${onTime}/rate`, { stars: 5 });

    const dashboard = await get('district-1', '/api/dashboard/complaints');
    expect(dashboard.status).toBe(200);
    const d = dashboard.body;
    expect(d.total).toBe(4);
    expect(d.byStatus).toMatchObject({ submitted: 2, closed: 2 });
    expect(d.overdueNow).toBe(2); // both submitted matters of committee A waited past their acceptance limit
    expect(d.onTimeRate).toBeCloseTo(2 / 3, 4); // three resolutions, one late
    expect(d.satisfactionRate).toBeCloseTo(2 / 3, 4); // ratings 4, 1, 5
    expect(d.reopenRate).toBe(0.5); // one of two resolved matters reopened
    expect(d.medianHoursToDispatch).toBe(1); // dispatched after 0 h and after 2 h
    const committeeB = d.byCommittee.find((r: { committeeName: string }) => r.committeeName === '潍坊四村居委会');
    expect(committeeB).toMatchObject({ total: 1, reopenRate: 1, medianHoursToDispatch: 2, streetName: '潍坊新村街道' });

    const cadreView = await get('cadre-2', '/api/dashboard/complaints');
    expect(cadreView.body.total).toBe(1);
    expect(cadreView.body.byCommittee).toHaveLength(1);

    const filtered = await get('district-1', '/api/dashboard/complaints?category=noise');
    expect(filtered.body.total).toBe(1);
    const dated = await get('district-1', '/api/dashboard/complaints?from=2026-10-12&to=2026-10-12');
    expect(dated.body.total).toBe(1);
  });

  it('exports the per-committee figures as CSV', async () => {
    const response = await get('district-1', '/api/dashboard/complaints.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = response.text.replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0]).toContain('按时办结率');
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.includes('潍坊四村居委会'))).toContain('100.0%');
  });

  it('keeps the dashboard from residents and units', async () => {
    expect((await get('resident-1', '/api/dashboard/complaints')).status).toBe(403);
    expect((await get('handler-1', '/api/dashboard/complaints.csv')).status).toBe(403);
    expect((await get('district-1', '/api/dashboard/complaints?from=yesterday')).status).toBe(400);
  });
});
