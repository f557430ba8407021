import { startTestApp, type TestApp } from '../../test/test-app';

/** The phone on a form (a filing's contact, a household registration): typed, or else the number WeChat vouched for with one tap. */
describe('phone numbers from WeChat in forms', () => {
  let t: TestApp;
  let enterprise: string;
  let district: string;
  let committeeA: string;

  beforeAll(async () => {
    t = await startTestApp();
    enterprise = await t.login('enterprise-1');
    district = await t.login('district-1');
    const org = (await t.request('GET', '/api/org', { token: district })).body;
    committeeA = org.committees.find((c: { code: string }) => c.code === 'A').id;
  });
  afterAll(() => t.close());

  const filingWithoutPhone = () => ({
    enterpriseName: '上海潍坊小笼餐饮有限公司',
    creditCode: '91310115MA1K3R5W2E',
    address: '潍坊路 402 号',
    committeeId: committeeA,
    contactName: '周经理',
    reopenDate: '2026-12-03',
    plan: { text: '每日两次消毒，员工进店测温并查验绿码，设置临时隔离室。' },
    suppliesDays: 14,
    isolationRoom: true,
    commitment: true,
    roster: [{ name: '孙丽', phone: '13700000001', idNumber: '310115199001010010' }],
  });
  const filingCount = async () => (await t.request('GET', '/api/enterprise-filings', { token: district })).body.total;

  it('refuses a filing with neither a typed nor a verified phone, and writes nothing', async () => {
    const before = await filingCount();
    const refused = await t.request('POST', '/api/enterprise-filings', { token: enterprise, body: filingWithoutPhone() });
    expect([refused.status, refused.body.error.code, refused.body.error.details.field]).toEqual([400, 'VALIDATION_FAILED', 'contactPhone']);
    expect(await filingCount()).toBe(before);
  });

  it('uses the number verified with WeChat when none is typed, and shows it masked', async () => {
    const verified = await t.request('POST', '/api/me/phone', { token: enterprise, body: { code: 'dev-phone:13912345678' } });
    expect(verified.body).toEqual({ phoneMasked: '139****5678' });
    const filed = await t.request('POST', '/api/enterprise-filings', { token: enterprise, body: filingWithoutPhone() });
    expect(filed.status).toBe(201);
    expect(filed.body.contactPhoneMasked).toBe('139****5678');
    expect(JSON.stringify(filed.body)).not.toContain('13912345678');
  });

  it('registers a household with the verified number when none is typed, and refuses one with neither', async () => {
    const resident = await t.login('phone-form-resident');
    const org = (await t.request('GET', '/api/org', { token: district })).body;
    const committee = org.committees.find((c: { code: string }) => c.code === 'A');
    const registration = { name: '王芳', idNumber: '11010519491231002X', committeeId: committee.id, address: '潍坊路 77 号', location: committee.area.center, householdSize: 3 };
    const refused = await t.request('POST', '/api/residents/registration', { token: resident, body: registration });
    expect([refused.status, refused.body.error.code, refused.body.error.details.field]).toEqual([400, 'VALIDATION_FAILED', 'phone']);
    expect((await t.request('GET', '/api/residents/registration', { token: resident })).status).toBe(404);

    await t.request('POST', '/api/me/phone', { token: resident, body: { code: 'dev-phone:13587654321' } });
    const registered = await t.request('POST', '/api/residents/registration', { token: resident, body: registration });
    expect(registered.status).toBe(201);
    expect(registered.body.phoneMasked).toBe('135****4321');
  });
});
