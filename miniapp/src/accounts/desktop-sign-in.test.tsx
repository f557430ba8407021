import { desktopTicketQrText, type User } from '@sqtb/shared';
import LoginPage from './pages/login/index';
import ScanPage from '../health-code/pages/scan/index';
import { readToken, saveSession } from '../core/session';
import { loginReply } from '../test-support/fixtures';
import { drawnModules, expectedModules } from '../test-support/qr-grid';
import { act, fireEvent, render, screen, waitFor } from '../test-support/rtl';
import { reply, resetTaro, serveApi, taro, type RequestOptions } from '../test-support/taro-mock';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../test-support/components-mock'));

const TICKET = 'tkt_0123456789abcdefABCDEF';
const KEY = 'key_0123456789abcdefABCDEF';
const district: User = { id: 'u-district-1', role: 'district', displayName: '孙科长（区城运中心）', scope: {}, registered: true };
const inTwoMinutes = () => new Date(Date.now() + 120_000).toISOString();
const ticketPolls = () => taro.request.mock.calls.filter(([o]: [RequestOptions]) => o.url === `/api/auth/desktop-tickets/${TICKET}`).length;

/** A browser window of this width (jsdom has no matchMedia of its own). */
function windowWidth(width: number) {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({ matches: width >= Number(/min-width:\s*(\d+)px/.exec(query)?.[1] ?? Infinity), media: query }),
  });
}

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  platform = process.env.TARO_ENV;
});
afterEach(() => {
  jest.useRealTimers();
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
  delete (window as { matchMedia?: unknown }).matchMedia;
});

describe('desktop sign-in, on the computer (H5, a wide window)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    windowWidth(1280);
  });

  it('shows a QR code carrying the ticket, polls every 2 s, and once a phone confirms keeps the session and opens home', async () => {
    jest.useFakeTimers();
    let confirmed = false;
    serveApi({
      'POST /api/auth/desktop-tickets': reply(201, { ticket: TICKET, collectKey: KEY, expiresAt: inTwoMinutes() }),
      [`GET /api/auth/desktop-tickets/${TICKET}`]: () =>
        reply(200, confirmed ? { status: 'confirmed', token: 'desktop-token', expiresAt: inTwoMinutes(), user: district } : { status: 'pending' }),
      'GET /api/auth/dev-accounts': reply(404, { error: { code: 'NOT_FOUND', message: 'not found' } }),
    });
    const { container } = render(<LoginPage />);

    expect(await screen.findByText(/在「扫码验证」中扫描此码/)).toBeTruthy();
    expect(drawnModules(container)).toEqual(expectedModules(desktopTicketQrText(TICKET)));
    // Outside development the account list says nothing on a computer.
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(screen.queryByText('当前环境未开放开发账号登录')).toBeNull();

    await act(() => jest.advanceTimersByTimeAsync(2000));
    expect(ticketPolls()).toBe(1);
    // The poll sends the key this computer was given; the QR code carries only the ticket.
    expect(taro.request.mock.calls.find(([o]: [RequestOptions]) => o.url === `/api/auth/desktop-tickets/${TICKET}`)![0].data).toEqual({ key: KEY });
    expect(desktopTicketQrText(TICKET)).not.toContain(KEY);
    await act(() => jest.advanceTimersByTimeAsync(2000));
    expect(ticketPolls()).toBe(2);
    expect(taro.reLaunch).not.toHaveBeenCalled();

    confirmed = true;
    await act(() => jest.advanceTimersByTimeAsync(2000));
    expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/home/index' });
    expect(readToken()).toBe('desktop-token');
    await act(() => jest.advanceTimersByTimeAsync(10_000));
    expect(ticketPolls()).toBe(3);
  });

  it('offers a fresh QR code once the ticket has expired', async () => {
    jest.useFakeTimers();
    let issued = 0;
    serveApi({
      'POST /api/auth/desktop-tickets': () => reply(201, { ticket: issued++ === 0 ? TICKET : `${TICKET}2`, collectKey: KEY, expiresAt: inTwoMinutes() }),
      [`GET /api/auth/desktop-tickets/${TICKET}`]: reply(404, { error: { code: 'DESKTOP_TICKET_EXPIRED', message: 'expired' } }),
      [`GET /api/auth/desktop-tickets/${TICKET}2`]: reply(200, { status: 'pending' }),
    });
    const { container } = render(<LoginPage />);
    expect(await screen.findByText(/在「扫码验证」中扫描此码/)).toBeTruthy();
    await act(() => jest.advanceTimersByTimeAsync(2000));

    expect(screen.getByText('二维码已失效')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '刷新二维码' }));
    await act(() => jest.advanceTimersByTimeAsync(0));

    expect(drawnModules(container)).toEqual(expectedModules(desktopTicketQrText(`${TICKET}2`)));
    expect(issued).toBe(2);
  });

  it('keeps the development account list in development, below the QR code', async () => {
    serveApi({
      'POST /api/auth/desktop-tickets': reply(201, { ticket: TICKET, collectKey: KEY, expiresAt: inTwoMinutes() }),
      [`GET /api/auth/desktop-tickets/${TICKET}`]: reply(200, { status: 'pending' }),
      'GET /api/auth/dev-accounts': reply(200, { accounts: [{ openid: 'district-1', role: 'district', displayName: '孙科长（区城运中心）' }] }),
    });
    render(<LoginPage />);
    expect(await screen.findByRole('button', { name: '孙科长（区城运中心）（区/街镇工作人员）' })).toBeTruthy();
    expect(screen.getByText('用小程序扫码登录')).toBeTruthy();
  });

  it('shows no QR code on a phone-sized window', async () => {
    windowWidth(390);
    serveApi({ 'GET /api/auth/dev-accounts': reply(200, { accounts: [] }) });
    render(<LoginPage />);
    expect(await screen.findByText('没有可用的开发账号')).toBeTruthy();
    expect(screen.queryByText('用小程序扫码登录')).toBeNull();
    expect(taro.request.mock.calls.some(([o]) => o.url === '/api/auth/desktop-tickets')).toBe(false);
  });
});

describe('desktop sign-in, on the phone (the scanner)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    saveSession(loginReply(district));
  });

  it('recognises a sign-in QR code, asks "在电脑上登录为 …？" and confirms the ticket', async () => {
    taro.scanCode.mockResolvedValue({ result: desktopTicketQrText(TICKET), scanType: 'QR_CODE' });
    const api = serveApi({ 'GET /api/me': reply(200, { user: district }), [`POST /api/auth/desktop-tickets/${TICKET}/confirm`]: reply(200, { confirmed: true }) });
    render(<ScanPage />);

    fireEvent.click(screen.getByRole('button', { name: '扫码' }));

    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '电脑已登录', icon: 'success' }));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '在电脑上登录为 孙科长（区城运中心）？' }));
    expect(api.mock.calls.filter(([o]) => o.method === 'POST').map(([o]) => o.url)).toEqual([`/api/auth/desktop-tickets/${TICKET}/confirm`]);
  });

  it('confirms nothing when the staff member cancels', async () => {
    taro.scanCode.mockResolvedValue({ result: desktopTicketQrText(TICKET) });
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
    serveApi({ 'GET /api/me': reply(200, { user: district }) });
    render(<ScanPage />);

    fireEvent.click(screen.getByRole('button', { name: '扫码' }));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(taro.request.mock.calls.filter(([o]) => o.method === 'POST')).toHaveLength(0);
  });

  it('says when the code on the computer has expired or was already used', async () => {
    taro.scanCode.mockResolvedValue({ result: desktopTicketQrText(TICKET) });
    serveApi({
      'GET /api/me': reply(200, { user: district }),
      [`POST /api/auth/desktop-tickets/${TICKET}/confirm`]: reply(409, { error: { code: 'DESKTOP_TICKET_USED', message: 'already confirmed' } }),
    });
    render(<ScanPage />);

    fireEvent.click(screen.getByRole('button', { name: '扫码' }));

    expect(await screen.findByText('该二维码已被确认，请在电脑上刷新后重新扫码')).toBeTruthy();
  });
});
