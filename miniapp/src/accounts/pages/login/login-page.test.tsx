import { readToken, saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import LoginPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const devAccounts = {
  accounts: [
    { openid: 'resident-1', role: 'resident', displayName: '张阿姨' },
    { openid: 'cadre-1', role: 'cadre', displayName: '李书记' },
  ],
};

// What the BFF sends (bff/src/accounts/wechat-client.ts): English, for developers.
const BFF_MESSAGE = 'The WeChat login code is invalid or expired; log in again';
const refused = reply(401, { error: { code: 'WECHAT_LOGIN_FAILED', message: BFF_MESSAGE } });

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  platform = process.env.TARO_ENV;
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('login page on H5', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });

  it('lists the seeded dev accounts with their role', async () => {
    serveApi({ 'GET /api/auth/dev-accounts': reply(200, devAccounts) });
    render(<LoginPage />);

    expect(screen.getByText('社区通办')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '张阿姨（居民）' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '李书记（居委干部）' })).toBeTruthy();
  });

  it('logging in as a dev account stores the token and relaunches at home', async () => {
    const api = serveApi({
      'GET /api/auth/dev-accounts': reply(200, devAccounts),
      'POST /api/auth/login': reply(200, loginReply()),
    });
    render(<LoginPage />);

    fireEvent.click(await screen.findByRole('button', { name: '张阿姨（居民）' }));

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/home/index' }));
    const login = api.mock.calls.find(([options]) => options.url === '/api/auth/login');
    expect(login?.[0].data).toEqual({ code: 'dev:resident-1' });
    expect(readToken()).toBe('token-abc');
  });

  it("a refused login is worded from its code, in Chinese (never the BFF's English), and stays on the page", async () => {
    serveApi({
      'GET /api/auth/dev-accounts': reply(200, devAccounts),
      'POST /api/auth/login': refused,
    });
    render(<LoginPage />);

    fireEvent.click(await screen.findByRole('button', { name: '李书记（居委干部）' }));

    expect(await screen.findByText('微信登录失败，请稍后重试')).toBeTruthy();
    expect(screen.queryByText(BFF_MESSAGE)).toBeNull();
    expect(taro.reLaunch).not.toHaveBeenCalled();
    expect(readToken()).toBeNull();
    expect((screen.getByRole('button', { name: '李书记（居委干部）' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says dev login is unavailable when the BFF is not in development', async () => {
    serveApi({}); // every route 404s, as /api/auth/dev-accounts does in production
    render(<LoginPage />);

    expect(await screen.findByText('当前环境未开放开发账号登录')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers a retry when the dev accounts cannot be loaded', async () => {
    serveApi({ 'GET /api/auth/dev-accounts': reply(200, devAccounts) });
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<LoginPage />);

    fireEvent.click(await screen.findByRole('button', { name: '重试' }));

    expect(await screen.findByRole('button', { name: '张阿姨（居民）' })).toBeTruthy();
  });

  it('goes straight home when an unexpired token is kept', async () => {
    serveApi({ 'GET /api/auth/dev-accounts': reply(200, devAccounts) });
    saveSession(loginReply());
    render(<LoginPage />);

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/home/index' }));
  });
});

describe('login page in the mini-program', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('logs in with the code from wx.login', async () => {
    taro.login.mockResolvedValue({ code: 'wx-code-1' });
    const api = serveApi({ 'POST /api/auth/login': reply(200, loginReply()) });
    render(<LoginPage />);

    fireEvent.click(screen.getByRole('button', { name: '微信一键登录' }));

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/home/index' }));
    expect(api.mock.calls[0][0].data).toEqual({ code: 'wx-code-1' });
    expect(readToken()).toBe('token-abc');
  });

  it('shows why when WeChat gives no code', async () => {
    taro.login.mockRejectedValue({ errMsg: 'login:fail' });
    render(<LoginPage />);

    fireEvent.click(screen.getByRole('button', { name: '微信一键登录' }));

    expect(await screen.findByText('微信登录失败，请稍后重试')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
