import { saveSession } from '../../../core/session';
import { loginReply, org } from '../../../test-support/fixtures';
import { pharmacies, pharmacist, reservation } from '../../../test-support/mask-fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import RedeemPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const ownPharmacy = { id: 'ph-1', code: 'P1', name: '雷允上药房（潍坊店）', address: '潍坊路 388 号', location: { lat: 31.2292, lng: 121.5225 }, committeeId: 'c-1' };
const redeemPosts = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/mask-reservations/redeem');

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(pharmacist));
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

const pharmacyApi = (extra: Parameters<typeof serveApi>[0] = {}) =>
  serveApi({
    'GET /api/me': reply(200, { user: pharmacist }),
    'GET /api/org': reply(200, { ...org, pharmacies: [ownPharmacy] }),
    'GET /api/pharmacies': reply(200, pharmacies()),
    'GET /api/mask-reservations': reply(200, { items: [reservation({ pickupCode: undefined })] }),
    ...extra,
  });

function typeAndRedeem(code: string) {
  fireEvent.input(screen.getByPlaceholderText('输入 8 位取货码'), { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: '核销' }));
}

describe('the pharmacy redeem page', () => {
  it('redeems a typed code and says 核销成功 with how many masks to hand over', async () => {
    pharmacyApi({ 'POST /api/mask-reservations/redeem': reply(200, reservation({ status: 'redeemed' })) });
    const { container } = render(<RedeemPage />);

    typeAndRedeem('04718263');

    expect(await screen.findByText('核销成功')).toBeTruthy();
    expect(screen.getByText('请发放口罩 5 只')).toBeTruthy();
    expect(container.querySelector('.redeem-result--ok')).not.toBeNull();
    expect(redeemPosts()[0][0]).toMatchObject({ method: 'POST', data: { pickupCode: '04718263' } });
  });

  it.each([
    [409, { code: 'CONFLICT', message: 'This reservation is redeemed', details: { currentStatus: 'redeemed' } }, '该取货码已核销，请勿重复发放'],
    [409, { code: 'CONFLICT', message: 'The pickup window has passed', details: { currentStatus: 'expired' } }, '该取货码已过期，不能发放'],
    [403, { code: 'FORBIDDEN', message: 'This pickup code is for another pharmacy' }, '该取货码不属于本药店，请居民到预约的药店领取'],
    [404, { code: 'NOT_FOUND', message: 'No reservation has this pickup code' }, '取货码不存在，请核对后重试'],
  ])('shows a %i refusal as 核销失败 in words', async (status, error, words) => {
    pharmacyApi({ 'POST /api/mask-reservations/redeem': reply(status, { error }) });
    const { container } = render(<RedeemPage />);

    typeAndRedeem('0471 8263');

    expect(await screen.findByText('核销失败')).toBeTruthy();
    expect(screen.getByText(words)).toBeTruthy();
    expect(container.querySelector('.redeem-result--fail')).not.toBeNull();
    expect(redeemPosts()[0][0].data).toEqual({ pickupCode: '04718263' });
  });

  it('asks for 8 digits instead of sending anything else', async () => {
    pharmacyApi();
    render(<RedeemPage />);

    typeAndRedeem('1234');

    expect(screen.getByText('请输入 8 位数字取货码')).toBeTruthy();
    expect(redeemPosts()).toHaveLength(0);
    expect(await screen.findByText('本轮可约 195 / 200 只')).toBeTruthy();
  });

  it("lists the pharmacy's reservations waiting for pickup and its live stock", async () => {
    pharmacyApi();
    render(<RedeemPage />);

    expect(await screen.findByText('口罩 5 只')).toBeTruthy();
    expect(screen.getByText(/待取货 1 份/)).toBeTruthy();
    expect(await screen.findByText('本轮可约 195 / 200 只')).toBeTruthy();
  });

  it('marks the pharmacy sold out with the switch', async () => {
    pharmacyApi({ 'POST /api/pharmacies/ph-1/sold-out': reply(200, { available: 195, total: 200, soldOut: true, updatedAt: '2026-03-10T02:00:00.000Z' }) });
    render(<RedeemPage />);

    fireEvent.click(await screen.findByRole('switch'));

    expect(await screen.findByText('已标记无货')).toBeTruthy();
    const post = taro.request.mock.calls.find(([o]) => o.url === '/api/pharmacies/ph-1/sold-out')![0];
    expect(post.data).toEqual({ soldOut: true });
  });

  it('on weapp, the camera reads the QR and its digits are redeemed', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.scanCode.mockResolvedValue({ result: '04718263', scanType: 'QR_CODE' });
    pharmacyApi({ 'POST /api/mask-reservations/redeem': reply(200, reservation({ status: 'redeemed' })) });
    render(<RedeemPage />);

    fireEvent.click(screen.getByRole('button', { name: '扫码核销' }));

    expect(await screen.findByText('核销成功')).toBeTruthy();
    await waitFor(() => expect(redeemPosts()[0][0].data).toEqual({ pickupCode: '04718263' }));
  });
});
