import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { Types } from 'mongoose';
import { creditCodeCheckChar, FILING_STATUSES, open311ErrorListSchema } from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import type { RouteSpec } from '../core/route';
import { startTestApp, type TestApp, type TestResponse } from '../../test/test-app';
import { UserModel } from '../accounts/user.model';
import { Enterprise } from '../org/org.model';
import { ComplaintModel } from '../complaints/complaint.model';
import { RegistrationModel, ReservationModel, RoundModel, StockModel } from '../masks/masks.model';
import { DailyReportModel, FilingModel } from '../filings/filing.model';
import { AppealModel, MedicalCaseModel, RiskRegionModel } from '../health-code/health-code.model';
import { FileModel } from '../files/file.model';
import { MessageModel } from '../notifications/notification.model';
import { SubscriptionModel } from '../notifications/subscription.model';
import { DesktopTicketModel } from '../accounts/desktop-ticket.model';
import { ShopModel } from '../shops/shop.model';
import { InspectionModel } from '../shops/inspection.model';
import { PatrolAlertModel } from '../shops/alert.model';
import { PlaceModel } from '../places/place.model';
import { VisitModel } from '../places/visit.model';
import { createHash } from 'node:crypto';
import { errorShapeProblem, idNumberFor, orgIds, Tokens, type OrgIds } from '../../test/fixture-kit';
import { corruptionsOf, multipartBytes, type BodyKind, type Corruption, type Part, type ValidRequest } from '../../test/one-field-corruptions';

/**
 * Bad input from valid requests (issue 12). The first fuzz (bad-input.test.ts)
 * mostly bounces off schema validation; this one starts from a VALID request
 * for every route that takes input (real ids from the seed and from fixtures
 * made through the API), checks that it succeeds, then corrupts ONE field at a
 * time: wrong type, missing, empty, huge, negative or huge numbers, unknown
 * enum values, malformed ids, ids of records that do not exist, another
 * tenant's ids; for CSV a bad row, a missing column, a BOM, a huge file; for
 * the photo upload a wrong type, an empty file, an oversize one.
 *
 * fast-check picks which corruptions each route gets, with a fixed seed
 * (FUZZ_SEED to replay another). Every answer must be a 4xx in the error shape
 * with a known code and its own status, or a 2xx whose body matches the
 * route's declared schema and whose record, read back from the database, says
 * the same. Never a 5xx. Per route it prints how many requests reached the
 * handler (2xx, or a 4xx other than VALIDATION_FAILED/MALFORMED_JSON).
 * FUZZ_LOG=<file> appends every request and answer to that file.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20260312);
/** Corrupted requests per route, beyond the likely-valid ones and one for each field. */
const PER_ROUTE = 8;
/** Corruptions likely to pass validation (absent and foreign ids, odd but valid values, CSV and file changes), per route at most. */
const SEMANTIC_PER_ROUTE = 8;
/** Fixtures built at once for a route's requests (they are sent one at a time). */
const BUILDERS = 4;
const T0 = '2026-03-02T09:00:00+08:00'; // a Monday
const NOW = '2026-03-04T09:00:00+08:00'; // the Wednesday after: the fuzz runs then
const TODAY = '2026-03-04';
const TOMORROW = '2026-03-05';
const IN_A = { lat: 31.2291, lng: 121.5231 };
const IN_B = { lat: 31.2236, lng: 121.5301 };
const OPEN311_KEY = 'key-for-the-fuzz-1';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff5a9d4a0000000049454e44ae426082', 'hex');
const RISK_REGIONS = [
  { code: 'hubei-wuhan', name: '湖北省武汉市', level: 'high', since: '2020-01-23' },
  { code: 'zhejiang-wenzhou', name: '浙江省温州市', level: 'medium', since: '2020-02-02' },
  { code: 'guangdong-shenzhen', name: '广东省深圳市', level: 'low', since: '2020-02-20' },
];

interface Entry {
  kind: BodyKind;
  /** A valid request; routes that use their record up build a fresh one each call. */
  valid(): Promise<ValidRequest>;
  /** Another tenant's value for a field (`params.id`, `body.committeeId`, …). */
  foreign?: Record<string, () => Promise<string> | string>;
  /** Read before sending, handed to verify. */
  observe?(request: ValidRequest): Promise<unknown>;
  /** After a 2xx: re-read the record; a problem, or undefined when consistent. */
  verify?(response: TestResponse, request: ValidRequest, observed: unknown): Promise<string | undefined>;
}

const routeKey = (spec: Pick<RouteSpec, 'method' | 'path'>) => `${spec.method.toUpperCase()} ${spec.path}`;
const takesInput = (spec: RouteSpec) => !!(spec.body || spec.query || spec.params || spec.bodyType || spec.multipart);
const oid = (id: unknown) => new Types.ObjectId(String(id));
const REACHED_NOT = new Set(['VALIDATION_FAILED', 'MALFORMED_JSON']);
/** Open311 paths answer refusals in Open311's shape (a list of {code, description}; XML on .xml paths), not the BFF's. */
const isOpen311 = (spec: Pick<RouteSpec, 'path'>) => spec.path.startsWith('/open311/');
function open311ErrorShapeProblem(response: TestResponse, path: string): string | undefined {
  if (path.endsWith('.xml')) {
    const codes = [...response.text.matchAll(/<error>\s*<code>(\d+)<\/code>\s*<description>[^<]+<\/description>\s*<\/error>/g)].map((m) => Number(m[1]));
    return codes.length && codes.every((c) => c === response.status) && response.text.trimEnd().endsWith('</errors>') ? undefined : `not in the Open311 XML error shape: ${response.status} ${response.text.slice(0, 200)}`;
  }
  const ok = open311ErrorListSchema.safeParse(response.body).success && (response.body as Array<{ code: number }>).every((e) => e.code === response.status);
  return ok ? undefined : `not in the Open311 error shape: ${response.status} ${response.text.slice(0, 200)}`;
}

describe('one-field fuzz from valid requests, on every route that takes input', () => {
  let t: TestApp;
  let tokens: Tokens;
  let org: OrgIds;
  const clock = new ManualClock(new Date(T0));
  let n = 0;
  const next = () => ++n;
  const fx: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'fatal', OPEN311_API_KEYS: `fuzz:${OPEN311_KEY}` }, { clock });
    tokens = new Tokens(t);
    org = await orgIds(t, await tokens.of('district-1'));
    await setUpFixtures();
  }, 60_000);
  afterAll(() => t.close());

  // ---- talking to the app -------------------------------------------------

  async function call(openid: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    return t.request(method, path, { token: openid ? await tokens.of(openid) : undefined, body, headers });
  }
  async function ok(openid: string | undefined, method: string, path: string, body?: unknown, expected = [200, 201]): Promise<any> {
    const response = await call(openid, method, path, body);
    if (!expected.includes(response.status)) throw new Error(`fixture: ${openid} ${method} ${path} → ${response.status} ${response.text.slice(0, 400)}`);
    return response.body;
  }

  async function send(spec: RouteSpec, kind: BodyKind, request: ValidRequest): Promise<TestResponse> {
    const path = spec.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''));
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(request.query ?? {})) for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    if (request.as) headers.authorization = `Bearer ${await tokens.of(request.as)}`;
    let body: string | Buffer | undefined;
    if (request.raw) {
      body = request.raw.data;
      if (request.raw.contentType) headers['content-type'] = request.raw.contentType;
    } else if (kind === 'json') {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    } else if (kind === 'form') {
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(request.body as Record<string, string | string[]>)) for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
      body = form.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (kind === 'csv') {
      body = String(request.body);
      headers['content-type'] = 'text/csv';
    } else if (kind === 'multipart') {
      body = multipartBytes(request.body as Part[], 'FuzzBoundary7MA4YWxkTrZu0gW');
      headers['content-type'] = 'multipart/form-data; boundary=FuzzBoundary7MA4YWxkTrZu0gW';
    }
    const response = await fetch(`${t.baseUrl}${path}${qs.size ? `?${qs}` : ''}`, { method: spec.method.toUpperCase(), headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  // ---- fixtures, all through the API except enterprises and closed lottery rounds --

  const idem = () => ({ 'idempotency-key': `fuzz-${next()}-${Date.now().toString(36)}` });
  const complaintBody = (where = IN_A, category = 'street-occupation') => ({ category, description: '小区门口早餐摊占道经营，行人只能走机动车道', location: where, address: `潍坊路 400 弄 ${next()} 号门口` });

  async function complaint(reporter = 'resident-1', where = IN_A): Promise<string> {
    return (await ok(reporter, 'POST', '/api/complaints', complaintBody(where))).id;
  }
  async function accepted(cadre = 'cadre-1', reporter = 'resident-1', where = IN_A): Promise<string> {
    const id = await complaint(reporter, where);
    await ok(cadre, 'POST', `/api/complaints/${id}/accept`, {});
    return id;
  }
  async function dispatched(unit = 'city-management', cadre = 'cadre-1', reporter = 'resident-1', where = IN_A): Promise<string> {
    const id = await accepted(cadre, reporter, where);
    await ok(cadre, 'POST', `/api/complaints/${id}/dispatch`, { unitId: org.units[unit] });
    return id;
  }
  async function resolved(cadre = 'cadre-1', reporter = 'resident-1', where = IN_A): Promise<string> {
    const id = await dispatched('city-management', cadre, reporter, where);
    await ok('handler-1', 'POST', `/api/complaints/${id}/resolve`, { note: '已劝离摊贩并张贴告示' });
    return id;
  }
  async function rejected(cadre = 'cadre-1', reporter = 'resident-1', where = IN_A): Promise<string> {
    const id = await complaint(reporter, where);
    await ok(cadre, 'POST', `/api/complaints/${id}/reject`, { reason: '重复反映' });
    return id;
  }

  const registrationBody = (committee: 'A' | 'B', where: { lat: number; lng: number }) => {
    const i = next();
    return {
      name: '测试住户', idNumber: idNumberFor(10_000 + i), phone: `139${String(10_000_000 + i).slice(-8)}`, committeeId: org.committees[committee],
      address: `${committee === 'A' ? '潍坊路' : '南泉路'} ${600 + i} 弄 ${i} 号 101 室`, location: where, householdSize: 2,
    };
  };
  /** A new resident, registered (approved) in committee A. */
  async function household(): Promise<string> {
    const openid = `fuzz-household-${next()}`;
    const registration = await ok(openid, 'POST', '/api/residents/registration', registrationBody('A', IN_A));
    if (registration.status !== 'approved') throw new Error(`fixture: household not approved: ${JSON.stringify(registration)}`);
    return openid;
  }
  /** A registration under review in a committee: filed for it from outside its area. */
  async function pendingRegistration(committee: 'A' | 'B'): Promise<string> {
    const body = await ok(`fuzz-pending-${next()}`, 'POST', '/api/residents/registration', registrationBody(committee, committee === 'A' ? IN_B : IN_A));
    if (body.status !== 'pending_review') throw new Error(`fixture: registration not pending: ${JSON.stringify(body)}`);
    return body.id;
  }
  /** A reservation under review, of a household that then registered in the committee. */
  async function pendingReservation(committee: 'A' | 'B'): Promise<string> {
    const openid = `fuzz-newcomer-${next()}`;
    const reservation = await ok(openid, 'POST', '/api/mask-reservations', {});
    if (reservation.status !== 'pending_review') throw new Error(`fixture: reservation not pending: ${JSON.stringify(reservation)}`);
    await ok(openid, 'POST', '/api/residents/registration', registrationBody(committee, committee === 'A' ? IN_A : IN_B));
    return reservation.id;
  }
  async function approvedReservationAt(pharmacy: string): Promise<{ id: string; pickupCode: string }> {
    const reservation = await ok(await household(), 'POST', '/api/mask-reservations', { pharmacyId: org.pharmacies[pharmacy] });
    if (reservation.status !== 'approved') throw new Error(`fixture: reservation not approved: ${JSON.stringify(reservation)}`);
    return reservation;
  }

  /** A new enterprise in a committee, with a manager account (as the seed makes them). */
  async function newEnterprise(committee: 'A' | 'B' = 'A'): Promise<{ openid: string; name: string; creditCode: string; committee: string }> {
    const i = next();
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let serial = '';
    for (let k = i, d = 0; d < 5; d++, k = Math.floor(k / 31)) serial = alphabet[k % 31] + serial;
    const first17 = `91310115MA2F${serial}`;
    const creditCode = first17 + creditCodeCheckChar(first17);
    const name = `上海模糊测试第${i}号有限公司`;
    const enterprise = await Enterprise.create({ code: `FZ${i}`, name, address: `潍坊路 ${900 + i} 号`, location: committee === 'A' ? IN_A : IN_B, committeeId: oid(org.committees[committee]), creditCode });
    const openid = `fuzz-enterprise-${i}`;
    await UserModel.create({ openid, role: 'enterprise', displayName: `模糊测试经理 ${i}`, scope: { enterpriseId: enterprise._id }, registered: true });
    return { openid, name, creditCode, committee: org.committees[committee] };
  }
  const filingBody = (e: { name: string; creditCode: string; committee: string }, address = '潍坊路 402 号') => ({
    enterpriseName: e.name, creditCode: e.creditCode, address, committeeId: e.committee, contactName: '周经理', contactPhone: '13600000000', reopenDate: TOMORROW,
    plan: { text: '每日两次消毒，员工进店测温并查验绿码，设置临时隔离室。' }, suppliesDays: 14, isolationRoom: true, commitment: true,
    roster: [{ name: '孙丽', phone: '13700000001', idNumber: idNumberFor(30_000 + next()) }],
  });
  async function submittedFiling(committee: 'A' | 'B' = 'A'): Promise<{ openid: string; id: string; body: ReturnType<typeof filingBody> }> {
    const e = await newEnterprise(committee);
    const body = filingBody(e);
    const filed = await ok(e.openid, 'POST', '/api/enterprise-filings', body);
    return { openid: e.openid, id: filed.id, body };
  }
  async function returnedFiling() {
    const f = await submittedFiling();
    await ok('cadre-1', 'POST', `/api/enterprise-filings/${f.id}/return`, { note: '请补充防护物资储备' });
    return f;
  }
  async function approvedFiling() {
    const f = await submittedFiling();
    await ok('cadre-1', 'POST', `/api/enterprise-filings/${f.id}/approve`, {});
    return f;
  }
  async function closedLotteryRound(): Promise<string> {
    const round = await RoundModel.create({ name: `已截止的摇号轮 ${next()}`, opensAt: new Date(clock.now().getTime() - 3 * 86_400_000), closesAt: new Date(clock.now().getTime() - 86_400_000), masksPerHousehold: 5, pickupWindowHours: 24, lottery: true });
    return String(round._id);
  }
  async function upload(openid: string): Promise<{ id: string; url: string }> {
    const response = await fetch(`${t.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokens.of(openid)}`, 'content-type': 'multipart/form-data; boundary=B0undary' },
      body: multipartBytes([{ field: 'file', filename: 'photo.png', type: 'image/png', data: PNG }], 'B0undary'),
    });
    if (response.status !== 201) throw new Error(`fixture: upload ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; url: string };
  }
  async function openAppeal(): Promise<string> {
    const openid = await household();
    return (await ok(openid, 'POST', '/api/health-code/appeals', { reason: '我没有去过任何风险地区，码色有误' })).id;
  }

  async function setUpFixtures() {
    fx.urged = await complaint(); // filed on Monday, never accepted: overdue by Wednesday
    clock.set(new Date(NOW));
    await ok('pharmacy-1', 'POST', `/api/pharmacies/${org.pharmacies.P1}/stock`, { quantity: 20_000 });
    fx.round = (await ok('resident-1', 'GET', '/api/mask-rounds/current')).round.id;
    fx.futureRound = (await ok('district-1', 'POST', '/api/mask-rounds', {
      name: '下一轮（未开放）', opensAt: '2026-06-01T00:00:00+08:00', closesAt: '2026-06-08T00:00:00+08:00', masksPerHousehold: 5, pickupWindowHours: 48, stock: [{ pharmacyId: org.pharmacies.P1, quantity: 10 }],
    })).id;
    fx.photoResident1 = (await upload('resident-1')).id;
    fx.photoHandler1 = (await upload('handler-1')).id;
    fx.photoResident2 = (await upload('resident-2')).id;
    const served = await upload('resident-1');
    const url = new URL(served.url, t.baseUrl);
    fx.servedFile = served.id;
    fx.servedExpires = url.searchParams.get('expires')!;
    fx.servedSig = url.searchParams.get('sig')!;
    fx.foreignPickupCode = (await ok('resident-2', 'POST', '/api/mask-reservations', { pharmacyId: org.pharmacies.P2 })).pickupCode;

    fx.complaint = await complaint();
    fx.complaintB = await complaint('resident-3', IN_B);
    fx.acceptedB = await accepted('cadre-2', 'resident-3', IN_B);
    fx.atHousing = await dispatched('housing');
    fx.resolvedB = await resolved('cadre-2', 'resident-3', IN_B);
    fx.rejectedB = await rejected('cadre-2', 'resident-3', IN_B);
    const messages = await ok('resident-1', 'GET', '/api/messages');
    const othersMessages = await ok('resident-3', 'GET', '/api/messages');
    if (!messages.items.length || !othersMessages.items.length) throw new Error('fixture: no in-app messages after complaint steps');
    fx.message = messages.items[0].id;
    fx.foreignMessage = othersMessages.items[0].id;
    const posted = await t.request('POST', '/open311/v2/requests.json', {
      rawBody: new URLSearchParams({ api_key: OPEN311_KEY, service_code: 'sanitation', lat: '31.2291', long: '121.5231', address_string: '潍坊路 400 弄', description: '绿化带里堆满建筑垃圾' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    if (posted.status !== 201) throw new Error(`fixture: open311 ${posted.status} ${posted.text}`);
    fx.open311 = posted.body[0].service_request_id;

    fx.pendingRegistrationB = await pendingRegistration('B');
    fx.pendingReservationB = await pendingReservation('B');

    const e2 = { name: '上海潍坊社区便利店有限公司', creditCode: '91310115MA1K4A2B3A', committee: org.committees.A };
    fx.filingOther = (await ok('enterprise-2', 'POST', '/api/enterprise-filings', filingBody(e2, '潍坊路 510 号'))).id;
    const e3 = { name: '上海潍坊四村物业管理有限公司', creditCode: '91310115MA1K5C7D1Q', committee: org.committees.B };
    fx.filingB = (await ok('enterprise-3', 'POST', '/api/enterprise-filings', filingBody(e3, '潍坊路 150 号'))).id;
    const approved = await approvedFiling();
    fx.approvedFiling = approved.id;
    fx.approvedOwner = approved.openid;
    fx.certificate = (await ok(approved.openid, 'GET', `/api/enterprise-filings/${approved.id}/certificate`)).token;
    const returned = await returnedFiling();
    fx.returnedFiling = returned.id;
    fx.returnedOwner = returned.openid;

    fx.drawnRound = await closedLotteryRound();
    await ok('district-1', 'POST', `/api/mask-rounds/${fx.drawnRound}/draw`, {});
    fx.healthToken = (await ok('resident-1', 'GET', '/api/health-code')).token;
    fx.shopA = (await ok('district-1', 'GET', `/api/shops?committeeId=${org.committees.A}`)).items[0].id;
    fx.shopB = (await ok('district-1', 'GET', `/api/shops?committeeId=${org.committees.B}`)).items[0].id;
    // Place codes: a pharmacy's code and place, another pharmacy's place, a confirmed case.
    const placeP1 = await ok('pharmacy-1', 'GET', '/api/places/mine');
    fx.placeCode = placeP1.token;
    fx.placeP1 = placeP1.id;
    fx.placeP2 = (await ok('pharmacy-2', 'GET', '/api/places/mine')).id;
    await ok('district-1', 'POST', '/api/health/cases', { idNumber: idNumberFor(99_100), status: 'confirmed', date: TODAY });
    fx.confirmedCase = (await ok('district-1', 'GET', `/api/health/cases?idNumber=${idNumberFor(99_100)}`)).items[0].id;
    fx.resident2 = String((await UserModel.findOne({ openid: 'resident-2' }).lean())!._id);
  }

  // ---- consistency checks after a 2xx --------------------------------------

  const stored = async (model: { collection: { findOne(filter: object): Promise<any> } }, id: unknown) => model.collection.findOne({ _id: oid(id) });

  /**
   * The text fields sent, as the answer acknowledges them, must be what the
   * database kept (views mask or derive other fields, so only the sent ones).
   */
  function textMismatch(what: string, doc: any, answer: any, sent: unknown): string | undefined {
    if (!answer || typeof answer !== 'object' || !sent || typeof sent !== 'object') return undefined;
    const keys = Object.keys(sent as object);
    const pairs: Array<[string, unknown, unknown]> = keys.map((k) => [k, doc?.[k], answer[k]]);
    if (keys.includes('plan') && answer.plan && doc?.plan) pairs.push(['plan.text', doc.plan.text, answer.plan.text]);
    for (const [key, kept, said] of pairs) {
      if (typeof kept === 'string' && typeof said === 'string' && key !== 'id' && key !== 'status' && kept !== said) {
        return `${what}.${key} answered ${JSON.stringify(said).slice(0, 80)} but stored ${JSON.stringify(kept).slice(0, 80)}`;
      }
    }
    return undefined;
  }

  async function complaintConsistent(id: unknown, answer: any, sent?: unknown): Promise<string | undefined> {
    const doc = await stored(ComplaintModel, id);
    if (!doc) return `complaint ${id} answered but not stored`;
    const text = textMismatch('complaint', doc, answer, sent);
    if (text) return text;
    if (answer?.status && doc.status !== answer.status) return `complaint stored as ${doc.status}, answered ${answer.status}`;
    if (Array.isArray(answer?.timeline) && doc.timeline.length !== answer.timeline.length) return `complaint timeline: ${doc.timeline.length} stored, ${answer.timeline.length} answered`;
    const last = [...doc.timeline].reverse().find((e: { to?: string }) => e.to);
    if (last && last.to !== doc.status) return `complaint timeline ends at ${last.to} but its status is ${doc.status}`;
    return undefined;
  }

  async function maskInvariant(): Promise<string | undefined> {
    const stocks = await StockModel.collection.find({}).toArray();
    const reservations = await ReservationModel.collection.find({}).toArray();
    const byId = new Map(reservations.map((r) => [String(r._id), r]));
    const holds = new Map<string, number>();
    for (const s of stocks) {
      const held = (s.holds ?? []).reduce((sum: number, h: { quantity: number }) => sum + h.quantity, 0);
      if (s.available < 0) return `stock ${s._id} is negative: ${s.available}`;
      if (s.total !== s.available + held) return `stock ${s._id}: total ${s.total} ≠ available ${s.available} + held ${held}`;
      for (const h of s.holds ?? []) {
        holds.set(String(h.reservationId), (holds.get(String(h.reservationId)) ?? 0) + 1);
        const r = byId.get(String(h.reservationId));
        if (!r || !['approved', 'redeemed'].includes(r.status)) return `stock ${s._id} holds masks for reservation ${h.reservationId}, which is ${r?.status ?? 'missing'}`;
      }
    }
    for (const r of reservations) if (r.status === 'approved' && holds.get(String(r._id)) !== 1) return `approved reservation ${r._id} has ${holds.get(String(r._id)) ?? 0} holds`;
    return undefined;
  }

  async function reservationConsistent(id: unknown, answer: any): Promise<string | undefined> {
    const doc = await stored(ReservationModel, id);
    if (!doc) return `reservation ${id} answered but not stored`;
    if (doc.status !== answer.status) return `reservation stored as ${doc.status}, answered ${answer.status}`;
    if (answer.pickupCode && doc.pickupCode !== answer.pickupCode) return 'reservation pickup code differs from the one answered';
    return maskInvariant();
  }

  async function registrationConsistent(id: unknown, answer: any, sent?: unknown): Promise<string | undefined> {
    const doc = await stored(RegistrationModel, id);
    if (!doc) return `registration ${id} answered but not stored`;
    const text = textMismatch('registration', doc, answer, sent);
    if (text) return text;
    if (doc.status !== answer.status) return `registration stored as ${doc.status}, answered ${answer.status}`;
    if ((doc.status === 'approved') !== !!doc.approvedAddressKey) return `registration ${doc.status} with approvedAddressKey ${doc.approvedAddressKey ?? 'unset'}`;
    return undefined;
  }

  async function filingConsistent(id: unknown, answer: any, sent?: unknown): Promise<string | undefined> {
    const doc = await stored(FilingModel, id);
    if (!doc) return `filing ${id} answered but not stored`;
    const text = textMismatch('filing', doc, answer, sent);
    if (text) return text;
    if (doc.status !== answer.status) return `filing stored as ${doc.status}, answered ${answer.status}`;
    if (!FILING_STATUSES.includes(doc.status)) return `filing in unknown status ${doc.status}`;
    if (doc.roster.length !== answer.rosterCount) return `filing roster: ${doc.roster.length} stored, ${answer.rosterCount} answered`;
    if (Array.isArray(answer.timeline) && doc.timeline.length !== answer.timeline.length) return `filing timeline: ${doc.timeline.length} stored, ${answer.timeline.length} answered`;
    if (['submitted', 'returned', 'approved'].includes(doc.status) !== !!doc.openCreditCode) return `filing ${doc.status} with openCreditCode ${doc.openCreditCode ?? 'unset'}`;
    return undefined;
  }

  async function appealConsistent(id: unknown, answer: any, sent?: unknown): Promise<string | undefined> {
    const doc = await stored(AppealModel, id);
    if (!doc) return `appeal ${id} answered but not stored`;
    const text = textMismatch('appeal', doc, answer, sent);
    if (text) return text;
    if (doc.status !== answer.status) return `appeal stored as ${doc.status}, answered ${answer.status}`;
    if ((doc.status === 'open') !== !!doc.openFor) return `appeal ${doc.status} with openFor ${doc.openFor ?? 'unset'}`;
    return undefined;
  }

  async function shopConsistent(id: unknown, answer: any, sent?: unknown): Promise<string | undefined> {
    const doc = await stored(ShopModel, id);
    if (!doc) return `shop ${id} answered but not stored`;
    const text = textMismatch('shop', doc, answer, sent);
    if (text) return text;
    if (doc.grade !== answer.grade) return `shop stored as ${doc.grade}, answered ${answer.grade}`;
    return doc.gradeHistory.at(-1)?.to === doc.grade ? undefined : `shop ${doc.grade} but its history ends at ${doc.gradeHistory.at(-1)?.to}`;
  }

  /** An import's report adds up, and the collection grew by what it says it applied. */
  const importAddsUp = (model: { countDocuments(): Promise<number> }) => ({
    observe: async () => model.countDocuments(),
    verify: async (r: TestResponse, _req: ValidRequest, before: unknown) => {
      const after = await model.countDocuments();
      if (after !== (before as number) + r.body.applied) return `import applied ${r.body.applied} lines but ${after - (before as number)} records were written`;
      return r.body.lines.length === r.body.applied + r.body.refused ? undefined : 'the line report does not add up';
    },
  });

  async function stockConsistent(pharmacyId: string, answer: any): Promise<string | undefined> {
    const doc = await StockModel.collection.findOne({ roundId: oid(fx.round), pharmacyId: oid(pharmacyId) });
    if (!doc) return 'stock answered but not stored';
    if (doc.available !== answer.available || doc.total !== answer.total || !!doc.soldOut !== answer.soldOut) return `stock stored ${doc.available}/${doc.total}/${doc.soldOut}, answered ${answer.available}/${answer.total}/${answer.soldOut}`;
    return maskInvariant();
  }

  // ---- the table: route → a valid request ----------------------------------

  function buildTable(): Record<string, Entry> {
    const asIs = (request: ValidRequest) => async () => JSON.parse(JSON.stringify(request)) as ValidRequest;
    const complaintVerify = async (r: TestResponse, req: ValidRequest) => complaintConsistent(r.body.id, r.body, req.body);
    const complaintStep = (openid: string, fresh: () => Promise<string>, body: Record<string, unknown>, foreign?: () => string): Entry => ({
      kind: 'json',
      valid: async () => ({ as: openid, params: { id: await fresh() }, body: JSON.parse(JSON.stringify(body)) }),
      foreign: foreign ? { 'params.id': foreign } : undefined,
      verify: complaintVerify,
    });
    const filingDecision = (body: Record<string, unknown>): Entry => ({
      kind: 'json',
      valid: async () => ({ as: 'cadre-1', params: { id: (await submittedFiling()).id }, body: { ...body } }),
      foreign: { 'params.id': () => fx.filingB },
      verify: async (r, req) => filingConsistent(r.body.id, r.body, req.body),
    });
    const registrationDecision = (body: Record<string, unknown>): Entry => ({
      kind: 'json',
      valid: async () => ({ as: 'cadre-1', params: { id: await pendingRegistration('A') }, body: { ...body } }),
      foreign: { 'params.id': () => fx.pendingRegistrationB },
      verify: async (r, req) => registrationConsistent(r.body.id, r.body, req.body),
    });
    const reservationDecision: Entry = {
      kind: 'json',
      valid: async () => ({ as: 'cadre-1', params: { id: await pendingReservation('A') }, body: {} }),
      foreign: { 'params.id': () => fx.pendingReservationB },
      verify: async (r) => reservationConsistent(r.body.id, r.body),
    };
    const dashboardQuery = () => ({ streetId: org.streets.weifang, committeeId: org.committees.A, category: 'street-occupation', from: '2026-03-01', to: TODAY });

    return {
      'POST /api/auth/login': {
        kind: 'json',
        valid: async () => ({ body: { code: `dev:fuzz-login-${next()}` } }),
        verify: async (r, req) => {
          const user = await UserModel.collection.findOne({ openid: String((req.body as { code: string }).code).slice(4) });
          return user && String(user._id) === r.body.user.id ? undefined : 'login answered a user that is not stored under that openid';
        },
      },
      'POST /api/files': {
        kind: 'multipart',
        valid: async () => ({ as: 'resident-1', body: [{ field: 'file', filename: 'photo.png', type: 'image/png', data: Buffer.from(PNG) }] }),
        verify: async (r) => {
          const doc = await stored(FileModel, r.body.id);
          return doc && doc.length === r.body.size && doc.metadata?.contentType === r.body.contentType ? undefined : `file ${r.body.id}: stored ${doc?.length} bytes of ${doc?.metadata?.contentType}, answered ${r.body.size} of ${r.body.contentType}`;
        },
      },
      'GET /api/files/:id': {
        kind: 'none',
        valid: async () => ({ params: { id: fx.servedFile }, query: { expires: fx.servedExpires, sig: fx.servedSig } }),
        foreign: { 'params.id': () => fx.photoResident2 },
      },
      'POST /api/wechat/subscriptions': {
        kind: 'json',
        valid: asIs({ as: 'resident-1', body: { accepted: [t.config.wechat.subscribeTemplateId] } }),
        verify: async (r) => {
          const user = await UserModel.collection.findOne({ openid: 'resident-1' });
          const doc = await SubscriptionModel.collection.findOne({ userId: user!._id, templateId: t.config.wechat.subscribeTemplateId });
          return doc?.remaining === r.body.balances[0]?.remaining ? undefined : `acceptances answered ${r.body.balances[0]?.remaining}, stored ${doc?.remaining}`;
        },
      },
      'POST /api/dev/wechat-stand-in/subscriptions': { kind: 'json', valid: asIs({ as: 'resident-1', body: { accepted: [t.config.wechat.subscribeTemplateId] } }) },
      'POST /api/me/phone': {
        kind: 'json',
        valid: async () => ({ as: 'resident-1', body: { code: `dev-phone:1380013${String(next() % 10_000).padStart(4, '0')}` } }),
        verify: async (r, req) => {
          const user = await UserModel.collection.findOne({ openid: 'resident-1' });
          const sent = String((req.body as { code: string }).code).trim().slice('dev-phone:'.length);
          return user?.phone === sent && r.body.phoneMasked === `${sent.slice(0, 3)}****${sent.slice(-4)}` ? undefined : `phone answered ${r.body.phoneMasked}, stored ${user?.phone}, sent ${sent}`;
        },
      },
      'POST /api/auth/sign-out': { kind: 'json', valid: asIs({ as: 'pharmacy-1', body: {} }) },
      'POST /api/auth/desktop-tickets': {
        kind: 'json',
        valid: asIs({ body: {} }),
        verify: async (r) => {
          const doc = await DesktopTicketModel.collection.findOne({ ticketHash: createHash('sha256').update(String(r.body.ticket)).digest('base64url') });
          return doc && doc.expiresAt.toISOString() === r.body.expiresAt ? undefined : 'a desktop ticket answered but not stored as answered';
        },
      },
      'GET /api/auth/desktop-tickets/:ticket': {
        kind: 'none',
        valid: async () => {
          const { ticket, collectKey } = await ok(undefined, 'POST', '/api/auth/desktop-tickets', {}, [201]);
          return { params: { ticket }, query: { key: collectKey } };
        },
      },
      'POST /api/auth/desktop-tickets/:ticket/confirm': {
        kind: 'none',
        valid: async () => ({ as: 'district-1', params: { ticket: (await ok(undefined, 'POST', '/api/auth/desktop-tickets', {}, [201])).ticket } }),
        verify: async (_r, req) => {
          const doc = await DesktopTicketModel.collection.findOne({ ticketHash: createHash('sha256').update(String(req.params!.ticket)).digest('base64url') });
          const district = await UserModel.collection.findOne({ openid: 'district-1' });
          return doc?.confirmedAt && String(doc.userId) === String(district!._id) ? undefined : 'a confirmed ticket is not stored as confirmed by its user';
        },
      },
      'GET /api/messages': { kind: 'none', valid: asIs({ as: 'resident-1', query: { page: '1', pageSize: '20' } }) },
      'POST /api/messages/:id/read': {
        kind: 'none',
        valid: async () => ({ as: 'resident-1', params: { id: fx.message } }),
        foreign: { 'params.id': () => fx.foreignMessage },
        verify: async (_r, req) => {
          const doc = await stored(MessageModel, req.params!.id);
          return doc?.readAt ? undefined : 'message answered 204 but not marked read';
        },
      },
      'POST /api/complaints': {
        kind: 'json',
        valid: async () => ({ as: 'resident-1', headers: idem(), body: { ...complaintBody(IN_A, 'noise'), photoIds: [fx.photoResident1], anonymous: false } }),
        foreign: { 'body.photoIds.0': () => fx.photoResident2 },
        verify: async (r, req) => {
          const problem = await complaintConsistent(r.body.id, r.body, req.body);
          if (problem) return problem;
          const doc = await stored(ComplaintModel, r.body.id);
          const sent = req.body as { photoIds?: string[] };
          if ((doc.photoIds ?? []).some((p: unknown) => String(p) === fx.photoResident2)) return "the complaint holds another user's photo";
          return (doc.photoIds ?? []).length === (sent.photoIds ?? []).length ? undefined : 'complaint photos differ from those sent';
        },
      },
      'GET /api/complaints': {
        kind: 'none',
        valid: async () => ({
          as: 'cadre-1',
          query: { status: 'submitted', category: 'street-occupation', committeeId: org.committees.A, streetId: org.streets.weifang, overdue: 'false', closed: 'false', receivedFrom: '2026-03-01', receivedTo: TODAY, page: '1', pageSize: '20' },
        }),
        foreign: { 'query.committeeId': () => org.committees.B, 'query.streetId': () => org.streets.lujiazui },
      },
      'GET /api/complaints/nearby': { kind: 'none', valid: asIs({ as: 'resident-2', query: { lat: '31.2291', lng: '121.5231', category: 'street-occupation' } }) },
      'GET /api/complaints/nearby-shops': { kind: 'none', valid: asIs({ as: 'resident-2', query: { lat: '31.2291', lng: '121.5231' } }) },
      'GET /api/complaints/:id': { kind: 'none', valid: async () => ({ as: 'resident-1', params: { id: fx.complaint } }), foreign: { 'params.id': () => fx.complaintB } },
      'POST /api/complaints/:id/accept': complaintStep('cadre-1', () => complaint(), { note: '已核实' }, () => fx.complaintB),
      'POST /api/complaints/:id/reject': complaintStep('cadre-1', () => complaint(), { reason: '重复反映' }, () => fx.complaintB),
      'POST /api/complaints/:id/dispatch': {
        kind: 'json',
        valid: async () => ({ as: 'cadre-1', params: { id: await accepted() }, body: { unitId: org.units['city-management'], note: '请尽快处理' } }),
        foreign: { 'params.id': () => fx.acceptedB },
        verify: complaintVerify,
      },
      'POST /api/complaints/:id/resolve': {
        kind: 'json',
        valid: async () => ({ as: 'handler-1', params: { id: await dispatched() }, body: { note: '已劝离摊贩并张贴告示', photoIds: [fx.photoHandler1] } }),
        foreign: { 'params.id': () => fx.atHousing, 'body.photoIds.0': () => fx.photoResident2 },
        verify: complaintVerify,
      },
      'POST /api/complaints/:id/rate': complaintStep('resident-1', () => resolved(), { stars: 4, comment: '处理及时' }, () => fx.resolvedB),
      'POST /api/complaints/:id/archive': complaintStep('cadre-1', () => rejected(), { note: '归档' }, () => fx.rejectedB),
      'POST /api/complaints/:id/urge': complaintStep('district-1', async () => fx.urged, { note: '请加快受理' }),
      'POST /api/complaints/:id/link-shop': {
        kind: 'json',
        valid: async () => ({ as: 'handler-1', params: { id: await dispatched() }, body: { shopId: fx.shopA } }),
        foreign: { 'params.id': () => fx.atHousing },
        verify: async (r, req) => {
          const doc = await stored(ComplaintModel, req.params!.id);
          return doc && String(doc.shopId) === r.body.shop?.id ? undefined : 'the link answered is not the link stored';
        },
      },
      'POST /api/complaints/:id/metoo': {
        kind: 'json',
        valid: async () => ({ as: 'resident-2', params: { id: await complaint() }, body: {} }),
        verify: async (r, req) => {
          const doc = await stored(ComplaintModel, req.params!.id);
          return doc && (doc.meTooCount ?? doc.meToo?.length) === r.body.meTooCount ? undefined : `me-too count stored ${doc?.meTooCount ?? doc?.meToo?.length}, answered ${r.body.meTooCount}`;
        },
      },

      'GET /api/dashboard/complaints': { kind: 'none', valid: async () => ({ as: 'cadre-1', query: dashboardQuery() }), foreign: { 'query.committeeId': () => org.committees.B, 'query.streetId': () => org.streets.lujiazui } },
      'GET /api/dashboard/complaints.csv': { kind: 'none', valid: async () => ({ as: 'cadre-1', query: dashboardQuery() }), foreign: { 'query.committeeId': () => org.committees.B } },
      'GET /api/hotspots': { kind: 'none', valid: asIs({ as: 'cadre-1', query: { open: 'true' } }) },
      'GET /api/dashboard/overview': { kind: 'none', valid: async () => ({ as: 'district-1', query: { streetId: org.streets.weifang, committeeId: org.committees.A } }) },
      'GET /api/dashboard/overview.csv': {
        kind: 'none',
        valid: async () => ({ as: 'cadre-1', query: { committeeId: org.committees.A, table: 'complaints-weekly' } }),
        foreign: { 'query.committeeId': () => org.committees.B },
      },

      'GET /open311/v2/services.json': { kind: 'none', valid: asIs({ query: { jurisdiction_id: 'pudong' } }) },
      'POST /open311/v2/requests.json': {
        kind: 'form',
        valid: async () => ({
          body: {
            api_key: OPEN311_KEY, service_code: 'sanitation', lat: '31.2291', long: '121.5231', address_string: '潍坊路 400 弄', description: '绿化带里堆满建筑垃圾', jurisdiction_id: 'pudong',
            email: 'someone@example.org', first_name: 'San', last_name: 'Zhang', phone: '13800000000', device_id: 'device-1', account_id: 'account-1',
          },
        }),
        verify: async (r) => complaintConsistent(r.body[0].service_request_id, undefined),
      },
      'GET /open311/v2/requests.json': {
        kind: 'none',
        valid: async () => ({ query: { service_request_id: fx.open311, service_code: 'sanitation', status: 'open', start_date: '2026-03-01T00:00:00+08:00', end_date: '2026-03-05T00:00:00+08:00', jurisdiction_id: 'pudong' } }),
      },
      'GET /open311/v2/requests/:id.json': { kind: 'none', valid: async () => ({ params: { id: fx.open311 } }) },
      // The same resources in XML, and the rest of Open311 (issue 15).
      'GET /open311/v2/discovery.json': { kind: 'none', valid: asIs({ query: { jurisdiction_id: 'pudong', api_key: OPEN311_KEY } }) },
      'GET /open311/v2/discovery.xml': { kind: 'none', valid: asIs({ query: { jurisdiction_id: 'pudong', api_key: OPEN311_KEY } }) },
      'GET /open311/v2/services.xml': { kind: 'none', valid: asIs({ query: { jurisdiction_id: 'pudong' } }) },
      'GET /open311/v2/services/:service_code.json': { kind: 'none', valid: asIs({ params: { service_code: 'elevator' }, query: { jurisdiction_id: 'pudong' } }) },
      'GET /open311/v2/services/:service_code.xml': { kind: 'none', valid: asIs({ params: { service_code: 'elevator' }, query: { jurisdiction_id: 'pudong' } }) },
      'POST /open311/v2/requests.xml': {
        kind: 'form',
        valid: async () => ({
          body: {
            api_key: OPEN311_KEY, service_code: 'elevator', lat: '31.2291', long: '121.5231', address_string: '潍坊路 400 弄', description: '三号楼电梯停在 5、6 楼之间', jurisdiction_id: 'pudong',
            email: 'someone@example.org', first_name: 'San', last_name: 'Zhang', phone: '13800000000', media_url: 'https://fixmystreet.example/photo/1.jpeg', 'attribute[trapped]': 'no',
          },
        }),
        verify: async (r) => complaintConsistent(/<service_request_id>([0-9a-f]{24})</.exec(r.text)?.[1], undefined),
      },
      'GET /open311/v2/requests.xml': {
        kind: 'none',
        valid: async () => ({ query: { service_request_id: fx.open311, service_code: 'sanitation', status: 'open', start_date: '2026-03-01T00:00:00+08:00', end_date: '2026-03-05T00:00:00+08:00', jurisdiction_id: 'pudong' } }),
      },
      'GET /open311/v2/requests/:id.xml': { kind: 'none', valid: async () => ({ params: { id: fx.open311 }, query: { extended_statuses: 'true' } }) },
      'GET /open311/v2/servicerequestupdates.json': {
        kind: 'none',
        valid: asIs({ query: { start_date: '2026-03-01T00:00:00+08:00', end_date: '2026-03-05T00:00:00+08:00', jurisdiction_id: 'pudong', api_key: OPEN311_KEY, extended_statuses: 'true' } }),
      },
      'GET /open311/v2/servicerequestupdates.xml': {
        kind: 'none',
        valid: asIs({ query: { start_date: '2026-03-01T00:00:00+08:00', end_date: '2026-03-05T00:00:00+08:00', jurisdiction_id: 'pudong', api_key: OPEN311_KEY } }),
      },

      'POST /api/residents/registration': {
        kind: 'json',
        valid: async () => ({ as: `fuzz-registrant-${next()}`, body: registrationBody('A', IN_A) }),
        foreign: { 'body.committeeId': () => org.committees.B },
        verify: async (r, req) => registrationConsistent(r.body.id, r.body, req.body),
      },
      'GET /api/residents/registrations': { kind: 'none', valid: asIs({ as: 'cadre-1', query: { status: 'pending_review' } }) },
      'POST /api/residents/registrations/:id/approve': registrationDecision({ reason: '核实无误' }),
      'POST /api/residents/registrations/:id/reject': registrationDecision({ reason: '不在本社区' }),
      'POST /api/mask-rounds': {
        kind: 'json',
        valid: async () => {
          const start = Date.parse('2027-01-01T00:00:00+08:00') + next() * 10 * 86_400_000;
          return {
            as: 'district-1',
            body: { name: '模糊测试轮', opensAt: new Date(start).toISOString(), closesAt: new Date(start + 7 * 86_400_000).toISOString(), masksPerHousehold: 5, pickupWindowHours: 48, lottery: false, stock: [{ pharmacyId: org.pharmacies.P1, quantity: 100 }] },
          };
        },
        verify: async (r, req) => {
          const round = await stored(RoundModel, r.body.id);
          if (!round) return 'round answered but not stored';
          const text = textMismatch('round', round, r.body, req.body);
          if (text) return text;
          const stocks = await StockModel.collection.find({ roundId: round._id }).toArray();
          const sent = (req.body as { stock: Array<{ quantity: number }> }).stock;
          if (stocks.length !== sent.length) return `round stored with ${stocks.length} stocks, ${sent.length} sent`;
          return stocks.every((s) => s.available === s.total) ? maskInvariant() : 'a new round has stock already taken';
        },
      },
      'POST /api/mask-rounds/:id/draw': {
        kind: 'json',
        valid: async () => ({ as: 'district-1', params: { id: await closedLotteryRound() }, body: {} }),
        foreign: { 'params.id': () => fx.round },
        verify: async (r, req) => {
          const round = await stored(RoundModel, req.params!.id);
          return round?.drawSeed === r.body.seed ? maskInvariant() : `draw answered seed ${r.body.seed}, stored ${round?.drawSeed}`;
        },
      },
      'GET /api/mask-rounds/:id/draw': { kind: 'none', valid: async () => ({ as: 'resident-1', params: { id: fx.drawnRound } }), foreign: { 'params.id': () => fx.round } },
      'GET /api/pharmacies': { kind: 'none', valid: asIs({ as: 'resident-1', query: { lat: '31.2291', lng: '121.5231' } }) },
      'POST /api/pharmacies/:id/stock': {
        kind: 'json',
        valid: async () => ({ as: 'pharmacy-6', params: { id: org.pharmacies.P6 }, body: { quantity: 10 } }),
        foreign: { 'params.id': () => org.pharmacies.P1 },
        verify: async (r, req) => stockConsistent(req.params!.id, r.body),
      },
      'POST /api/pharmacies/:id/sold-out': {
        kind: 'json',
        valid: async () => ({ as: 'pharmacy-6', params: { id: org.pharmacies.P6 }, body: { soldOut: false } }),
        foreign: { 'params.id': () => org.pharmacies.P1 },
        verify: async (r, req) => stockConsistent(req.params!.id, r.body),
      },
      'POST /api/mask-reservations': {
        kind: 'json',
        valid: async () => ({ as: await household(), headers: idem(), body: { roundId: fx.round, pharmacyId: org.pharmacies.P1 } }),
        foreign: { 'body.pharmacyId': () => org.pharmacies.P5, 'body.roundId': () => fx.futureRound },
        verify: async (r) => reservationConsistent(r.body.id, r.body),
      },
      'GET /api/mask-reservations': { kind: 'none', valid: asIs({ as: 'cadre-1', query: { status: 'approved' } }) },
      'POST /api/mask-reservations/:id/approve': reservationDecision,
      'POST /api/mask-reservations/:id/reject': reservationDecision,
      'POST /api/mask-reservations/redeem': {
        kind: 'json',
        valid: async () => ({ as: 'pharmacy-1', body: { pickupCode: (await approvedReservationAt('P1')).pickupCode } }),
        foreign: { 'body.pickupCode': () => fx.foreignPickupCode },
        verify: async (r) => {
          const problem = await reservationConsistent(r.body.id, r.body);
          return problem ?? (r.body.status === 'redeemed' ? undefined : `redeem answered ${r.body.status}`);
        },
      },

      'POST /api/enterprise-filings': {
        kind: 'json',
        valid: async () => {
          const e = await newEnterprise();
          return { as: e.openid, headers: idem(), body: filingBody(e) };
        },
        foreign: { 'body.creditCode': () => '91310115MA1K4A2B3A', 'body.committeeId': () => org.committees.B },
        verify: async (r, req) => filingConsistent(r.body.id, r.body, req.body),
      },
      'GET /api/enterprise-filings': {
        kind: 'none',
        valid: async () => ({ as: 'cadre-1', query: { status: 'submitted', streetId: org.streets.weifang, from: '2026-03-01', to: TODAY, page: '1', pageSize: '20' } }),
        foreign: { 'query.streetId': () => org.streets.lujiazui },
      },
      'POST /api/enterprise-filings/verify-certificate': { kind: 'json', valid: async () => ({ body: { token: fx.certificate } }), foreign: { 'body.token': () => fx.healthToken } },
      'GET /api/enterprise-filings/:id': { kind: 'none', valid: async () => ({ as: fx.approvedOwner, params: { id: fx.approvedFiling } }), foreign: { 'params.id': () => fx.filingOther } },
      'PUT /api/enterprise-filings/:id': {
        kind: 'json',
        valid: async () => {
          const f = await returnedFiling();
          return { as: f.openid, params: { id: f.id }, body: { ...f.body, suppliesDays: 30 } };
        },
        foreign: { 'params.id': () => fx.filingOther, 'body.creditCode': () => '91310115MA1K4A2B3A', 'body.committeeId': () => org.committees.B },
        verify: async (r, req) => filingConsistent(r.body.id, r.body, req.body),
      },
      'POST /api/enterprise-filings/:id/approve': filingDecision({ note: '同意复工' }),
      'POST /api/enterprise-filings/:id/return': filingDecision({ note: '请补充防护物资储备' }),
      'POST /api/enterprise-filings/:id/reject': filingDecision({ note: '材料不实' }),
      'POST /api/enterprise-filings/:id/revoke': {
        kind: 'json',
        valid: async () => ({ as: 'district-1', params: { id: (await approvedFiling()).id }, body: { note: '现场检查发现未落实防控措施' } }),
        verify: async (r, req) => filingConsistent(r.body.id, r.body, req.body),
      },
      'POST /api/enterprise-filings/:id/roster': {
        kind: 'csv',
        valid: async () => ({
          as: fx.returnedOwner,
          params: { id: fx.returnedFiling },
          body: `name,phone,idNumber\n吴刚,13700000003,${idNumberFor(40_000 + next())}\n李雷,13700000004,${idNumberFor(40_000 + next())}\n`,
        }),
        foreign: { 'params.id': () => fx.filingOther },
        observe: async (req) => (await stored(FilingModel, req.params!.id))?.roster.length,
        verify: async (r, req, before) => {
          const doc = await stored(FilingModel, req.params!.id);
          if (doc.roster.length !== (before as number) + r.body.added) return `roster: ${before} before + ${r.body.added} added, but ${doc.roster.length} stored`;
          const hashes = doc.roster.map((e: { idHash: string }) => e.idHash);
          if (new Set(hashes).size !== hashes.length) return 'the roster holds the same person twice';
          return r.body.lines.length === r.body.added + r.body.refused ? undefined : 'the line report does not add up';
        },
      },
      'GET /api/enterprise-filings/:id/certificate': { kind: 'none', valid: async () => ({ as: fx.approvedOwner, params: { id: fx.approvedFiling } }), foreign: { 'params.id': () => fx.filingOther } },
      'POST /api/enterprise-filings/:id/daily-reports': {
        kind: 'json',
        valid: async () => {
          const f = await approvedFiling();
          return { as: f.openid, params: { id: f.id }, body: { date: TODAY, onSite: 12, feverCases: 0, note: '一切正常' } };
        },
        foreign: { 'params.id': () => fx.filingOther },
        verify: async (r, req) => {
          const doc = await stored(DailyReportModel, r.body.id);
          if (!doc || String(doc.filingId) !== req.params!.id.toLowerCase() || doc.onSite !== r.body.onSite || doc.date !== r.body.date) return 'daily report answered but not stored as answered';
          const text = textMismatch('daily report', doc, r.body, req.body);
          if (text) return text;
          // A day's report belongs to a day the filing was approved for: not before its approval, not after today.
          const filing = await stored(FilingModel, doc.filingId);
          const approvedOn = new Date(filing.decidedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
          if (doc.date < approvedOn || doc.date > TODAY) return `a daily report for ${doc.date} was kept for a filing approved on ${approvedOn} (today is ${TODAY})`;
          return undefined;
        },
      },
      'GET /api/enterprise-filings/:id/daily-reports': { kind: 'none', valid: async () => ({ as: fx.approvedOwner, params: { id: fx.approvedFiling } }), foreign: { 'params.id': () => fx.filingOther } },

      'POST /api/health-code/verify': { kind: 'json', valid: async () => ({ as: 'cadre-1', body: { token: fx.healthToken, place: '潍坊一村东门' } }), foreign: { 'body.token': () => fx.certificate } },
      'POST /api/health/declarations': {
        kind: 'json',
        valid: async () => ({ as: 'fuzz-declarer', headers: idem(), body: { temperature: 36.6, symptoms: ['cough'], travel: [{ region: 'zhejiang-wenzhou', date: '2026-02-20' }], homeObservation: false } }),
      },
      'POST /api/health/cases': {
        kind: 'json',
        valid: async () => ({ as: 'district-1', body: { idNumber: idNumberFor(99_000), status: 'released', date: '2026-03-03', note: '复核' } }),
      },
      'GET /api/health/cases': { kind: 'none', valid: async () => ({ as: 'district-1', query: { page: '1', pageSize: '20', idNumber: idNumberFor(99_000) } }) },
      'POST /api/health/cases/import': {
        kind: 'csv',
        valid: async () => ({ as: 'district-1', body: `idNumber,status,date,note\n${idNumberFor(99_001)},released,2026-03-03,复核\n${idNumberFor(99_002)},home_observation,2026-03-03,\n` }),
        observe: async () => MedicalCaseModel.countDocuments(),
        verify: async (r, _req, before) => {
          const after = await MedicalCaseModel.countDocuments();
          if (after !== (before as number) + r.body.applied) return `import applied ${r.body.applied} lines but ${after - (before as number)} records were written`;
          return r.body.lines.length === r.body.applied + r.body.refused ? undefined : 'the line report does not add up';
        },
      },
      'PUT /api/health/risk-regions': {
        kind: 'json',
        valid: asIs({ as: 'district-1', body: { regions: RISK_REGIONS } }),
        verify: async (r) => {
          const stored = await RiskRegionModel.collection.find({}).toArray();
          return stored.length === r.body.regions.length ? undefined : `risk regions: ${stored.length} stored, ${r.body.regions.length} answered`;
        },
      },
      'POST /api/health-code/appeals': {
        kind: 'json',
        valid: async () => ({ as: await household(), headers: idem(), body: { reason: '我没有去过任何风险地区，码色有误' } }),
        verify: async (r, req) => appealConsistent(r.body.id, r.body, req.body),
      },
      'GET /api/health-code/appeals': { kind: 'none', valid: asIs({ as: 'resident-1', query: { status: 'open' } }) },
      'POST /api/health-code/appeals/:id/resolve': {
        kind: 'json',
        valid: async () => ({ as: 'district-1', params: { id: await openAppeal() }, body: { outcome: 'corrected', note: '核实后解除', correction: { status: 'released', date: '2026-03-03' } } }),
        verify: async (r) => appealConsistent(r.body.id, r.body),
      },

      'GET /api/places/lookup': { kind: 'none', valid: asIs({ as: 'resident-1', query: { q: '药房' } }) },
      'POST /api/places/lookup-code': {
        kind: 'json',
        valid: async () => ({ as: 'resident-1', body: { placeToken: fx.placeCode } }),
        foreign: { 'body.placeToken': () => fx.healthToken },
        verify: async (r) => (r.body.items.length === 1 ? undefined : 'a code names one place'),
      },
      'POST /api/visits': {
        kind: 'json',
        valid: async () => ({ as: 'resident-1', body: { placeToken: fx.placeCode } }),
        foreign: { 'body.placeToken': () => fx.healthToken },
        verify: async (r) => {
          const doc = await stored(VisitModel, r.body.visitId);
          return doc && String(doc.placeId) === fx.placeP1 && doc.color === r.body.color && doc.allowed === r.body.allowed ? undefined : `visit answered ${r.body.color}/${r.body.allowed}, stored ${doc?.color}/${doc?.allowed} at ${doc?.placeId}`;
        },
      },
      'GET /api/places/:id/visits': { kind: 'none', valid: async () => ({ as: 'pharmacy-1', params: { id: fx.placeP1 }, query: { date: TODAY } }), foreign: { 'params.id': () => fx.placeP2 } },
      'POST /api/places/:id/revoke': {
        kind: 'json',
        valid: async () => {
          const f = await approvedFiling();
          return { as: 'district-1', params: { id: (await ok(f.openid, 'GET', '/api/places/mine')).id }, body: { reason: '复工备案材料不实' } };
        },
        verify: async (r, req) => {
          const doc = await stored(PlaceModel, req.params!.id);
          return doc?.status === r.body.status && doc.status === 'revoked' ? undefined : `place answered ${r.body.status}, stored ${doc?.status}`;
        },
      },
      'GET /api/health/cases/:id/contact-candidates': { kind: 'none', valid: async () => ({ as: 'district-1', params: { id: fx.confirmedCase } }) },
      'POST /api/health/cases/:id/contact-candidates/confirm': {
        kind: 'json',
        valid: async () => ({ as: 'district-1', params: { id: fx.confirmedCase }, body: { userIds: [fx.resident2] } }),
        verify: async (r, req) => (r.body.decided + r.body.skipped + r.body.unidentified === new Set((req.body as { userIds: string[] }).userIds.map((u) => u.toLowerCase())).size ? undefined : 'the decision report does not add up'),
      },
      'POST /api/health/cases/:id/contact-candidates/dismiss': {
        kind: 'json',
        valid: async () => ({ as: 'district-1', params: { id: fx.confirmedCase }, body: { userIds: [fx.resident2] } }),
        verify: async (r, req) => (r.body.decided + r.body.skipped + r.body.unidentified === new Set((req.body as { userIds: string[] }).userIds.map((u) => u.toLowerCase())).size ? undefined : 'the decision report does not add up'),
      },

      'GET /api/shops': {
        kind: 'none',
        valid: async () => ({ as: 'cadre-1', query: { grade: 'low', committeeId: org.committees.A, businessType: 'grocery', page: '1', pageSize: '20' } }),
        foreign: { 'query.committeeId': () => org.committees.B },
      },
      'GET /api/shops/patrol': { kind: 'none', valid: async () => ({ as: 'cadre-1', query: { lat: '31.229', lng: '121.523', committeeId: org.committees.A } }), foreign: { 'query.committeeId': () => org.committees.B } },
      'GET /api/shops/:id': { kind: 'none', valid: async () => ({ as: 'cadre-1', params: { id: fx.shopA } }), foreign: { 'params.id': () => fx.shopB } },
      'POST /api/shops': {
        kind: 'json',
        valid: async () => ({
          as: 'district-1',
          headers: idem(),
          body: { name: `模糊测试店${next()}`, businessType: 'restaurant', address: `潍坊路 ${next()} 号`, location: IN_A, licenceNumber: `92310115FUZZ${String(next()).padStart(6, '0')}`, contactPhone: '13900000999' },
        }),
        verify: async (r, req) => shopConsistent(r.body.id, r.body, req.body),
      },
      'POST /api/shops/import': {
        kind: 'csv',
        valid: async () => ({ as: 'district-1', body: `name,businessType,address,lat,lng,licenceNumber,contactPhone\n模糊导入店${next()},grocery,潍坊路 ${next()} 号,31.2291,121.5231,,13900000998\n模糊导入摊${next()},street_food,南泉路 ${next()} 号,31.2236,121.5301,,\n` }),
        ...importAddsUp(ShopModel),
      },
      'POST /api/shops/alerts/import': {
        kind: 'csv',
        valid: async () => ({
          as: 'district-1',
          body: `time,lat,lng,violationType,shopId\n2026-03-03 10:00,31.2291,${(121.5231 + next() / 1e6).toFixed(6)},beyond_door,${fx.shopA}\n2026-03-03 11:00,31.2236,${(121.5301 + next() / 1e6).toFixed(6)},litter,\n`,
        }),
        ...importAddsUp(PatrolAlertModel),
      },
      'POST /api/shops/:id/inspections': {
        kind: 'json',
        valid: async () => ({ as: 'handler-1', headers: idem(), params: { id: fx.shopA }, body: { outcome: 'violation', violationType: 'beyond_door', note: '跨门营业，已责令整改', photoIds: [fx.photoHandler1] } }),
        foreign: { 'body.photoIds.0': () => fx.photoResident2 },
        verify: async (r) => {
          const inspection = await stored(InspectionModel, r.body.inspection.id);
          if (!inspection || String(inspection.shopId) !== r.body.shop.id) return 'inspection answered but not stored on its shop';
          if ((inspection.photoIds ?? []).some((p: unknown) => String(p) === fx.photoResident2)) return "the inspection holds another user's photo";
          return shopConsistent(r.body.shop.id, r.body.shop);
        },
      },
    };
  }

  /**
   * fast-check, seeded, orders the candidates; from that order it takes every
   * absent-record and other-tenant id and every CSV and file corruption, then
   * other corruptions likely to pass validation (up to SEMANTIC_PER_ROUTE),
   * then one for every field not yet hit, then PER_ROUTE more.
   */
  function pick(candidates: Corruption[], seed: number): Corruption[] {
    if (!candidates.length) return [];
    const indexes = candidates.map((_, i) => i);
    const [order] = fc.sample(fc.shuffledSubarray(indexes, { minLength: indexes.length, maxLength: indexes.length }), { seed, numRuns: 1 });
    const chosen = new Set<number>();
    const fields = new Set<string>();
    const always = (c: Corruption) => c.name === 'absent-id' || c.name === 'foreign-id' || ['csv', 'file', 'framing'].includes(c.field);
    for (const i of order) {
      if (always(candidates[i])) {
        chosen.add(i);
        fields.add(candidates[i].field);
      }
    }
    let semantic = 0;
    for (const i of order) {
      if (candidates[i].semantic && !chosen.has(i) && semantic < SEMANTIC_PER_ROUTE) {
        semantic++;
        chosen.add(i);
        fields.add(candidates[i].field);
      }
    }
    for (const i of order) {
      if (!fields.has(candidates[i].field)) {
        fields.add(candidates[i].field);
        chosen.add(i);
      }
    }
    const budget = chosen.size + PER_ROUTE;
    for (const i of order) if (chosen.size < budget) chosen.add(i);
    return [...chosen].map((i) => candidates[i]);
  }

  /** Runs `work` over `items`, at most `limit` at once, keeping the order of the results. */
  async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
          const i = next++;
          results[i] = await work(items[i]);
        }
      }),
    );
    return results;
  }

  it('answers every one-field corruption of a valid request with a 4xx in the error shape or a consistent 2xx, never a 5xx', async () => {
    const table = buildTable();
    const inputRoutes = t.routes.filter(takesInput);
    const uncovered = inputRoutes.map(routeKey).filter((k) => !table[k]);
    const stale = Object.keys(table).filter((k) => !inputRoutes.some((r) => routeKey(r) === k));
    expect({ uncovered, stale }).toEqual({ uncovered: [], stale: [] });

    const failures: string[] = [];
    const rows: Array<{ route: string; sent: number; reached: number; ok: number; ms: number; codes: Map<string, number> }> = [];
    const started = Date.now();

    for (const [index, spec] of inputRoutes.entries()) {
      const key = routeKey(spec);
      const entry = table[key];
      const row = { route: key, sent: 0, reached: 0, ok: 0, ms: 0, codes: new Map<string, number>() };
      rows.push(row);

      const exchange = async (label: string, request: ValidRequest, mustSucceed: boolean) => {
        const observed = entry.observe ? await entry.observe(request).catch(() => undefined) : undefined;
        let response: TestResponse;
        try {
          response = await send(spec, entry.kind, request);
        } catch (err) {
          failures.push(`${key} [${label}]: no answer (${(err as Error).message})`);
          return;
        }
        row.sent++;
        if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${key} [${label}] ${showRequest(request)}\n  → ${response.status} ${response.text.slice(0, 300)}\n`);
        const code = response.status >= 400 ? (isOpen311(spec) ? `open311-${response.status}` : response.body?.error?.code ?? `${response.status}?`) : String(response.status);
        row.codes.set(code, (row.codes.get(code) ?? 0) + 1);
        const where = `${key} [${label}] ${showRequest(request)}`;
        if (response.status >= 500 || response.status < 200 || (response.status >= 300 && response.status < 400)) {
          failures.push(`${where} → ${response.status} ${response.text.slice(0, 300)}`);
          return;
        }
        if (response.status >= 400) {
          const shape = isOpen311(spec) ? open311ErrorShapeProblem(response, spec.path) : errorShapeProblem(response);
          if (shape) failures.push(`${where} → ${shape}`);
          if (!REACHED_NOT.has(code) && code !== 'open311-400') row.reached++;
          if (mustSucceed) failures.push(`table: the valid request for ${where} was refused: ${response.status} ${response.text.slice(0, 300)}`);
          return;
        }
        row.reached++;
        row.ok++;
        // An emptied path parameter addresses another route (GET /api/complaints/ is the list): only the status is checked.
        if (Object.values(request.params ?? {}).some((v) => v === '')) return;
        const declared = spec.responses[response.status];
        if (!declared) failures.push(`${where} → ${response.status}, a status the route does not declare`);
        else if (declared.schema && !declared.contentType) {
          const parsed = declared.schema.safeParse(response.body);
          if (!parsed.success) failures.push(`${where} → ${response.status} not matching its declared schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        }
        if (entry.verify) {
          const problem = await entry.verify(response, request, observed).catch((err: Error) => `the check threw: ${err.message}`);
          if (problem) failures.push(`${where} → ${response.status} left an inconsistent record: ${problem}`);
        }
      };

      const routeStarted = Date.now();
      const sample = await entry.valid();
      const plan: Array<{ label: string; build: () => Promise<ValidRequest>; mustSucceed: boolean }> = [
        { label: 'valid', build: () => entry.valid(), mustSucceed: true },
        ...pick(corruptionsOf(entry.kind, sample, entry.foreign, spec.method), SEED + index).map((c) => ({
          label: `${c.field}:${c.name}`,
          build: async () => c.apply(await entry.valid()),
          mustSucceed: false,
        })),
      ];
      const built = await mapLimit(plan, BUILDERS, async (p) => {
        try {
          return { ...p, request: await p.build() };
        } catch (err) {
          return { ...p, error: (err as Error).message };
        }
      });
      for (const b of built) {
        if ('error' in b) failures.push(`${key} [${b.label}]: building the request failed: ${b.error}`);
        else await exchange(b.label, b.request, b.mustSucceed);
      }
      row.ms = Date.now() - routeStarted;
    }

    const invariant = await maskInvariant();
    if (invariant) failures.push(`after the fuzz, the mask stock invariant is broken: ${invariant}`);

    const width = Math.max(...rows.map((r) => r.route.length));
    const lines = rows.map((r) => `${r.route.padEnd(width)}  ${String(r.reached).padStart(3)}/${String(r.sent).padEnd(3)}  2xx ${String(r.ok).padStart(2)}  ${String(r.ms).padStart(5)} ms  ${[...r.codes].map(([c, k]) => `${c}×${k}`).join(' ')}`);
    const sent = rows.reduce((s, r) => s + r.sent, 0);
    const reached = rows.reduce((s, r) => s + r.reached, 0);
    process.stdout.write(
      `\none-field fuzz (seed ${SEED}): requests that reached the handler / sent, per route\n${lines.join('\n')}\n` +
        `${rows.length} routes; ${reached} of ${sent} reached the handler; answers against the rules: ${failures.length}; ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    expect(failures).toEqual([]);
  }, 120_000);
});

function showRequest(request: ValidRequest): string {
  const shorten = (value: unknown) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v) => (Buffer.isBuffer(v) || v?.type === 'Buffer' ? `<${v.length ?? v.data?.length} bytes>` : v));
    return text && text.length > 240 ? `${text.slice(0, 240)}…(${text.length})` : text;
  };
  const parts = [
    request.as ? `as ${request.as}` : 'public',
    request.params ? `params ${shorten(request.params)}` : '',
    request.query ? `query ${shorten(request.query)}` : '',
    request.headers ? `headers ${shorten(request.headers)}` : '',
    request.raw ? `raw ${request.raw.contentType} ${shorten(request.raw.data === undefined ? '' : String(request.raw.data))}` : request.body !== undefined ? `body ${shorten(request.body)}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
