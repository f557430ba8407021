import { launchApp, renderPage, tap, unloadPages, waitFor, waitForText } from './support/taro-weapp';
import { installWxStubs, resetWxStubs, serveApi, storage, stubs } from './support/wx-stubs';

// The root config's per-project testTimeout is not applied by jest 30, and the
// first render compiles every WXML template of the build.
jest.setTimeout(30_000);

const apiBase = process.env.API_BASE ?? 'http://localhost:3000';

beforeAll(() => {
  installWxStubs();
  launchApp();
});
beforeEach(resetWxStubs);
afterEach(unloadPages);

describe('compiled weapp login page', () => {
  it('renders its title and the WeChat login button, without the H5 dev account list', async () => {
    const page = renderPage('accounts/pages/login/index');

    const text = await waitForText(page, '社区通办');

    expect(text).toContain('微信一键登录');
    expect(text).not.toContain('开发账号');
    expect(stubs.request).not.toHaveBeenCalled();
  });

  it('logs in with the wx.login code at API_BASE, keeps the token and relaunches at home', async () => {
    serveApi({
      'POST /api/auth/login': {
        statusCode: 200,
        data: {
          token: 'weapp-token',
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          user: { id: 'u1', role: 'resident', displayName: '张阿姨', scope: {}, registered: true },
        },
      },
    });
    const page = renderPage('accounts/pages/login/index');
    await waitForText(page, '微信一键登录');

    tap(page, '微信一键登录');

    await waitFor(() => stubs.reLaunch.mock.calls.length > 0, () => 'wx.reLaunch');
    expect(stubs.reLaunch.mock.calls[0][0]).toMatchObject({ url: '/accounts/pages/home/index' });
    expect(stubs.request.mock.calls[0][0]).toMatchObject({
      url: `${apiBase}/api/auth/login`,
      method: 'POST',
      data: { code: 'wx-code-1' },
    });
    expect(storage.get('sqtb.session')).toMatchObject({ token: 'weapp-token' });
  });

  it("words a refused login from its code, in Chinese, not the BFF's English message", async () => {
    const bffMessage = 'The WeChat login code is invalid or expired; log in again';
    serveApi({
      'POST /api/auth/login': {
        statusCode: 401,
        data: { error: { code: 'WECHAT_LOGIN_FAILED', message: bffMessage } },
      },
    });
    const page = renderPage('accounts/pages/login/index');
    await waitForText(page, '微信一键登录');

    tap(page, '微信一键登录');

    const text = await waitForText(page, '微信登录失败，请稍后重试');
    expect(text).not.toContain(bffMessage);
    expect(stubs.reLaunch).not.toHaveBeenCalled();
    expect(storage.has('sqtb.session')).toBe(false);
  });
});
