import { ManualClock } from './clock';
import { errorCode, startTestApp, type TestApp, type TestResponse } from '../../test/test-app';
import { ComplaintModel } from '../complaints/complaint.model';
import { DeclarationModel, AppealModel } from '../health-code/health-code.model';
import { FilingModel } from '../filings/filing.model';
import { IdempotencyRecord } from './idempotency.model';
import { IDEMPOTENCY_TTL_MS } from './idempotency';

/**
 * A phone on a bad network that never saw the answer sends the same create
 * again with the same Idempotency-Key: it must get the first answer, not a
 * second record. Through HTTP, with the records counted in the database.
 */
describe('Idempotency-Key on the creates a phone may retry', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  const committeeIds: Record<string, string> = {};
  let keyCount = 0;
  /** A fresh key for each test, so the tests do not lean on each other. */
  const newKey = () => `test-key-${Date.now().toString(36)}-${++keyCount}`;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'error' }, { clock });
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'enterprise-3', 'district-1']) tokens[openid] = await t.login(openid);
    const org = (await t.request('GET', '/api/org', { token: tokens['district-1'] })).body;
    for (const c of org.committees as Array<{ code: string; id: string }>) committeeIds[c.code] = c.id;
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const post = (openid: string, path: string, body: unknown, key?: string) =>
    t.request('POST', path, { token: tokens[openid], body, headers: key === undefined ? {} : { 'Idempotency-Key': key } });

  const complaint = (description = '小区门口早餐摊占道经营，行人只能走机动车道') => ({
    category: 'street-occupation',
    description,
    location: { lat: 31.2291, lng: 121.5231 },
    address: '潍坊路 400 号门口',
  });
  /** The seeded enterprises' credit codes (mock/src/seed/district.ts): a filing must carry its own. */
  const CREDIT_CODES: Record<string, string> = {
    'enterprise-1': '91310115MA1K3R5W2E',
    'enterprise-2': '91310115MA1K4A2B3A',
    'enterprise-3': '91310115MA1K5C7D1Q',
    'enterprise-4': '91310115MA1K6E8F40',
    'enterprise-5': '91310115MA1K7G2H6C',
    'enterprise-6': '91310115MA1K8J3K9K',
    'enterprise-7': '91310115MA1K9L4M2U',
  };
  /** Each enterprise files to its own committee. */
  const COMMITTEE_OF: Record<string, string> = { 'enterprise-1': 'A', 'enterprise-2': 'A', 'enterprise-3': 'B', 'enterprise-4': 'B', 'enterprise-5': 'C', 'enterprise-6': 'C', 'enterprise-7': 'D' };
  const filing = (enterprise: string, overrides: Record<string, unknown> = {}) => ({
    enterpriseName: '上海潍坊小笼餐饮有限公司',
    creditCode: CREDIT_CODES[enterprise],
    address: '潍坊路 402 号',
    committeeId: committeeIds[COMMITTEE_OF[enterprise]],
    contactName: '周经理',
    contactPhone: '13600000000',
    reopenDate: '2026-03-03',
    plan: { text: '每日两次消毒，员工进店测温并查验绿码，设置临时隔离室。' },
    suppliesDays: 14,
    isolationRoom: true,
    commitment: true,
    roster: [{ name: '孙丽', phone: '13700000001', idNumber: '310115199001010010' }],
    ...overrides,
  });

  /**
   * Callers no earlier test has used: a resident may have one open appeal and an
   * enterprise one open filing, so each test files as someone new.
   */
  let residents = 0;
  const freshResident = async () => {
    const openid = `idempotent-resident-${++residents}`;
    tokens[openid] = await t.login(openid);
    return openid;
  };
  const unusedEnterprises = ['enterprise-1', 'enterprise-2', 'enterprise-4', 'enterprise-5', 'enterprise-6', 'enterprise-7'];
  const freshEnterprise = async () => {
    const openid = unusedEnterprises.shift();
    if (!openid) throw new Error('no seeded enterprise left for this test');
    tokens[openid] = await t.login(openid);
    return openid;
  };

  /** The four creates: who files, a valid body and a different one, and how to count the records. */
  const routes = [
    {
      path: '/api/complaints',
      caller: freshResident,
      body: () => complaint(),
      changed: () => complaint('小区门口早餐摊占道经营，换了一个说法'),
      count: () => ComplaintModel.countDocuments(),
    },
    {
      path: '/api/health/declarations',
      caller: freshResident,
      body: () => ({ temperature: 36.5, symptoms: [], travel: [], homeObservation: false }),
      changed: () => ({ temperature: 36.6, symptoms: [], travel: [], homeObservation: false }),
      count: () => DeclarationModel.countDocuments(),
    },
    {
      path: '/api/health-code/appeals',
      caller: freshResident,
      body: () => ({ reason: '我没有去过任何风险地区，码色有误' }),
      changed: () => ({ reason: '我没有去过任何风险地区，请再核实一次' }),
      count: () => AppealModel.countDocuments(),
    },
    {
      path: '/api/enterprise-filings',
      caller: freshEnterprise,
      body: (openid: string) => filing(openid),
      changed: (openid: string) => filing(openid, { contactName: '李经理' }),
      count: () => FilingModel.countDocuments(),
    },
  ];

  /** The same answer: status, id (where the reply has one) and the whole body. */
  const expectSameAnswer = (first: TestResponse, again: TestResponse) => {
    expect(again.status).toBe(first.status);
    expect(again.body?.id).toBe(first.body?.id);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  };

  describe.each(routes)('POST $path', (route) => {
    it('answers a retry with the same key with the first answer (same status, same id), and keeps one record', async () => {
      const [user, key] = [await route.caller(), newKey()];
      const before = await route.count();
      const first = await post(user, route.path, route.body(user), key);
      expect(first.status).toBe(201);
      const again = await post(user, route.path, route.body(user), key);
      expectSameAnswer(first, again);
      expect(await route.count()).toBe(before + 1);
      expect(await IdempotencyRecord.countDocuments({ key })).toBe(1);
    });

    it('refuses the same key with a different body (409 IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
      const [user, key] = [await route.caller(), newKey()];
      const first = await post(user, route.path, route.body(user), key);
      expect(first.status).toBe(201);
      const before = await route.count();
      const reused = await post(user, route.path, route.changed(user), key);
      expect([reused.status, errorCode(reused)]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
      expect(await route.count()).toBe(before);
      // The key still answers with the first reply.
      expectSameAnswer(first, await post(user, route.path, route.body(user), key));
    });

    it("keeps another user's use of the same key apart: their own record, and their own replay", async () => {
      const [user, other, key] = [await route.caller(), await route.caller(), newKey()];
      const first = await post(user, route.path, route.body(user), key);
      expect(first.status).toBe(201);
      const before = await route.count();
      const theirs = await post(other, route.path, route.body(other), key);
      expect(theirs.status).toBe(201);
      if (first.body.id) expect(theirs.body.id).not.toBe(first.body.id);
      expectSameAnswer(theirs, await post(other, route.path, route.body(other), key));
      expect(await route.count()).toBe(before + 1);
      expect(await IdempotencyRecord.countDocuments({ key })).toBe(2);
    });
  });

  describe('two requests with one key at once (the second arrives while the first is inside its handler)', () => {
    /** Gates left shut by a failing test, and the requests they hold: opened and awaited after each test. */
    const leftOver: Array<{ open: () => void; request?: Promise<unknown> }> = [];
    afterEach(async () => {
      for (const { open, request } of leftOver.splice(0)) {
        open();
        await request?.catch(() => undefined);
      }
    });

    /** Holds the first ComplaintModel.create until `open()`; the requests after it pass. */
    function gateFirstCreate() {
      let open!: () => void;
      let entered!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const inHandler = new Promise<void>((resolve) => (entered = resolve));
      const create = ComplaintModel.create.bind(ComplaintModel) as (...args: unknown[]) => Promise<unknown>;
      jest.spyOn(ComplaintModel, 'create').mockImplementationOnce((async (...args: unknown[]) => {
        entered();
        await gate;
        return create(...args);
      }) as never);
      const held: { open: () => void; request?: Promise<unknown> } = { open };
      leftOver.push(held);
      return { open, inHandler, holds: (request: Promise<unknown>) => (held.request = request) };
    }

    async function until(condition: () => boolean, what: string) {
      const deadline = Date.now() + 5000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }

    it('gives both the one complaint: the second waits for the first answer', async () => {
      const key = newKey();
      const body = complaint(`并发重试 ${key}`);
      const { open, inHandler, holds } = gateFirstCreate();
      const first = post('resident-1', '/api/complaints', body, key);
      holds(first);
      await inHandler;
      // The key was claimed before the handler ran.
      expect(await IdempotencyRecord.findOne({ key }).lean()).toMatchObject({ state: 'pending' });
      const reads = jest.spyOn(IdempotencyRecord, 'findOne');
      const second = post('resident-1', '/api/complaints', body, key);
      await until(() => reads.mock.calls.length > 0, 'the second request found the pending claim');
      open();
      const [a, b] = await Promise.all([first, second]);
      expect(a.status).toBe(201);
      expectSameAnswer(a, b);
      expect(await ComplaintModel.countDocuments({ description: body.description })).toBe(1);
      expect(await IdempotencyRecord.findOne({ key }).lean()).toMatchObject({ state: 'done', status: 201 });
    });

    it('answers the second 409 CONFLICT when the first is still running after the wait, and the first answer afterwards', async () => {
      const key = newKey();
      const body = complaint(`迟迟未完成 ${key}`);
      const { open, inHandler, holds } = gateFirstCreate();
      const first = post('resident-1', '/api/complaints', body, key);
      holds(first);
      await inHandler;
      const second = await post('resident-1', '/api/complaints', body, key);
      expect([second.status, errorCode(second)]).toEqual([409, 'CONFLICT']);
      expect(second.body.error.message).toMatch(/still being processed/);
      open();
      const a = await first;
      expect(a.status).toBe(201);
      expectSameAnswer(a, await post('resident-1', '/api/complaints', body, key));
      expect(await ComplaintModel.countDocuments({ description: body.description })).toBe(1);
    });
  });

  it('lets exactly one of five simultaneous requests with one key file (the unique index decides); all five get its answer', async () => {
    const indexes = await IdempotencyRecord.collection.indexes();
    expect(indexes).toEqual(expect.arrayContaining([expect.objectContaining({ key: { userId: 1, key: 1 }, unique: true }), expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 })]));
    const key = newKey();
    const body = complaint(`五连击 ${key}`);
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('resident-2', '/api/complaints', body, key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(4);
    expect(await ComplaintModel.countDocuments({ description: body.description })).toBe(1);
  });

  it('frees the key when the request fails, so a retry with the same key runs (and is then replayed)', async () => {
    const key = newKey();
    const before = await FilingModel.countDocuments();
    // enterprise-3 under another enterprise's credit code: refused, nothing filed.
    const refused = await post('enterprise-3', '/api/enterprise-filings', filing('enterprise-2'), key);
    expect([refused.status, errorCode(refused)]).toEqual([403, 'FORBIDDEN']);
    expect(await IdempotencyRecord.countDocuments({ key })).toBe(0);
    const fixed = await post('enterprise-3', '/api/enterprise-filings', filing('enterprise-3'), key);
    expect(fixed.status).toBe(201);
    expectSameAnswer(fixed, await post('enterprise-3', '/api/enterprise-filings', filing('enterprise-3'), key));
    expect(await FilingModel.countDocuments()).toBe(before + 1);
  });

  it('forgets a key once it has expired: the request runs again and its answer is kept', async () => {
    const key = newKey();
    const { user } = (await t.request('GET', '/api/me', { token: tokens['resident-3'] })).body;
    const long = new Date(Date.now() - IDEMPOTENCY_TTL_MS - 1000);
    await IdempotencyRecord.create({ userId: user.id, key, route: 'POST /api/complaints', requestHash: 'another-request', state: 'done', status: 201, bodyJson: '{"id":"old"}', createdAt: long, expiresAt: new Date(long.getTime() + IDEMPOTENCY_TTL_MS) });
    const body = complaint(`过期的键 ${key}`);
    const filed = await post('resident-3', '/api/complaints', body, key);
    expect(filed.status).toBe(201);
    expect(filed.body.id).not.toBe('old');
    expectSameAnswer(filed, await post('resident-3', '/api/complaints', body, key));
    expect(await ComplaintModel.countDocuments({ description: body.description })).toBe(1);
  });

  it('refuses a malformed key with 400 and writes nothing; without the header every POST files anew, as before', async () => {
    const before = await ComplaintModel.countDocuments();
    for (const bad of ['', 'has space', 'x'.repeat(129), 'caf\u00e9']) {
      const response = await t.request('POST', '/api/complaints', { token: tokens['resident-1'], body: complaint(), headers: { 'Idempotency-Key': bad } });
      expect([bad, response.status, errorCode(response)]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
    expect(await ComplaintModel.countDocuments()).toBe(before);
    expect((await post('resident-1', '/api/complaints', complaint(), 'x'.repeat(128))).status).toBe(201);
    expect((await post('resident-1', '/api/complaints', complaint())).status).toBe(201);
    expect((await post('resident-1', '/api/complaints', complaint())).status).toBe(201);
    expect(await ComplaintModel.countDocuments()).toBe(before + 3);
  });

  it('documents the header on exactly the creates a phone may retry, in the OpenAPI document', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const withHeader = Object.entries(doc.paths as Record<string, Record<string, { parameters: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>>).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
        .map(([method, op]) => {
          expect(op.responses['409']).toBeDefined();
          return `${method.toUpperCase()} ${path}`;
        }),
    );
    expect(withHeader.sort()).toEqual([
      'POST /api/complaints',
      'POST /api/enterprise-filings',
      'POST /api/health-code/appeals',
      'POST /api/health/declarations',
      'POST /api/shops',
      'POST /api/shops/{id}/inspections',
    ]);
  });
});
