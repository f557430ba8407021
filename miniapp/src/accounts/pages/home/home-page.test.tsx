import { NOT_BUILT_NOTICE } from '@sqtb/shared';
import { readToken, saveSession } from '../../../core/session';
import { openEntry } from '../../home-entries';
import { loginReply, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import HomePage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const unauthenticated = reply(401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期' } });

beforeEach(() => {
  resetTaro();
  saveSession(loginReply());
});

describe('home page', () => {
  it("shows a resident's entries all ready, none marked 建设中", async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }) });
    render(<HomePage />);

    expect(await screen.findByText('你好，张阿姨')).toBeTruthy();
    expect(screen.getByText('居民')).toBeTruthy();
    for (const title of ['问题上报', '我的反映', '口罩预约', '随申码', '扫场所码', '我的到访', '企业复工', '消息', '我的账号']) {
      expect(screen.getByText(title).closest('.entry')?.textContent).not.toContain('建设中');
    }
    expect(screen.queryByText('建设中')).toBeNull();
  });

  it('tapping 扫场所码, 我的到访 or 企业复工 opens the place-code pages', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }) });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('扫场所码'));
    fireEvent.click(screen.getByText('我的到访'));
    fireEvent.click(screen.getByText('企业复工'));

    expect(taro.navigateTo.mock.calls.map(([o]) => o.url)).toEqual(['/places/pages/scan/index', '/places/pages/my-visits/index', '/places/pages/lookup/index']);
  });

  it('tapping 随申码 opens the health code page', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }) });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('随申码'));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/health-code/pages/code/index' });
  });

  it('tapping 口罩预约 opens the mask reservation page', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }) });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('口罩预约'));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/masks/pages/reserve/index' });
  });

  it('tapping 问题上报 opens the report page', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }) });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('问题上报'));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/complaints/pages/report/index' });
  });

  it('tapping a service under construction shows the notice and opens nothing', () => {
    // No home entry is under construction today: the rule is shown on one made up here.
    openEntry({ key: 'later', title: '以后的服务', description: '', built: false });

    expect(taro.showToast).toHaveBeenCalledWith({ title: NOT_BUILT_NOTICE, icon: 'none' });
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });

  it('tapping 我的账号 opens the profile page', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }) });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('我的账号'));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/accounts/pages/profile/index' });
  });

  it("shows a cadre the workbench (the complaint queue), messages and account, and none of a resident's services", async () => {
    const cadre = { ...resident, role: 'cadre' as const, displayName: '李书记' };
    serveApi({ 'GET /api/me': reply(200, { user: cadre }) });
    render(<HomePage />);

    fireEvent.click(await screen.findByText('居委工作台'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/complaints/pages/queue/index' });
    expect(screen.getByText('消息')).toBeTruthy();
    expect(screen.getByText('我的账号')).toBeTruthy();
    expect(screen.queryByText('口罩预约')).toBeNull();
  });

  it('when the session is rejected it forgets the token and relaunches at login', async () => {
    serveApi({ 'GET /api/me': unauthenticated });
    render(<HomePage />);

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/login/index' }));
    expect(readToken()).toBeNull();
  });

  it('shows loading until /api/me answers', async () => {
    let answer: (value: ReturnType<typeof reply>) => void = () => undefined;
    serveApi({ 'GET /api/me': () => new Promise((resolve) => (answer = resolve)) });
    render(<HomePage />);

    expect(screen.getByText('加载中…')).toBeTruthy();
    answer(reply(200, { user: resident }));
    expect(await screen.findByText('你好，张阿姨')).toBeTruthy();
    expect(screen.queryByText('加载中…')).toBeNull();
  });

  it('shows a failed load with a retry that loads again', async () => {
    serveApi({ 'GET /api/me': reply(200, { user: resident }) });
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<HomePage />);

    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(taro.reLaunch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(await screen.findByText('你好，张阿姨')).toBeTruthy();
  });
});
