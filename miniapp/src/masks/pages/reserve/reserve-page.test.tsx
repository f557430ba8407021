import { saveSession } from '../../../core/session';
import { loginReply, org, resident } from '../../../test-support/fixtures';
import { pharmacies, registration, reservation, ROUND_ID } from '../../../test-support/mask-fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { setPhoneNumberDetail } from '../../../test-support/components-mock';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import ReserveMasksPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const reservePosts = () => taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === '/api/mask-reservations');
const registrationPosts = () => taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === '/api/residents/registration');

const registeredHousehold = (extra: Parameters<typeof serveApi>[0] = {}) =>
  serveApi({
    'GET /api/org': reply(200, org),
    'GET /api/residents/registration': reply(200, registration()),
    'GET /api/pharmacies': reply(200, pharmacies()),
    'GET /api/mask-reservations/mine': reply(200, { items: [] }),
    ...extra,
  });

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
});

describe('the mask reservation page', () => {
  it('shows the open round and nearby pharmacies with live stock and when it was updated, looked up from the committee centre', async () => {
    registeredHousehold();
    render(<ReserveMasksPage />);

    expect(await screen.findByText('雷允上药房（潍坊店）')).toBeTruthy();
    expect(screen.getByText(/本轮预约开放中/)).toBeTruthy();
    expect(screen.getByText('余 195 / 200 只')).toBeTruthy();
    expect(screen.getByText('库存更新于 03-10 09:30')).toBeTruthy();
    expect(screen.getByText('已无货')).toBeTruthy();
    expect(screen.getByText('潍坊路 388 号 · 60 米')).toBeTruthy();
    expect(screen.getByText('崂山路 600 号 · 1.3 公里')).toBeTruthy();
    const lookup = taro.request.mock.calls.find(([o]) => o.url === '/api/pharmacies')![0];
    expect(lookup.data).toEqual({ lat: 31.2, lng: 121.4 });
  });

  it('reserves at the chosen pharmacy with an Idempotency-Key and opens my reservation', async () => {
    registeredHousehold({ 'POST /api/mask-reservations': reply(201, reservation()) });
    render(<ReserveMasksPage />);

    fireEvent.click(await screen.findByText('雷允上药房（潍坊店）'));
    fireEvent.click(screen.getByRole('button', { name: '预约' }));

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/masks/pages/mine/index' }));
    const [post] = reservePosts();
    expect(post[0].data).toEqual({ roundId: ROUND_ID, pharmacyId: 'ph-1' });
    expect(post[0].header?.['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('after a network error, tapping 预约 again reuses the same Idempotency-Key; a new attempt after an answer gets a new key', async () => {
    let calls = 0;
    registeredHousehold({
      'POST /api/mask-reservations': () => {
        calls += 1;
        if (calls === 1) throw { errMsg: 'request:fail timeout' };
        if (calls === 2) return reply(409, { error: { code: 'OUT_OF_STOCK', message: 'No pharmacy has masks left in this round' } });
        return reply(201, reservation());
      },
    });
    render(<ReserveMasksPage />);
    const tap = () => fireEvent.click(screen.getByRole('button', { name: '预约' }));

    await screen.findByText('雷允上药房（潍坊店）');
    tap();
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    tap();
    expect(await screen.findByText('附近药店均已无货，请等待药店补货或下一轮预约')).toBeTruthy();
    tap();
    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalled());

    const keys = reservePosts().map(([o]) => o.header?.['Idempotency-Key']);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('says 本轮已预约 in words when the household already has this round (QUOTA_EXCEEDED) and stays on the page', async () => {
    registeredHousehold({
      'POST /api/mask-reservations': reply(409, { error: { code: 'QUOTA_EXCEEDED', message: 'Your household already has a reservation in this round' } }),
    });
    render(<ReserveMasksPage />);

    await screen.findByText('雷允上药房（潍坊店）');
    fireEvent.click(screen.getByRole('button', { name: '预约' }));

    expect(await screen.findByText('本轮已预约：每户每轮只能预约一次')).toBeTruthy();
    expect(screen.queryByText(/already has/)).toBeNull();
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  it('shows the reservation already made this round instead of the 预约 button', async () => {
    registeredHousehold({ 'GET /api/mask-reservations/mine': reply(200, { items: [reservation()] }) });
    render(<ReserveMasksPage />);

    expect(await screen.findByText('本轮已预约')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '预约' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查看取货码' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/masks/pages/mine/index' });
  });

  it('says no round is open when the pharmacy list has no round', async () => {
    registeredHousehold({ 'GET /api/pharmacies': reply(200, pharmacies({ roundId: null })) });
    render(<ReserveMasksPage />);

    expect(await screen.findByText('当前没有开放的预约，请关注下一轮。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '预约' })).toBeNull();
  });
});

describe('household registration on the mask page', () => {
  const unregistered = (extra: Parameters<typeof serveApi>[0] = {}) =>
    serveApi({
      'GET /api/org': reply(200, org),
      'GET /api/residents/registration': reply(404, { error: { code: 'NOT_FOUND', message: 'You have not registered yet' } }),
      ...extra,
    });

  async function fillForm(idNumber: string) {
    fireEvent.input(await screen.findByPlaceholderText('户主姓名'), { target: { value: '张伟' } });
    fireEvent.input(screen.getByPlaceholderText('身份证号（18 位）'), { target: { value: idNumber } });
    fireEvent.input(screen.getByPlaceholderText('手机号码'), { target: { value: '13800000001' } });
    fireEvent.click(screen.getByText('田林一村居委会'));
    fireEvent.input(screen.getByPlaceholderText('详细住址，例如：潍坊路 388 弄 5 号 201 室'), { target: { value: '田林路 1 弄 2 号 301 室' } });
    fireEvent.input(screen.getByPlaceholderText('家庭人数'), { target: { value: '3' } });
  }

  it('refuses an ID number with a wrong check character before posting anything', async () => {
    unregistered();
    render(<ReserveMasksPage />);

    await fillForm('310115198805120011');
    fireEvent.click(screen.getByRole('button', { name: '提交登记' }));

    expect(screen.getByText('身份证号校验位不正确，请核对最后一位')).toBeTruthy();
    expect(registrationPosts()).toHaveLength(0);
  });

  it("offers the phone WeChat knows with one tap: the button's code goes to the BFF and the form shows the number masked; typing stays", async () => {
    setPhoneNumberDetail({ code: 'dev-phone:13800000002', errMsg: 'getPhoneNumber:ok' });
    unregistered({ 'POST /api/me/phone': reply(200, { phoneMasked: '138****0002' }) });
    render(<ReserveMasksPage />);

    const button = await waitFor(() => {
      const found = screen.getByRole('button', { name: '使用微信手机号' });
      expect(found.getAttribute('data-open-type')).toBe('getPhoneNumber');
      return found;
    });
    fireEvent.click(button);

    expect(await screen.findByText('手机号 138****0002')).toBeTruthy();
    expect(taro.request.mock.calls.find(([o]) => o.url === '/api/me/phone')?.[0]).toMatchObject({ method: 'POST', data: { code: 'dev-phone:13800000002' } });
    expect(screen.queryByRole('button', { name: '使用微信手机号' })).toBeNull();
    expect(screen.getByPlaceholderText('或填写其他手机号码')).toBeTruthy();
  });

  it('keeps the typed number when WeChat refuses the phone code, and says so', async () => {
    setPhoneNumberDetail({ code: 'expired-code', errMsg: 'getPhoneNumber:ok' });
    unregistered({ 'POST /api/me/phone': reply(400, { error: { code: 'PHONE_CODE_INVALID', message: 'WeChat refused the code' } }) });
    render(<ReserveMasksPage />);

    const button = await waitFor(() => {
      const found = screen.getByRole('button', { name: '使用微信手机号' });
      expect(found.getAttribute('data-open-type')).toBe('getPhoneNumber');
      return found;
    });
    fireEvent.click(button);

    expect(await screen.findByText('未能获取手机号，请重试或手动填写')).toBeTruthy();
    expect(screen.getByPlaceholderText('手机号码')).toBeTruthy();
  });

  it('registers with the committee centre as the location, then shows the pharmacies', async () => {
    let registered = false;
    unregistered({
      'POST /api/residents/registration': () => {
        registered = true;
        return reply(201, registration());
      },
      'GET /api/residents/registration': () =>
        registered ? reply(200, registration()) : reply(404, { error: { code: 'NOT_FOUND', message: 'You have not registered yet' } }),
      'GET /api/pharmacies': reply(200, pharmacies()),
      'GET /api/mask-reservations/mine': reply(200, { items: [] }),
    });
    render(<ReserveMasksPage />);

    await fillForm('310115198805120018');
    fireEvent.click(screen.getByRole('button', { name: '提交登记' }));

    expect(await screen.findByText('雷允上药房（潍坊店）')).toBeTruthy();
    expect(registrationPosts()[0][0].data).toEqual({
      name: '张伟',
      idNumber: '310115198805120018',
      phone: '13800000001',
      committeeId: 'c-1',
      address: '田林路 1 弄 2 号 301 室',
      location: { lat: 31.2, lng: 121.4 },
      householdSize: 3,
    });
  });
});
