import { COMPLAINT_COUNT_CAP, complaintListSchema } from '@sqtb/shared';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { Committee } from '../org/org.model';
import { ComplaintModel } from './complaint.model';
import { storeComplaints } from './stored-complaints';

/** A point inside committee A's area (潍坊一村). */
const IN_A = { lat: 31.2291, lng: 121.5231 };

describe('the complaint list: a page in 3 database commands, counted up to 1,000, paged by cursor', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const commands = (response: { headers: Headers }) => Number(response.headers.get('x-db-commands'));
  const list = async (openid: string, query: string) => {
    const response = await get(openid, `/api/complaints?${query}`);
    expect(response.status).toBe(200);
    return { ...complaintListSchema.parse(response.body), commands: commands(response) };
  };
  const file = async () => {
    const filed = await t.request('POST', '/api/complaints', {
      token: tokens['resident-1'],
      body: { category: 'street-occupation', description: '小区门口早餐摊占道经营', location: IN_A, address: '潍坊路 400 号门口' },
    });
    expect(filed.status).toBe(201);
    return filed.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ DB_COMMAND_COUNT: 'true', LOG_LEVEL: 'error' });
    for (const openid of ['resident-1', 'cadre-1', 'handler-1', 'district-1']) tokens[openid] = await t.login(openid);
    await storeComplaints(COMPLAINT_COUNT_CAP + 50, new Date());
  });
  afterAll(() => t.close());

  it('answers a page in at most 3 commands, the read that authenticates included, for every role, filter and way of paging', async () => {
    const first = await list('district-1', 'pageSize=20');
    const queries: Array<[string, string]> = [
      ['district-1', 'pageSize=20'],
      ['district-1', 'page=3&pageSize=50'],
      ['district-1', 'status=dispatched'],
      ['district-1', 'overdue=true'],
      ['district-1', `after=${first.items.at(-1)!.id}`],
      ['cadre-1', 'status=submitted'],
      ['cadre-1', 'receivedFrom=2026-01-01&closed=false'],
      ['handler-1', 'status=dispatched'],
      ['resident-1', 'page=2'],
    ];
    const counted: Array<[string, string, number]> = [];
    for (const [openid, query] of queries) counted.push([openid, query, (await list(openid, query)).commands]);
    expect(counted.filter(([, , n]) => n > 3)).toEqual([]);
    expect(counted.every(([, , n]) => n >= 2)).toBe(true); // the user, then the page and its count
  });

  it('counts the matches up to 1,000 and then says "1,000+"; fewer are counted exactly', async () => {
    const all = await list('district-1', 'pageSize=20');
    expect([all.total, all.totalCapped, all.items.length]).toEqual([COMPLAINT_COUNT_CAP, true, 20]);
    const closed = await list('district-1', 'status=closed');
    const stored = await ComplaintModel.countDocuments({ status: 'closed' });
    expect(stored).toBeLessThan(COMPLAINT_COUNT_CAP);
    expect([closed.total, closed.totalCapped]).toEqual([stored, false]);
  });

  it('pages by cursor: every complaint once, newest first, while new ones are filed between pages', async () => {
    const committee = (await Committee.findOne({ name: '潍坊一村居委会' }).lean())!;
    const before = (await ComplaintModel.find({ committeeId: committee._id }, { _id: 1 }).sort({ _id: -1 }).lean()).map((c) => String(c._id));
    expect(before.length).toBeGreaterThan(100);

    const seen: string[] = [];
    const filedMeanwhile: string[] = [];
    let page = await list('cadre-1', 'pageSize=40');
    for (;;) {
      seen.push(...page.items.map((c) => c.id));
      if (page.items.length < 40) break;
      filedMeanwhile.push(await file()); // lands in the same committee, newest of all
      page = await list('cadre-1', `pageSize=40&after=${page.items.at(-1)!.id}`);
      expect(page.commands).toBeLessThanOrEqual(3);
    }
    expect(seen).toEqual(before);
    expect(seen.some((id) => filedMeanwhile.includes(id))).toBe(false);
    // By page number the same walk would have shown a complaint twice: each new one shifts the pages by one.
    const pageTwo = await list('cadre-1', 'page=2&pageSize=40');
    expect(pageTwo.items[0].id).not.toBe(before[40]);
  });

  it('refuses a cursor that is not an id', async () => {
    const response = await get('district-1', '/api/complaints?after=not-an-id');
    expect([response.status, errorCode(response)]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
