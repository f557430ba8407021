import { ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';

const EMPLOYEES = [
  { name: '孙丽', phone: '13700000001', idNumber: '310115199001010010' },
  { name: '周强', phone: '13700000002', idNumber: '11010519491231002X' },
];

describe('enterprise resumption filing (企业复工备案), through HTTP', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let committeeA: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['enterprise-1', 'cadre-1', 'cadre-2', 'district-1', 'resident-1']) tokens[openid] = await t.login(openid);
    const org = (await t.request('GET', '/api/org', { token: tokens['district-1'] })).body;
    committeeA = org.committees.find((c: { code: string }) => c.code === 'A').id;
  });
  afterAll(() => t.close());

  const as = (openid: string) => ({
    get: (path: string) => t.request('GET', path, { token: tokens[openid] }),
    post: (path: string, body: unknown = {}) => t.request('POST', path, { token: tokens[openid], body }),
    put: (path: string, body: unknown) => t.request('PUT', path, { token: tokens[openid], body }),
  });
  const filing = (overrides: Record<string, unknown> = {}) => ({
    enterpriseName: '上海潍坊小笼餐饮有限公司',
    creditCode: '91310115MA1K3R5W2E',
    address: '潍坊路 402 号',
    committeeId: committeeA,
    contactName: '周经理',
    contactPhone: '13600000000',
    reopenDate: '2026-03-03',
    plan: { text: '每日两次消毒，员工进店测温并查验绿码，设置临时隔离室。' },
    suppliesDays: 14,
    isolationRoom: true,
    commitment: true,
    roster: EMPLOYEES,
    ...overrides,
  });

  it('refuses an invalid credit code, ID number, phone or an unsigned commitment, naming each', async () => {
    const bad = await as('enterprise-1').post('/api/enterprise-filings', filing({ creditCode: '91310115MA1K3R5W2F', commitment: false, roster: [{ name: '张三', phone: '123', idNumber: '310115199001010012' }] }));
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.issues.map((i: { path: string; message: string }) => i.path);
    expect(fields).toEqual(expect.arrayContaining(['creditCode', 'commitment', 'roster.0.phone', 'roster.0.idNumber']));
    expect(JSON.stringify(bad.body)).toMatch(/check character/);
  });

  it("refuses a filing under another enterprise's credit code, and writes nothing", async () => {
    const before = await as('district-1').get('/api/enterprise-filings');
    const other = await as('enterprise-1').post('/api/enterprise-filings', filing({ creditCode: '91310115MA1K4A2B3A' }));
    expect([other.status, other.body.error.code, other.body.error.details.field]).toEqual([403, 'FORBIDDEN', 'creditCode']);
    expect((await as('district-1').get('/api/enterprise-filings')).body.total).toBe(before.body.total);
  });

  it('refuses a filing sent to another committee than the enterprise\'s own (its cadre would review it), and writes nothing', async () => {
    const org = (await as('district-1').get('/api/org')).body;
    const committeeB = org.committees.find((c: { code: string }) => c.code === 'B').id;
    const before = await as('district-1').get('/api/enterprise-filings');
    const elsewhere = await as('enterprise-1').post('/api/enterprise-filings', filing({ committeeId: committeeB }));
    expect([elsewhere.status, elsewhere.body.error.code, elsewhere.body.error.details]).toEqual([403, 'FORBIDDEN', { field: 'committeeId', committeeId: committeeA }]);
    expect((await as('district-1').get('/api/enterprise-filings')).body.total).toBe(before.body.total);
  });

  let id: string;
  it('files, keeps one open filing per credit code, and masks the roster', async () => {
    const filed = await as('enterprise-1').post('/api/enterprise-filings', filing());
    expect(filed.status).toBe(201);
    id = filed.body.id;
    expect(filed.body).toMatchObject({ status: 'submitted', creditCodeMasked: '913101********5W2E', rosterCount: 2, actions: [] });
    expect(filed.body.roster[1]).toEqual({ name: '周强', phoneMasked: '137****0002', idMasked: '1101**********002X', healthColor: 'green' });
    expect(filed.text).not.toContain('11010519491231002X');
    const twice = await as('enterprise-1').post('/api/enterprise-filings', filing());
    expect(twice.status).toBe(409);
  });

  it('keeps review to the committee the address falls in (403 elsewhere), and lists by role', async () => {
    expect((await as('cadre-2').post(`/api/enterprise-filings/${id}/approve`)).status).toBe(403);
    expect((await as('cadre-2').get(`/api/enterprise-filings/${id}`)).status).toBe(403);
    expect((await as('resident-1').get(`/api/enterprise-filings/${id}`)).status).toBe(403);
    expect((await as('cadre-1').get('/api/enterprise-filings?status=submitted')).body.items.map((f: { id: string }) => f.id)).toContain(id);
    expect((await as('cadre-2').get('/api/enterprise-filings')).body.items).toEqual([]);
    expect((await as('cadre-1').get(`/api/enterprise-filings/${id}`)).body.actions).toEqual(['approve', 'return', 'reject']);
  });

  it('goes round trip: returned with what to fix, amended, back to review', async () => {
    const returned = await as('cadre-1').post(`/api/enterprise-filings/${id}/return`, { note: '请补充防护物资储备天数证明' });
    expect(returned.body).toMatchObject({ status: 'returned', returnNote: '请补充防护物资储备天数证明' });
    expect((await as('enterprise-1').get(`/api/enterprise-filings/${id}`)).body.actions).toEqual(['amend']);
    const amended = await as('enterprise-1').put(`/api/enterprise-filings/${id}`, filing({ suppliesDays: 30 }));
    expect(amended.body).toMatchObject({ status: 'submitted', suppliesDays: 30 });
    expect(amended.body.returnNote).toBeUndefined();
    expect(amended.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'return', 'amend']);
  });

  it('refuses approval while an employee\'s health code is red, naming them', async () => {
    await as('district-1').post('/api/health/cases', { idNumber: EMPLOYEES[0].idNumber, status: 'close_contact', date: '2026-03-02' });
    const refused = await as('cadre-1').post(`/api/enterprise-filings/${id}/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.redEmployees).toEqual([{ name: '孙*', idMasked: '3101**********0010' }]);
    expect((await as('cadre-1').get(`/api/enterprise-filings/${id}`)).body.roster[0].healthColor).toBe('red');
    await as('district-1').post('/api/health/cases', { idNumber: EMPLOYEES[0].idNumber, status: 'released', date: '2026-03-02' });
  });

  it('lets one of two reviewers acting at once win; the other gets 409', async () => {
    const [a, b] = await Promise.all([as('cadre-1').post(`/api/enterprise-filings/${id}/approve`), as('district-1').post(`/api/enterprise-filings/${id}/return`, { note: '再核对名单' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    if (a.status !== 200) {
      // The return won: amend and approve so the tests below have an approved filing.
      await as('enterprise-1').put(`/api/enterprise-filings/${id}`, filing());
      expect((await as('cadre-1').post(`/api/enterprise-filings/${id}/approve`)).status).toBe(200);
    }
  });

  it('issues a certificate anyone can verify, and refuses a tampered one', async () => {
    const cert = await as('enterprise-1').get(`/api/enterprise-filings/${id}/certificate`);
    expect(cert.status).toBe(200);
    const verified = await t.request('POST', '/api/enterprise-filings/verify-certificate', { body: { token: cert.body.token } });
    expect(verified.body).toMatchObject({ valid: true, enterpriseName: '上海潍坊小笼餐饮有限公司' });
    const [h, p, s] = cert.body.token.split('.');
    const tampered = `${h}.${p}.${s.slice(0, 5)}${s[5] === 'A' ? 'B' : 'A'}${s.slice(6)}`;
    expect((await t.request('POST', '/api/enterprise-filings/verify-certificate', { body: { token: tampered } })).body).toEqual({ valid: false, reason: 'bad-signature' });
    const healthToken = (await t.request('GET', '/api/health-code', { token: tokens['resident-1'] })).body.token;
    expect((await t.request('POST', '/api/enterprise-filings/verify-certificate', { body: { token: healthToken } })).body).toEqual({ valid: false, reason: 'malformed' });
  });

  it('shows a day with no report by 10:00 as missing, and a fever case at once', async () => {
    clock.set('2026-03-03T09:59:00+08:00');
    expect((await as('cadre-1').get('/api/enterprise-filings?status=approved')).body.items[0].missingToday).toBe(false);
    clock.set('2026-03-03T10:01:00+08:00');
    expect((await as('district-1').get('/api/enterprise-filings?status=approved')).body.items[0]).toMatchObject({ missingToday: true, feverToday: false });
    const report = await as('enterprise-1').post(`/api/enterprise-filings/${id}/daily-reports`, { date: '2026-03-03', onSite: 12, feverCases: 1 });
    expect(report.status).toBe(201);
    expect((await as('cadre-1').get('/api/enterprise-filings?status=approved')).body.items[0]).toMatchObject({ missingToday: false, feverToday: true, latestReport: { onSite: 12, feverCases: 1 } });
    const twice = await as('enterprise-1').post(`/api/enterprise-filings/${id}/daily-reports`, { date: '2026-03-03', onSite: 12, feverCases: 0 });
    expect(twice.status).toBe(409);
    expect((await as('enterprise-1').post(`/api/enterprise-filings/${id}/daily-reports`, { date: '2026-03-09', onSite: 1, feverCases: 0 })).status).toBe(400);
  });

  it('adds roster lines from CSV only while the filing can change', async () => {
    const csv = 'name,phone,idNumber\n吴刚,13700000003,310115199001010037\n';
    const refused = await t.request('POST', `/api/enterprise-filings/${id}/roster`, { token: tokens['enterprise-1'], rawBody: csv, headers: { 'content-type': 'text/csv' } });
    expect(refused.status).toBe(409);
    expect(errorCode(refused)).toBe('CONFLICT');
  });
});
