import { saveSession } from '../../../core/session';
import { CREDIT_CODE, enterpriseUser, filingView, ID_NUMBERS } from '../../../test-support/filing-fixtures';
import { loginReply, org } from '../../../test-support/fixtures';
import { setPhoneNumberDetail } from '../../../test-support/components-mock';
import { act, cleanup, fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import FilingFormPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../filings.css', () => ({}));

const ORG = { ...org, enterprises: [{ id: 'e-1', code: 'E1', name: '上海潍坊小笼餐饮有限公司', address: '潍坊路 402 号', location: { lat: 31.2, lng: 121.5 }, committeeId: 'c-1' }] };
const baseRoutes = { 'GET /api/me': reply(200, { user: enterpriseUser }), 'GET /api/org': reply(200, ORG) };
const type = (placeholder: string, value: string, index = 0) => fireEvent.input(screen.getAllByPlaceholderText(placeholder)[index], { target: { value } });
const tap = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const calls = (method: string, url: string) => taro.request.mock.calls.filter(([o]) => o.method === method && o.url === url);
const PLAN = '每日两次测温登记，错峰就餐，公共区域每日消毒三次并通风。';

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(enterpriseUser));
});

async function fillCompany() {
  expect(await screen.findByDisplayValue('上海潍坊小笼餐饮有限公司')).toBeTruthy(); // from the org
  type('18 位统一社会信用代码', CREDIT_CODE);
  type('联系人姓名', '周经理');
  type('联系人手机号', '13800000009');
  fireEvent.change(document.querySelector('input[type="date"]')!, { target: { value: '2026-03-02' } });
}

/** A whole draft on the phone, as if typed earlier: the form opens on it, ready to submit. */
const saveCompleteDraft = () =>
  taro.setStorageSync('sqtb.filing-draft', {
    enterpriseName: '上海潍坊小笼餐饮有限公司', creditCode: CREDIT_CODE, address: '潍坊路 402 号', committeeId: 'c-1', contactName: '周经理',
    contactPhone: '13800000009', reopenDate: '2026-03-02', planText: PLAN, suppliesDays: '30', isolationRoom: true, commitment: true,
    roster: [{ key: 1, name: '张伟', phone: '13800000001', idNumber: ID_NUMBERS[0] }],
  });

describe('the filing form', () => {
  it("fills the contact's phone with one tap: the getPhoneNumber code goes to the BFF and the masked number shows", async () => {
    setPhoneNumberDetail({ code: 'dev-phone:13800000009', errMsg: 'getPhoneNumber:ok' });
    serveApi({ ...baseRoutes, 'POST /api/me/phone': reply(200, { phoneMasked: '138****0009' }) });
    render(<FilingFormPage />);
    await screen.findByDisplayValue('上海潍坊小笼餐饮有限公司');

    const button = await waitFor(() => {
      const found = screen.getByRole('button', { name: '使用微信手机号' });
      expect(found.getAttribute('data-open-type')).toBe('getPhoneNumber');
      return found;
    });
    fireEvent.click(button);

    expect(await screen.findByText('手机号 138****0009')).toBeTruthy();
    expect(calls('POST', '/api/me/phone')[0][0].data).toEqual({ code: 'dev-phone:13800000009' });
    expect(screen.getByPlaceholderText('或填写其他联系人手机号')).toBeTruthy();
  });

  it('checks the credit code as it is typed: a count while short, then the check character', async () => {
    serveApi(baseRoutes);
    render(<FilingFormPage />);
    await screen.findByDisplayValue('上海潍坊小笼餐饮有限公司');

    type('18 位统一社会信用代码', '91310115');
    expect(screen.getByText('已填 8 / 18 位')).toBeTruthy();
    type('18 位统一社会信用代码', '91310115MA1K3R5W2A');
    expect(screen.getByText('统一社会信用代码校验位不正确，请核对最后一位')).toBeTruthy();
    type('18 位统一社会信用代码', '91310115MA1K3O5W2E');
    expect(screen.getByText('统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）')).toBeTruthy();
    type('18 位统一社会信用代码', CREDIT_CODE.toLowerCase());
    expect(screen.getByText('✓ 统一社会信用代码校验通过')).toBeTruthy();
    expect(screen.getByDisplayValue(CREDIT_CODE)).toBeTruthy();

    // 下一步 with a short code says what is wrong instead of moving on.
    type('18 位统一社会信用代码', '9131');
    tap('下一步');
    expect(screen.getAllByText('统一社会信用代码应为 18 位（已填 4 位）').length).toBeGreaterThan(0);
    expect(screen.getByText('请填写联系人')).toBeTruthy();
    expect(screen.queryByPlaceholderText('请写明测温登记、分餐错峰、消毒通风、异常处置等措施（至少 20 字）')).toBeNull();
  });

  it('keeps the draft on the phone and restores it when the form is opened again', async () => {
    serveApi(baseRoutes);
    render(<FilingFormPage />);
    await fillCompany();
    tap('下一步');
    type('请写明测温登记、分餐错峰、消毒通风、异常处置等措施（至少 20 字）', PLAN);
    expect(taro.setStorageSync).toHaveBeenCalledWith('sqtb.filing-draft', expect.objectContaining({ creditCode: CREDIT_CODE, planText: PLAN }));
    cleanup();

    render(<FilingFormPage />);
    expect(await screen.findByDisplayValue(CREDIT_CODE)).toBeTruthy();
    expect(screen.getByDisplayValue('13800000009')).toBeTruthy();
    tap('下一步');
    expect(screen.getByDisplayValue(PLAN)).toBeTruthy();
  });

  it('files all three steps with a typed row and a pasted CSV row, then forgets the draft', async () => {
    serveApi({ ...baseRoutes, 'POST /api/enterprise-filings': reply(201, filingView()) });
    render(<FilingFormPage />);
    await fillCompany();
    tap('下一步');

    type('请写明测温登记、分餐错峰、消毒通风、异常处置等措施（至少 20 字）', PLAN);
    type('口罩、消毒用品等可用天数（0–365）', '30');
    tap('下一步');
    expect(screen.getByText('请阅读并签署防控承诺')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('switch')[1]);
    tap('下一步');

    tap('添加员工');
    type('姓名', '张伟');
    type('手机号', '13800000001');
    type('身份证号', '310115198805120019');
    expect(screen.getByText('身份证号校验位不正确，请核对最后一位')).toBeTruthy();
    type('身份证号', ID_NUMBERS[0]);
    expect(screen.queryByText('身份证号校验位不正确，请核对最后一位')).toBeNull();
    type('粘贴员工名单，每行：姓名,手机号,身份证号', `name,phone,idNumber\n李娜，13800000002，${ID_NUMBERS[1].toLowerCase()}\nbad line`);
    tap('读入名单');
    expect(screen.getByText('已读入 1 名员工；第 3 行不是 3 列，已跳过')).toBeTruthy();
    expect(screen.getByDisplayValue('李娜')).toBeTruthy();
    tap('提交备案');

    await act(async () => undefined);
    expect(calls('POST', '/api/enterprise-filings')).toHaveLength(1);
    expect(calls('POST', '/api/enterprise-filings')[0][0].data).toEqual({
      enterpriseName: '上海潍坊小笼餐饮有限公司',
      creditCode: CREDIT_CODE,
      address: '潍坊路 402 号',
      committeeId: 'c-1',
      contactName: '周经理',
      contactPhone: '13800000009',
      reopenDate: '2026-03-02',
      plan: { text: PLAN },
      suppliesDays: 30,
      isolationRoom: false,
      commitment: true,
      roster: [
        { name: '张伟', phone: '13800000001', idNumber: ID_NUMBERS[0] },
        { name: '李娜', phone: '13800000002', idNumber: ID_NUMBERS[1] },
      ],
    });
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/filings/pages/mine/index' });
    expect(taro.removeStorageSync).toHaveBeenCalledWith('sqtb.filing-draft');
  });

  it('says so when the credit code already has an open filing', async () => {
    serveApi({
      ...baseRoutes,
      'POST /api/enterprise-filings': reply(409, { error: { code: 'CONFLICT', message: 'This credit code already has an open filing' } }),
    });
    saveCompleteDraft();
    render(<FilingFormPage />);
    fireEvent.click(await screen.findByText('3 返岗员工名单'));
    tap('提交备案');
    expect(await screen.findByText('该统一社会信用代码已有未结束的复工备案，请在「我的备案」中查看')).toBeTruthy();
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  it("says so when the credit code is not the enterprise's own", async () => {
    serveApi({
      ...baseRoutes,
      'POST /api/enterprise-filings': reply(403, { error: { code: 'FORBIDDEN', message: 'The credit code is not that of your enterprise', details: { field: 'creditCode' } } }),
    });
    saveCompleteDraft();
    render(<FilingFormPage />);
    fireEvent.click(await screen.findByText('3 返岗员工名单'));
    tap('提交备案');
    expect(await screen.findByText('该统一社会信用代码不是本企业的，请核对后再提交')).toBeTruthy();
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  it('amends a returned filing: shows what to fix, asks again for what comes back masked, and PUTs', async () => {
    setRouterParams({ id: 'f-1' });
    const returned = filingView({ status: 'returned', returnNote: '请补充员工返岗前 14 天行程排查', actions: ['amend'] });
    serveApi({ ...baseRoutes, 'GET /api/enterprise-filings/f-1': reply(200, returned), 'PUT /api/enterprise-filings/f-1': reply(200, filingView()) });
    render(<FilingFormPage />);

    expect(await screen.findByText('需要修改：请补充员工返岗前 14 天行程排查')).toBeTruthy();
    expect(screen.getByDisplayValue('潍坊路 402 号')).toBeTruthy();
    expect((screen.getByPlaceholderText('18 位统一社会信用代码') as HTMLInputElement).value).toBe('');
    type('18 位统一社会信用代码', CREDIT_CODE);
    type('联系人手机号', '13800000009');
    tap('下一步');
    fireEvent.click(screen.getAllByRole('switch')[1]);
    tap('下一步');
    tap('添加员工');
    type('姓名', '张伟');
    type('手机号', '13800000001');
    type('身份证号', ID_NUMBERS[0]);
    tap('重新提交备案');

    await act(async () => undefined);
    const put = calls('PUT', '/api/enterprise-filings/f-1');
    expect(put).toHaveLength(1);
    expect(put[0][0].data).toMatchObject({ creditCode: CREDIT_CODE, suppliesDays: 30, isolationRoom: true, roster: [{ name: '张伟' }] });
    expect(taro.setStorageSync).toHaveBeenCalledWith('sqtb.filing-sent.f-1', expect.objectContaining({ creditCode: CREDIT_CODE }));
  });
});
