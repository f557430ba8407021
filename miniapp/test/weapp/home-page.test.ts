import { renderPage, signedInWeappSuite, tap, waitFor, waitForText } from './support/taro-weapp';
import { serveApi, storage, stubs } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

const resident = { id: 'u1', role: 'resident', displayName: '张阿姨', scope: {}, registered: true };

signedInWeappSuite();

describe('compiled weapp home page', () => {
  it("loads /api/me with the token and shows the resident's entries, none of them 建设中", async () => {
    serveApi({ 'GET /api/me': { statusCode: 200, data: { user: resident } } });
    const page = renderPage('accounts/pages/home/index');

    const text = await waitForText(page, '你好，张阿姨');

    for (const title of ['问题上报', '我的反映', '口罩预约', '随申码', '扫场所码', '我的到访', '企业复工', '消息', '我的账号']) {
      expect(text).toContain(title);
    }
    expect(text).not.toContain('建设中');
    expect(stubs.request.mock.calls[0][0].header).toMatchObject({
      Authorization: 'Bearer weapp-token',
    });
  });

  it('tapping 企业复工 opens the public resumption lookup', async () => {
    serveApi({ 'GET /api/me': { statusCode: 200, data: { user: resident } } });
    const page = renderPage('accounts/pages/home/index');
    await waitForText(page, '企业复工');

    tap(page, '企业复工', '.entry__title');

    await waitFor(() => stubs.navigateTo.mock.calls.length > 0, () => 'wx.navigateTo');
    expect(stubs.navigateTo.mock.calls[0][0]).toMatchObject({ url: '/places/pages/lookup/index' });
    expect(stubs.showToast).not.toHaveBeenCalled();
  });

  it('goes back to login and forgets the token when /api/me answers 401', async () => {
    serveApi({
      'GET /api/me': { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } },
    });
    renderPage('accounts/pages/home/index');

    await waitFor(() => stubs.reLaunch.mock.calls.length > 0, () => 'wx.reLaunch');
    expect(stubs.reLaunch.mock.calls[0][0]).toMatchObject({ url: '/accounts/pages/login/index' });
    expect(storage.has('sqtb.session')).toBe(false);
  });
});
