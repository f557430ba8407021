import { overviewSchema, overviewWeekStarts, startOfShanghaiDate } from '@sqtb/shared';
import { startTestApp, type TestApp } from '../../test/test-app';
import { ComplaintModel, rebuildComplaintRollups } from '../complaints/service';
import { overdueFilter } from '../complaints/filters';
import { storeComplaints } from '../complaints/stored-complaints';

/**
 * The overview reads rollups, not complaints: its database commands (x-db-commands,
 * the read that authenticates included) do not grow with the number of complaints.
 */
describe('the cost of the district overview', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ DB_COMMAND_COUNT: 'true', LOG_LEVEL: 'error' });
    for (const openid of ['cadre-1', 'district-1']) tokens[openid] = await t.login(openid);
  });
  afterAll(() => t.close());

  async function overview(openid: string) {
    const response = await t.request('GET', '/api/dashboard/overview', { token: tokens[openid] });
    expect(response.status).toBe(200);
    return { commands: Number(response.headers.get('x-db-commands')), complaints: overviewSchema.parse(response.body).complaints };
  }

  /** What the complaints themselves say: received in the 8 weeks shown, and overdue now. */
  async function counted(now: Date) {
    const windowStart = startOfShanghaiDate(overviewWeekStarts(now)[0]);
    return { received: await ComplaintModel.countDocuments({ createdAt: { $gte: windowStart } }), overdue: await ComplaintModel.countDocuments(overdueFilter(now)) };
  }

  it('takes as many database commands with 3,000 complaints as with 50, for district staff and for a cadre, and still counts them all', async () => {
    const now = new Date();
    await storeComplaints(50, now);
    await rebuildComplaintRollups(now);
    const few = { district: await overview('district-1'), cadre: await overview('cadre-1') };
    expect([few.district.complaints.total.received, few.district.complaints.overdueNow]).toEqual(Object.values(await counted(now)));

    await storeComplaints(2_950, now);
    await rebuildComplaintRollups(now);
    const many = { district: await overview('district-1'), cadre: await overview('cadre-1') };
    expect([many.district.complaints.total.received, many.district.complaints.overdueNow]).toEqual(Object.values(await counted(now)));
    expect(many.district.complaints.total.received).toBeGreaterThan(2_500);

    expect([many.district.commands, many.cadre.commands]).toEqual([few.district.commands, few.cadre.commands]);
    expect(few.district.commands).toBeGreaterThan(1);
  });
});
