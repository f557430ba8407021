import { readToken, saveSession } from '../../../core/session';
import { loginReply, org, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import ProfilePage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

beforeEach(() => {
  resetTaro();
  saveSession(loginReply());
});

describe('profile page', () => {
  it("shows the user's name, role and the committee and street from /api/org", async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }), 'GET /api/org': reply(200, org) });
    render(<ProfilePage />);

    expect(await screen.findByText('张阿姨')).toBeTruthy();
    expect(screen.getByText('居民')).toBeTruthy();
    expect(screen.getByText('田林一村居委会')).toBeTruthy();
    expect(screen.getByText('田林街道')).toBeTruthy();
  });

  it('tells a resident who has not registered yet that no committee is set', async () => {
    const newcomer = { ...resident, scope: {}, registered: false };
    serveApi({ 'GET /api/me': reply(200, { user: newcomer }), 'GET /api/org': reply(200, org) });
    render(<ProfilePage />);

    expect(await screen.findByText('尚未登记所属居委会')).toBeTruthy();
  });

  it('logging out after confirming forgets the token and relaunches at login', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }), 'GET /api/org': reply(200, org) });
    render(<ProfilePage />);
    await screen.findByText('张阿姨');

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/login/index' }));
    expect(readToken()).toBeNull();
  });

  it('logging out tells the BFF first, so the computers this phone signed in are signed out too', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }), 'GET /api/org': reply(200, org), 'POST /api/auth/sign-out': reply(204, null) });
    render(<ProfilePage />);
    await screen.findByText('张阿姨');

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/login/index' }));
    const signOut = taro.request.mock.calls.find(([o]) => o.url === '/api/auth/sign-out')?.[0];
    expect(signOut).toMatchObject({ method: 'POST', header: { Authorization: 'Bearer token-abc' } });
  });

  it('opens the privacy notice from the account page', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }), 'GET /api/org': reply(200, org) });
    render(<ProfilePage />);
    await screen.findByText('张阿姨');
    fireEvent.click(screen.getByText('个人信息与隐私'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/accounts/pages/privacy/index' });
  });

  it('keeps the session when logout is cancelled', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }), 'GET /api/org': reply(200, org) });
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
    render(<ProfilePage />);
    await screen.findByText('张阿姨');

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(taro.reLaunch).not.toHaveBeenCalled();
    expect(readToken()).toBe('token-abc');
  });
});
