import { parse } from 'csv-parse/sync';
import { FILING_STATUSES, OVERVIEW_TABLES, overviewSchema } from '@sqtb/shared';
import { HOUR_MS, ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';

const IN_A = { lat: 31.2291, lng: 121.5231 };
const IN_B = { lat: 31.2236, lng: 121.5301 };

describe('the district overview', () => {
  let t: TestApp;
  // Wednesday 4 March 2026: an ordinary working week.
  const clock = new ManualClock(new Date('2026-03-04T10:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let cityManagement: string;
  const ids: Record<string, string> = {};

  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const post = async (openid: string, path: string, body: unknown = {}) => {
    const response = await t.request('POST', path, { token: tokens[openid], body });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.body;
  };
  const at = (time: string) => clock.set(`2026-03-04T${time}:00+08:00`);
  const file = async (openid: string, location: { lat: number; lng: number }) =>
    (await post(openid, '/api/complaints', { category: 'street-occupation', description: '人行道被电动车占满', location, address: '某路某号' })).id as string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['resident-1', 'resident-3', 'cadre-1', 'cadre-2', 'handler-1', 'district-1']) tokens[openid] = await t.login(openid);
    const org = await get('district-1', '/api/org');
    cityManagement = org.body.units.find((u: { code: string }) => u.code === 'city-management').id;

    // c1: dispatched after 2 h, resolved, rated 2★ (reopened), resolved again at 6 h, rated 5★.
    at('10:00');
    ids.c1 = await file('resident-1', IN_A);
    ids.c2 = await file('resident-3', IN_B); // never accepted: overdue by next week
    ids.c3 = await file('resident-1', IN_A);
    at('11:00');
    await post('cadre-1', `/api/complaints/${ids.c1}/accept`);
    await post('cadre-1', `/api/complaints/${ids.c3}/accept`);
    at('12:00');
    await post('cadre-1', `/api/complaints/${ids.c1}/dispatch`, { unitId: cityManagement });
    at('13:00');
    await post('cadre-1', `/api/complaints/${ids.c3}/dispatch`, { unitId: cityManagement });
    at('14:00');
    await post('handler-1', `/api/complaints/${ids.c1}/resolve`, { note: '已清理' });
    at('15:00');
    await post('handler-1', `/api/complaints/${ids.c3}/resolve`, { note: '已清理' });
    await post('resident-1', `/api/complaints/${ids.c1}/rate`, { stars: 2 });
    await post('resident-1', `/api/complaints/${ids.c3}/rate`, { stars: 4 });
    at('16:00');
    await post('handler-1', `/api/complaints/${ids.c1}/resolve`, { note: '再次清理' });
    await post('resident-1', `/api/complaints/${ids.c1}/rate`, { stars: 5 });
    // The next Monday: c2's acceptance was due by the end of Thursday.
    clock.set('2026-03-09T10:00:00+08:00');
  });
  afterAll(() => t.close());

  it('gives district staff the week cohorts, overdue matters and first-time success, in the declared shape', async () => {
    const response = await get('district-1', '/api/dashboard/overview');
    expect(response.status).toBe(200);
    const o = overviewSchema.parse(response.body);
    expect(o.scope).toEqual({ level: 'district', id: null, name: '全区' });
    expect(o.weeks.at(-1)).toBe('2026-03-09');
    expect(o.weeks.at(-2)).toBe('2026-03-02');
    expect(o.complaints.byWeek.at(-2)).toEqual({
      received: 3,
      closed: 2,
      resolutions: 3,
      onTimeResolutions: 3,
      onTimeRate: 1,
      ratings: 3,
      satisfiedRatings: 2,
      satisfactionRate: 0.6667,
      everResolved: 2,
      reopened: 1,
      reopenRate: 0.5,
      medianHoursToDispatch: 2.5, // 2 h and 3 h
      medianHoursToResolution: 5.5, // 6 h (the latest resolution) and 5 h
    });
    expect(o.complaints.byWeek.at(-1)!.received).toBe(0);
    expect(o.complaints.total.received).toBe(3);
    expect(o.complaints.overdueNow).toBe(1);
    expect(o.complaints.firstTimeSuccess).toEqual({ total: 2, firstTime: 1, rate: 0.5, target: 0.9 });

    const rowA = o.complaints.byCommittee.find((r) => r.committeeName === '潍坊一村居委会')!;
    const rowB = o.complaints.byCommittee.find((r) => r.committeeName === '潍坊四村居委会')!;
    expect([rowA.total.received, rowA.overdueNow, rowB.total.received, rowB.overdueNow]).toEqual([2, 0, 1, 1]);
    expect(o.complaints.byCommittee).toHaveLength(5); // four committees and the matters outside every area
    expect(o.complaints.byCommittee.at(-1)!.committeeId).toBeNull();
    const weifang = o.complaints.byStreet.find((s) => s.streetName === rowA.streetName)!;
    expect(weifang.total.received).toBe(3);
    expect(weifang.total.medianHoursToDispatch).toBe(2.5);

    expect(o.complaints.worstOverdue).toEqual([
      expect.objectContaining({ id: ids.c2, category: 'street-occupation', categoryName: '占道经营', status: 'submitted', committeeName: '潍坊四村居委会', urgeCount: 0 }),
    ]);
    const [worst] = o.complaints.worstOverdue;
    expect(worst.hoursOverdue).toBeCloseTo((clock.now().getTime() - Date.parse(worst.dueAt)) / HOUR_MS, 2);
  });

  it('shows each service with the seeded district: a round per pharmacy, residents by colour, filings', async () => {
    const o = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    expect(o.masks.round).toMatchObject({ open: true });
    expect(o.masks.byPharmacy.length).toBeGreaterThan(0);
    for (const p of o.masks.byPharmacy) expect(p.available).toBe(p.stock);
    expect(o.masks.pendingReviews).toHaveLength(4);
    // The three seeded residents: two registered in 潍坊一村, one in 潍坊四村.
    const a = o.health.byCommittee.find((r) => r.committeeName === '潍坊一村居委会')!;
    expect(a.green + a.yellow + a.red).toBe(2);
    expect(o.health.totals.green + o.health.totals.yellow + o.health.totals.red).toBe(3);
    expect(o.filings.byStatus).toEqual(Object.fromEntries(FILING_STATUSES.map((s) => [s, 0])));
    expect(o.filings.firstTimeApproval.rate).toBeNull();
  });

  it('counts masks, not reservations, against each pharmacy\'s stock', async () => {
    const reserved = await post('resident-1', '/api/mask-reservations', {});
    expect(reserved).toMatchObject({ status: 'approved', quantity: 5 });
    const o = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    const row = o.masks.byPharmacy.find((p) => p.pharmacyId === reserved.pharmacy.id)!;
    expect(row).toMatchObject({ reserved: 5, pickedUp: 0, expired: 0, available: row.stock - 5 });
    expect(o.masks.byPharmacy.filter((p) => p !== row).every((p) => p.reserved === 0 && p.available === p.stock)).toBe(true);
  });

  it('turns a close contact red in their committee', async () => {
    const before = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    const response = await t.request('POST', '/api/health/cases', { token: tokens['district-1'], body: { idNumber: '310115197601230042', status: 'close_contact', date: '2026-03-09' } });
    expect(response.status).toBeLessThan(300);
    const after = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    const b = (o: typeof after) => o.health.byCommittee.find((r) => r.committeeName === '潍坊四村居委会')!;
    expect(b(after).red).toBe(b(before).red + 1);
    expect(after.health.totals.red).toBe(before.health.totals.red + 1);
  });

  it('gives a cadre their own committee only, whatever they ask for', async () => {
    const o = overviewSchema.parse((await get('cadre-1', '/api/dashboard/overview')).body);
    expect(o.scope).toMatchObject({ level: 'committee', name: '潍坊一村居委会' });
    expect(o.complaints.byCommittee.map((r) => r.committeeName)).toEqual(['潍坊一村居委会']);
    expect(o.complaints.total.received).toBe(2);
    expect(o.complaints.overdueNow).toBe(0);
    expect(o.health.byCommittee.map((r) => r.committeeName)).toEqual(['潍坊一村居委会']);
    const other = (await get('district-1', '/api/org')).body.committees.find((c: { name: string }) => c.name === '潍坊四村居委会').id;
    const asked = overviewSchema.parse((await get('cadre-1', `/api/dashboard/overview?committeeId=${other}`)).body);
    expect(asked.scope.name).toBe('潍坊一村居委会');
  });

  it('lets district staff narrow to a street, and answers 404 for an unknown committee', async () => {
    const rowA = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body).complaints.byCommittee[0];
    const street = overviewSchema.parse((await get('district-1', `/api/dashboard/overview?streetId=${rowA.streetId}`)).body);
    expect(street.scope.level).toBe('street');
    expect(street.complaints.byCommittee.every((r) => r.streetId === rowA.streetId)).toBe(true);
    const missing = await get('district-1', '/api/dashboard/overview?committeeId=000000000000000000000000');
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NOT_FOUND']);
    expect((await get('resident-1', '/api/dashboard/overview')).status).toBe(403);
  });

  it('has a list behind each complaint figure: received in a week, closed, by street', async () => {
    const o = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    const list = async (query: string) => (await get('district-1', `/api/complaints?${query}`)).body.total as number;
    const week = `receivedFrom=${o.weeks[6]}&receivedTo=${o.weeks[7]}`; // the Monday after is excluded below
    expect(await list(`receivedFrom=${o.weeks[6]}&receivedTo=2026-03-08`)).toBe(o.complaints.byWeek[6].received);
    expect(await list(`receivedFrom=${o.weeks[7]}`)).toBe(o.complaints.byWeek[7].received);
    expect(await list(`receivedFrom=${o.weeks[0]}&closed=true`)).toBe(o.complaints.total.closed);
    expect(await list(`${week}&closed=false`)).toBe(o.complaints.byWeek[6].received - o.complaints.byWeek[6].closed);
    const weifang = o.complaints.byStreet.find((r) => r.streetId && r.total.received > 0)!;
    expect(await list(`streetId=${weifang.streetId}&receivedFrom=${o.weeks[0]}`)).toBe(weifang.total.received);
    expect(weifang.total.received).toBe(3);
    const bad = await get('district-1', '/api/complaints?receivedFrom=2026-02-30');
    expect([bad.status, errorCode(bad)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('exports each table as CSV with a BOM and Chinese headers', async () => {
    const response = await get('district-1', '/api/dashboard/overview.csv?table=complaints-committees');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('complaints-committees.csv');
    const bytes = new Uint8Array(await (await fetch(`${t.baseUrl}/api/dashboard/overview.csv?table=health`, { headers: { authorization: `Bearer ${tokens['district-1']}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.text.replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0].startsWith('街镇,居委,当前超期,受理,已办结')).toBe(true);
    expect(lines.find((l) => l.includes('潍坊四村居委会'))!.split(',').slice(2, 4)).toEqual(['1', '1']);
    expect(lines.at(-1)!.startsWith('合计,,1,3,2')).toBe(true);
    // Every table reads back as a rectangle of cells with Chinese headers, as a spreadsheet would split it.
    for (const table of OVERVIEW_TABLES) {
      const response = await fetch(`${t.baseUrl}/api/dashboard/overview.csv?table=${table}`, { headers: { authorization: `Bearer ${tokens['district-1']}` } });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(bytes, { bom: true }) as string[][];
      expect(rows[0].every((cell) => cell.length > 0)).toBe(true);
      expect(rows[0].join('')).toMatch(/[\u4e00-\u9fff]/);
      expect(rows.every((row) => row.length === rows[0].length)).toBe(true);
    }
    const unknown = await get('district-1', '/api/dashboard/overview.csv?table=everything');
    expect([unknown.status, errorCode(unknown)]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('counts the shops by grade now and this week\'s inspections per committee, a cadre their own', async () => {
    const before = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    const a = (o: typeof before) => o.shops.byCommittee.find((r) => r.committeeName === '潍坊一村居委会')!;
    // The seed's committee A: S03 high (three violations), S06 medium (one), the rest low (S02's clean inspection brings it down).
    expect(a(before)).toMatchObject({ high: 1, medium: 1, low: 6, inspectionsThisWeek: 0 });
    expect(before.shops.byCommittee).toHaveLength(5);
    expect(before.shops.byCommittee.at(-1)).toMatchObject({ committeeId: null, low: 0, medium: 0, high: 0 });
    const { totals } = before.shops;
    expect(totals.low + totals.medium + totals.high).toBe(32);
    // The figures are the list's: every grade's count is the total of its filtered list.
    for (const grade of ['low', 'medium', 'high'] as const) expect((await get('district-1', `/api/shops?grade=${grade}`)).body.total).toBe(totals[grade]);
    expect((await get('district-1', `/api/shops?grade=high&committeeId=${a(before).committeeId}`)).body.total).toBe(1);

    // Monday 9 March: a violation at S01 (a grocery, low) makes it medium and counts as this week's inspection.
    const s01 = (await get('district-1', `/api/shops?committeeId=${a(before).committeeId}&pageSize=50`)).body.items.find((s: { name: string }) => s.name === '潍坊便民食杂店');
    await post('handler-1', `/api/shops/${s01.id}/inspections`, { outcome: 'violation', violationType: 'occupying_road', note: '货架摆上人行道' });
    const after = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    expect(a(after)).toMatchObject({ high: 1, medium: 2, low: 5, inspectionsThisWeek: 1 });
    expect(after.shops.totals.inspectionsThisWeek).toBe(1);
    const cadre = overviewSchema.parse((await get('cadre-1', '/api/dashboard/overview')).body);
    expect(cadre.shops).toEqual({ byCommittee: [a(after)], totals: { high: 1, medium: 2, low: 5, inspectionsThisWeek: 1 } });
    const csv = (await get('district-1', '/api/dashboard/overview.csv?table=shops')).text.replace(/^\ufeff/, '').trim().split('\n');
    expect(csv[0]).toBe('居委,高风险,中风险,低风险,本周巡查');
    expect(csv.find((l) => l.startsWith('潍坊一村居委会'))).toBe('潍坊一村居委会,1,2,5,1');
  });

  it('counts a matter outside every committee in the district row, with its own list', async () => {
    await file('resident-1', { lat: 31.2, lng: 121.49 });
    const o = overviewSchema.parse((await get('district-1', '/api/dashboard/overview')).body);
    const outside = o.complaints.byCommittee.at(-1)!;
    expect([outside.committeeId, outside.total.received]).toEqual([null, 1]);
    expect(o.complaints.byStreet.at(-1)!.total.received).toBe(1);
    const listed = await get('district-1', `/api/complaints?outside=true&receivedFrom=${o.weeks[0]}`);
    expect(listed.body.total).toBe(1);
    expect(listed.body.items[0].committeeId).toBeUndefined();
    const cadre = overviewSchema.parse((await get('cadre-1', '/api/dashboard/overview')).body);
    expect(cadre.complaints.total.received).toBe(2);
  });
});
