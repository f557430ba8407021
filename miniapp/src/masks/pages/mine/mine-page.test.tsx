import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { PICKUP_CODE, reservation } from '../../../test-support/mask-fixtures';
import { drawnModules, expectedModules } from '../../../test-support/qr-grid';
import { act, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi } from '../../../test-support/taro-mock';
import MyMaskReservationsPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
});
afterEach(() => {
  jest.useRealTimers();
});

describe('my mask reservation page', () => {
  it('shows the pickup code as big digits and as a QR, the pharmacy, and a countdown to the pickup deadline that ticks', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-10T01:00:00.000Z') });
    serveApi({ 'GET /api/mask-reservations/mine': reply(200, { items: [reservation({ pickupBy: '2026-03-12T01:00:00.000Z' })] }) });
    const { container } = render(<MyMaskReservationsPage />);
    await act(async () => undefined);

    expect(screen.getByText('0471 8263')).toBeTruthy();
    expect(drawnModules(container)).toEqual(expectedModules(PICKUP_CODE));
    expect(screen.getByText('雷允上药房（潍坊店）')).toBeTruthy();
    expect(screen.getByText('待取货')).toBeTruthy();
    expect(screen.getByText('取货剩余 2 天 0 小时 00 分 00 秒（03-12 09:00 前）')).toBeTruthy();

    await act(async () => void jest.advanceTimersByTime(1_000));
    expect(screen.getByText('取货剩余 1 天 23 小时 59 分 59 秒（03-12 09:00 前）')).toBeTruthy();
  });

  it.each([
    ['pending_review', 'household-registration-pending', '待居委审核', '您的家庭登记正在审核：居委审核通过后才会分配药店和取货码。'],
    ['applied', 'lottery-application', '已报名摇号', '本轮采用摇号：预约截止后统一摇号，中签后这里会显示药店和取货码。'],
  ] as const)('explains a %s reservation in words, with no code or QR', async (status, reason, label, words) => {
    serveApi({ 'GET /api/mask-reservations/mine': reply(200, { items: [reservation({ status, reason, pickupCode: undefined, pickupBy: undefined, pharmacy: undefined })] }) });
    const { container } = render(<MyMaskReservationsPage />);

    expect(await screen.findByText(label)).toBeTruthy();
    expect(screen.getByText(words)).toBeTruthy();
    expect(container.querySelector('.qr')).toBeNull();
    expect(screen.queryByText('取货码')).toBeNull();
  });

  it('shows a redeemed code without a QR or countdown', async () => {
    serveApi({ 'GET /api/mask-reservations/mine': reply(200, { items: [reservation({ status: 'redeemed' })] }) });
    const { container } = render(<MyMaskReservationsPage />);

    expect(await screen.findByText('已领取')).toBeTruthy();
    expect(container.querySelector('.qr')).toBeNull();
    expect(screen.queryByText(/取货剩余/)).toBeNull();
  });

  it('offers to reserve when there is no reservation yet', async () => {
    serveApi({ 'GET /api/mask-reservations/mine': reply(200, { items: [] }) });
    render(<MyMaskReservationsPage />);

    expect(await screen.findByText('还没有口罩预约')).toBeTruthy();
    expect(screen.getByRole('button', { name: '去预约' })).toBeTruthy();
  });
});
