import { startTestApp, type TestApp, type TestResponse } from '../../test/test-app';
import { RegistrationModel, ReservationModel, StockModel } from '../masks/masks.model';
import { DailyReportModel, FilingModel } from '../filings/filing.model';
import { AppealModel } from '../health-code/health-code.model';
import { ComplaintModel } from '../complaints/complaint.model';
import { errorShapeProblem, idNumberFor, orgIds, storedDocument, storedDocuments, Tokens, type OrgIds } from '../../test/fixture-kit';

/**
 * Scope, with the database checked afterwards (issue 12). Each refusal below
 * must be a 4xx in the one error shape AND leave the record exactly as it was:
 * the whole stored document (status, timeline, updatedAt, …) and, for masks,
 * every stock counter and hold. Where it matters, the rightful actor then does
 * the same step and succeeds, proving the refusal was about scope, not state.
 */

type Send = () => Promise<TestResponse>;
type Read = () => Promise<unknown>;

describe('scope refusals leave the database unchanged', () => {
  let t: TestApp;
  let tokens: Tokens;
  let org: OrgIds;
  const IN_A = { lat: 31.2291, lng: 121.5231 };
  const IN_B = { lat: 31.2236, lng: 121.5301 };
  let seq = 0;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'error' });
    tokens = new Tokens(t);
    org = await orgIds(t, await tokens.of('district-1'));
  });
  afterAll(() => t.close());

  const call = async (openid: string, method: string, path: string, body?: unknown, extra: { rawBody?: string; headers?: Record<string, string> } = {}) =>
    t.request(method, path, { token: await tokens.of(openid), body, ...extra });
  const post = (openid: string, path: string, body: unknown = {}) => call(openid, 'POST', path, body);
  const get = (openid: string, path: string) => call(openid, 'GET', path);

  /** Sends a request that must be refused, and checks the answer and that `read()` is the same before and after. */
  async function expectRefusedUnchanged(problems: string[], label: string, send: Send, read: Read): Promise<TestResponse> {
    const before = await read();
    const missing = Object.entries(before as Record<string, unknown>).filter(([, v]) => v === null);
    if (before === null || missing.length) problems.push(`${label}: the record to compare is missing (${missing.map(([k]) => k).join(', ')})`);
    const response = await send();
    const after = await read();
    if (response.status < 400 || response.status >= 500) problems.push(`${label}: answered ${response.status} ${response.text.slice(0, 300)}`);
    else {
      const shape = errorShapeProblem(response);
      if (shape) problems.push(`${label}: ${shape}`);
    }
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      problems.push(`${label}: answered ${response.status} but the record changed:\n  before ${JSON.stringify(before).slice(0, 1500)}\n  after  ${JSON.stringify(after).slice(0, 1500)}`);
    }
    process.stdout.write(`scope: ${label} → ${response.status} ${response.body?.error?.code ?? ''}\n`);
    return response;
  }

  /** A fresh resident registered (approved) in committee A at an address of its own. */
  async function newHouseholdInA(): Promise<string> {
    const openid = `scope-household-${++seq}`;
    const registered = await post(openid, '/api/residents/registration', {
      name: '测试户', idNumber: idNumberFor(700 + seq), phone: `1391234${String(seq).padStart(4, '0')}`, committeeId: org.committees.A,
      address: `潍坊路 700 弄 ${seq} 号 10${seq} 室`, location: IN_A, householdSize: 2,
    });
    expect([registered.status, registered.body?.status]).toEqual([201, 'approved']);
    return openid;
  }

  it("refuses the cadre of committee B approving or rejecting committee A's reservation under review", async () => {
    const problems: string[] = [];
    const openid = `scope-newcomer-${++seq}`;
    const pending = await post(openid, '/api/mask-reservations');
    expect([pending.status, pending.body?.status]).toEqual([201, 'pending_review']);
    const registered = await post(openid, '/api/residents/registration', {
      name: '新住户', idNumber: idNumberFor(800 + seq), phone: '13912340001', committeeId: org.committees.A, address: '潍坊路 710 弄 1 号 101 室', location: IN_A, householdSize: 2,
    });
    expect([registered.status, registered.body?.status]).toEqual([201, 'approved']);
    const id = pending.body.id as string;
    const read = async () => ({ reservation: await storedDocument(ReservationModel, id), stock: await storedDocuments(StockModel) });

    await expectRefusedUnchanged(problems, 'cadre-2 (B) approves A’s pending reservation', () => post('cadre-2', `/api/mask-reservations/${id}/approve`), read);
    await expectRefusedUnchanged(problems, 'cadre-2 (B) rejects A’s pending reservation', () => post('cadre-2', `/api/mask-reservations/${id}/reject`), read);
    const listed = await get('cadre-2', '/api/mask-reservations?status=pending_review');
    if (listed.body?.items?.some((r: { id: string }) => r.id === id)) problems.push('cadre-2 (B) sees A’s pending reservation in its list');

    expect(problems).toEqual([]);
    // The rightful cadre can still approve it: it was left pending.
    const approved = await post('cadre-1', `/api/mask-reservations/${id}/approve`);
    expect([approved.status, approved.body?.status]).toEqual([200, 'approved']);
  });

  it("refuses the cadre of committee B approving or rejecting committee A's registration under review", async () => {
    const problems: string[] = [];
    // resident-1's address is taken: a second household there goes to A's cadre.
    const pending = await post(`scope-sameaddress-${++seq}`, '/api/residents/registration', {
      name: '钱多多', idNumber: idNumberFor(900 + seq), phone: '13912345679', committeeId: org.committees.A, address: '潍坊路 388 弄 5 号 201 室', location: { lat: 31.2294, lng: 121.5223 }, householdSize: 1,
    });
    expect([pending.status, pending.body?.status]).toEqual([201, 'pending_review']);
    const id = pending.body.id as string;
    const read = async () => ({ registration: await storedDocument(RegistrationModel, id) });

    await expectRefusedUnchanged(problems, 'cadre-2 (B) approves A’s pending registration', () => post('cadre-2', `/api/residents/registrations/${id}/approve`), read);
    await expectRefusedUnchanged(problems, 'cadre-2 (B) rejects A’s pending registration', () => post('cadre-2', `/api/residents/registrations/${id}/reject`, { reason: '不是本社区' }), read);
    const listed = await get('cadre-2', '/api/residents/registrations?status=pending_review');
    if (listed.body?.items?.some((r: { id: string }) => r.id === id)) problems.push('cadre-2 (B) sees A’s pending registration in its list');

    expect(problems).toEqual([]);
    const rejected = await post('cadre-1', `/api/residents/registrations/${id}/reject`, { reason: '同址重复登记' });
    expect([rejected.status, rejected.body?.status]).toEqual([200, 'rejected']);
  });

  it("refuses pharmacy B redeeming pharmacy A's pickup code, and the code stays redeemable at A", async () => {
    const problems: string[] = [];
    const reserved = await post('resident-1', '/api/mask-reservations', { pharmacyId: org.pharmacies.P1 });
    expect([reserved.status, reserved.body?.status, reserved.body?.pharmacy?.id]).toEqual([201, 'approved', org.pharmacies.P1]);
    const { id, pickupCode } = reserved.body as { id: string; pickupCode: string };
    const read = async () => ({ reservation: await storedDocument(ReservationModel, id), stock: await storedDocuments(StockModel) });

    for (const pharmacy of ['pharmacy-2', 'pharmacy-3', 'pharmacy-6']) {
      await expectRefusedUnchanged(problems, `${pharmacy} redeems P1’s pickup code`, () => post(pharmacy, '/api/mask-reservations/redeem', { pickupCode }), read);
    }
    // The same attempt again: a refusal must not count as a try that uses the code up.
    await expectRefusedUnchanged(problems, 'pharmacy-2 redeems P1’s pickup code a second time', () => post('pharmacy-2', '/api/mask-reservations/redeem', { pickupCode }), read);
    const listed = await get('pharmacy-2', '/api/mask-reservations');
    if (listed.body?.items?.some((r: { id: string }) => r.id === id)) problems.push('pharmacy-2 sees P1’s reservation in its list');

    expect(problems).toEqual([]);
    const redeemed = await post('pharmacy-1', '/api/mask-reservations/redeem', { pickupCode });
    expect([redeemed.status, redeemed.body?.status, redeemed.body?.id]).toEqual([200, 'redeemed', id]);
  });

  it("refuses enterprise B reading, amending, reporting on or adding a roster to enterprise A's filing", async () => {
    const problems: string[] = [];
    const filingOf = (name: string, creditCode: string, address: string) => ({
      enterpriseName: name, creditCode, address, committeeId: org.committees.A, contactName: '周经理', contactPhone: '13600000000', reopenDate: '2026-03-03',
      plan: { text: '每日两次消毒，员工进店测温并查验绿码，设置临时隔离室。' }, suppliesDays: 14, isolationRoom: true, commitment: true,
      roster: [{ name: '孙丽', phone: '13700000001', idNumber: idNumberFor(1001) }],
    });
    const mine = filingOf('上海潍坊小笼餐饮有限公司', '91310115MA1K3R5W2E', '潍坊路 402 号');
    const filed = await post('enterprise-1', '/api/enterprise-filings', mine);
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    // Returned: the state in which its owner may amend it and add to its roster.
    expect((await post('cadre-1', `/api/enterprise-filings/${id}/return`, { note: '请补充名单' })).body?.status).toBe('returned');
    const read = async () => ({ filing: await storedDocument(FilingModel, id), reports: await storedDocuments(DailyReportModel, {}) });
    const csv = 'name,phone,idNumber\n吴刚,13700000003,' + idNumberFor(1002) + '\n';
    const theirs: Record<string, unknown> = {
      'enterprise-2': filingOf('上海潍坊社区便利店有限公司', '91310115MA1K4A2B3A', '潍坊路 510 号'),
      'enterprise-3': { ...filingOf('上海潍坊四村物业管理有限公司', '91310115MA1K5C7D1Q', '潍坊路 150 号'), committeeId: org.committees.B },
    };

    for (const other of ['enterprise-2', 'enterprise-3']) {
      await expectRefusedUnchanged(problems, `${other} reads E1’s filing`, () => get(other, `/api/enterprise-filings/${id}`), read);
      await expectRefusedUnchanged(problems, `${other} reads E1’s daily reports`, () => get(other, `/api/enterprise-filings/${id}/daily-reports`), read);
      await expectRefusedUnchanged(problems, `${other} reads E1’s certificate`, () => get(other, `/api/enterprise-filings/${id}/certificate`), read);
      await expectRefusedUnchanged(problems, `${other} amends E1’s filing with E1’s own body`, () => call(other, 'PUT', `/api/enterprise-filings/${id}`, mine), read);
      await expectRefusedUnchanged(problems, `${other} amends E1’s filing with its own company`, () => call(other, 'PUT', `/api/enterprise-filings/${id}`, theirs[other]), read);
      await expectRefusedUnchanged(
        problems,
        `${other} uploads a roster CSV to E1’s filing`,
        () => call(other, 'POST', `/api/enterprise-filings/${id}/roster`, undefined, { rawBody: csv, headers: { 'content-type': 'text/csv' } }),
        read,
      );
      await expectRefusedUnchanged(problems, `${other} files a daily report on E1’s filing`, () => post(other, `/api/enterprise-filings/${id}/daily-reports`, { date: '2026-03-03', onSite: 3, feverCases: 0 }), read);
      const listed = await get(other, '/api/enterprise-filings');
      if (listed.body?.items?.some((f: { id: string }) => f.id === id)) problems.push(`${other} sees E1’s filing in its list`);
    }

    expect(problems).toEqual([]);
    // The owner still can: the filing was left returned and amendable.
    const roster = await call('enterprise-1', 'POST', `/api/enterprise-filings/${id}/roster`, undefined, { rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(roster.status).toBe(200);
    const amended = await call('enterprise-1', 'PUT', `/api/enterprise-filings/${id}`, mine);
    expect([amended.status, amended.body?.status]).toEqual([200, 'submitted']);
  });

  it("refuses resident B reading resident A's health-code appeal or mask reservation", async () => {
    const problems: string[] = [];
    const appeal = await post('resident-2', '/api/health-code/appeals', { reason: '我没有去过任何风险地区，码色有误' });
    expect(appeal.status).toBe(201);
    const appealId = appeal.body.id as string;
    const household = await newHouseholdInA();
    const reservation = await post(household, '/api/mask-reservations');
    expect([reservation.status, reservation.body?.status]).toEqual([201, 'approved']);
    const reservationId = reservation.body.id as string;
    const read = async () => ({
      appeal: await storedDocument(AppealModel, appealId),
      reservation: await storedDocument(ReservationModel, reservationId),
      stock: await storedDocuments(StockModel),
    });

    // Reading: resident B's lists must not hold A's records, and no path reaches them by id.
    const before = await read();
    for (const path of ['/api/health-code/appeals', '/api/health-code/appeals?status=open']) {
      const listed = await get('resident-3', path);
      if (listed.status !== 200) problems.push(`resident-3 GET ${path}: ${listed.status}`);
      if (listed.text.includes(appealId)) problems.push(`resident-3 GET ${path} shows resident-2’s appeal`);
    }
    const mine = await get('resident-3', '/api/mask-reservations/mine');
    if (mine.text.includes(reservationId) || mine.text.includes(reservation.body.pickupCode)) problems.push('resident-3 sees A’s reservation in /mine');
    expect(await read()).toEqual(before);

    await expectRefusedUnchanged(problems, 'resident-3 GETs A’s appeal by id', () => get('resident-3', `/api/health-code/appeals/${appealId}`), read);
    await expectRefusedUnchanged(problems, 'resident-3 resolves A’s appeal', () => post('resident-3', `/api/health-code/appeals/${appealId}/resolve`, { outcome: 'explained', note: '我替他撤了' }), read);
    await expectRefusedUnchanged(problems, 'resident-3 lists every reservation', () => get('resident-3', '/api/mask-reservations'), read);
    await expectRefusedUnchanged(problems, 'resident-3 GETs A’s reservation by id', () => get('resident-3', `/api/mask-reservations/${reservationId}`), read);
    await expectRefusedUnchanged(problems, 'resident-3 approves A’s reservation', () => post('resident-3', `/api/mask-reservations/${reservationId}/approve`), read);
    await expectRefusedUnchanged(problems, 'resident-3 redeems A’s pickup code', () => post('resident-3', '/api/mask-reservations/redeem', { pickupCode: reservation.body.pickupCode }), read);

    expect(problems).toEqual([]);
    // A still sees both.
    expect((await get('resident-2', '/api/health-code/appeals')).text).toContain(appealId);
    expect((await get(household, '/api/mask-reservations/mine')).text).toContain(reservationId);
  });

  it("refuses a handling unit resolving (or reading) another unit's complaint", async () => {
    const problems: string[] = [];
    const fileAndDispatch = async (unitCode: string) => {
      const filed = await post('resident-1', '/api/complaints', { category: 'property-repair', description: '楼道灯坏了一个月没人修', location: IN_A, address: `潍坊路 400 弄 ${++seq} 号` });
      expect(filed.status).toBe(201);
      const id = filed.body.id as string;
      expect((await post('cadre-1', `/api/complaints/${id}/accept`)).status).toBe(200);
      expect((await post('cadre-1', `/api/complaints/${id}/dispatch`, { unitId: org.units[unitCode] })).body?.status).toBe('dispatched');
      return id;
    };
    const toHousing = await fileAndDispatch('housing');
    const toCityManagement = await fileAndDispatch('city-management');
    const read = async () => ({ housing: await storedDocument(ComplaintModel, toHousing), cityManagement: await storedDocument(ComplaintModel, toCityManagement) });

    await expectRefusedUnchanged(problems, 'handler-1 (city management) resolves housing’s complaint', () => post('handler-1', `/api/complaints/${toHousing}/resolve`, { note: '不是我们的' }), read);
    await expectRefusedUnchanged(problems, 'handler-3 (greening) resolves housing’s complaint', () => post('handler-3', `/api/complaints/${toHousing}/resolve`, { note: '已处理' }), read);
    await expectRefusedUnchanged(problems, 'handler-2 (housing) resolves city management’s complaint', () => post('handler-2', `/api/complaints/${toCityManagement}/resolve`, { note: '已处理' }), read);
    await expectRefusedUnchanged(problems, 'handler-1 reads housing’s complaint', () => get('handler-1', `/api/complaints/${toHousing}`), read);
    const listed = await get('handler-1', '/api/complaints?status=dispatched');
    if (listed.text.includes(toHousing)) problems.push('handler-1 sees housing’s complaint in its list');
    // The cadre of another committee cannot step in either.
    await expectRefusedUnchanged(problems, 'cadre-2 (B) re-dispatches A’s complaint', () => post('cadre-2', `/api/complaints/${toHousing}/dispatch`, { unitId: org.units['city-management'] }), read);

    expect(problems).toEqual([]);
    const resolved = await post('handler-2', `/api/complaints/${toHousing}/resolve`, { note: '已更换楼道灯' });
    expect([resolved.status, resolved.body?.status]).toEqual([200, 'resolved']);
  });
});
