import HomePage from './pages/home/index';
import { installQuietLogin } from './quiet-login';
import { ApiError } from '../core/api-error';
import { request, setSessionRenewal } from '../core/request';
import { clearSession, readToken, saveSession } from '../core/session';
import { uploadFile } from '../core/upload';
import { loginReply, resident } from '../test-support/fixtures';
import { render, screen, waitFor } from '../test-support/rtl';
import { reply, resetTaro, serveApi, taro, type RequestOptions } from '../test-support/taro-mock';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../test-support/components-mock'));

const unauthenticated = reply(401, { error: { code: 'UNAUTHENTICATED', message: 'The token has expired' } });
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const fresh = { ...loginReply(), token: 'token-fresh' };
/** GET /api/me answers only the fresh token. */
const meForFreshToken = (options: RequestOptions) => (options.header?.Authorization === 'Bearer token-fresh' ? reply(200, { user: resident }) : unauthenticated);
const logins = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/auth/login');

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  installQuietLogin();
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  taro.login.mockResolvedValue({ code: 'wx-code-2' });
});
afterEach(() => {
  setSessionRenewal(null);
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('quiet re-login on a 401', () => {
  it('logs in again with a fresh wx.login code and retries the request once, without showing the login page', async () => {
    saveSession({ token: 'token-revoked', expiresAt: inAnHour() });
    serveApi({ 'GET /api/me': meForFreshToken, 'POST /api/auth/login': reply(200, fresh) });
    render(<HomePage />);

    expect(await screen.findByText('你好，张阿姨')).toBeTruthy();
    expect(logins().map(([o]) => o.data)).toEqual([{ code: 'wx-code-2' }]);
    expect(readToken()).toBe('token-fresh');
    expect(taro.reLaunch).not.toHaveBeenCalled();
  });

  it('renews a session whose token has lapsed on this phone too (sent without a token)', async () => {
    saveSession({ token: 'token-old', expiresAt: new Date(Date.now() - 1000).toISOString() });
    serveApi({ 'GET /api/me': meForFreshToken, 'POST /api/auth/login': reply(200, fresh) });

    await expect(request('/api/me')).resolves.toEqual({ user: resident });
    expect(taro.request.mock.calls.map(([o]) => o.url)).toEqual(['/api/me', '/api/auth/login', '/api/me']);
  });

  it('shows the login page only when the retried request is refused again', async () => {
    saveSession({ token: 'token-revoked', expiresAt: inAnHour() });
    serveApi({ 'GET /api/me': unauthenticated, 'POST /api/auth/login': reply(200, fresh) });
    render(<HomePage />);

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/login/index' }));
    expect(logins()).toHaveLength(1);
    expect(taro.request.mock.calls.filter(([o]) => o.url === '/api/me')).toHaveLength(2);
  });

  it('shows the login page when WeChat gives no new code', async () => {
    saveSession({ token: 'token-revoked', expiresAt: inAnHour() });
    taro.login.mockRejectedValue({ errMsg: 'login:fail' });
    serveApi({ 'GET /api/me': unauthenticated });
    render(<HomePage />);

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/login/index' }));
    expect(taro.request.mock.calls.filter(([o]) => o.url === '/api/me')).toHaveLength(1);
  });

  it('logs in once for requests refused together', async () => {
    saveSession({ token: 'token-revoked', expiresAt: inAnHour() });
    serveApi({ 'GET /api/me': meForFreshToken, 'GET /api/org': (o) => (o.header?.Authorization === 'Bearer token-fresh' ? reply(200, { streets: [] }) : unauthenticated), 'POST /api/auth/login': reply(200, fresh) });

    await Promise.all([request('/api/me'), request('/api/org')]);

    expect(taro.login).toHaveBeenCalledTimes(1);
    expect(logins()).toHaveLength(1);
  });

  it('retries an upload the same way', async () => {
    saveSession({ token: 'token-revoked', expiresAt: inAnHour() });
    serveApi({ 'POST /api/auth/login': reply(200, fresh) });
    taro.uploadFile.mockImplementation(async (o) =>
      o.header?.Authorization === 'Bearer token-fresh' ? { statusCode: 201, data: JSON.stringify({ id: 'f1' }) } : { statusCode: 401, data: JSON.stringify(unauthenticated.data) },
    );

    await expect(uploadFile('/api/files', 'wxfile://a.jpg')).resolves.toEqual({ id: 'f1' });
    expect(taro.uploadFile).toHaveBeenCalledTimes(2);
  });

  it('does not log in again after the user signed out, nor on H5 (no wx.login there), nor for a refused login itself', async () => {
    clearSession();
    serveApi({ 'GET /api/me': unauthenticated, 'POST /api/auth/login': reply(401, { error: { code: 'WECHAT_LOGIN_FAILED', message: 'bad code' } }) });
    await expect(request('/api/me')).rejects.toBeInstanceOf(ApiError);

    saveSession({ token: 'token-revoked', expiresAt: inAnHour() });
    process.env.TARO_ENV = 'h5';
    await expect(request('/api/me')).rejects.toMatchObject({ status: 401 });

    process.env.TARO_ENV = 'weapp';
    await expect(request('/api/auth/login', { method: 'POST', data: { code: 'x' } })).rejects.toMatchObject({ code: 'WECHAT_LOGIN_FAILED' });
    expect(taro.login).not.toHaveBeenCalled();
  });
});
