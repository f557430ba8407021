import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { healthCode, RISK_REGIONS, TOKEN, tokenFor } from '../../../test-support/health-fixtures';
import { drawnModules, expectedModules } from '../../../test-support/qr-grid';
import { act, fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { hidePage, reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import HealthCodePage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const codeRequests = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/health-code');

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
});
afterEach(() => {
  jest.useRealTimers();
});

describe('the resident health code page', () => {
  it('shows a yellow code: its colour, the QR of the token, the masked name, the reasons in plain words and the day it turns green', async () => {
    const code = healthCode({
      color: 'yellow',
      reasons: [
        { rule: 'symptoms', color: 'yellow', text: '最近一次申报有症状：fever、cough' },
        { rule: 'risk-region-travel', color: 'yellow', text: '2026-03-05 到过中高风险地区（zhejiang-wenzhou），14 天内为黄码', until: '2026-03-19' },
      ],
      nextChangeOn: '2026-03-19',
    });
    serveApi({ 'GET /api/health-code': reply(200, code), 'GET /api/health/risk-regions': reply(200, { regions: RISK_REGIONS }) });
    const { container } = render(<HealthCodePage />);

    expect(await screen.findByText('黄码')).toBeTruthy();
    expect(container.querySelector('.code-card')?.className).toContain('code-card--yellow');
    expect(screen.getByText('张*')).toBeTruthy();
    expect(screen.getByText('最近一次申报有症状：发热、咳嗽')).toBeTruthy();
    expect(await screen.findByText('2026-03-05 到过中高风险地区（浙江省温州市），14 天内为黄码')).toBeTruthy();
    expect(screen.getByText('预计 3 月 19 日转绿')).toBeTruthy();
    expect(drawnModules(container)).toEqual(expectedModules(TOKEN));
    expect(screen.queryByText(/仅依据您的自主申报/)).toBeNull();
  });

  it('shows a green code with nothing against it and no turn-green date', async () => {
    serveApi({ 'GET /api/health-code': reply(200, healthCode()) });
    const { container } = render(<HealthCodePage />);

    expect(await screen.findByText('绿码')).toBeTruthy();
    expect(container.querySelector('.code-card')?.className).toContain('code-card--green');
    expect(screen.getByText('未发现需要管控的情况，请继续做好个人防护。')).toBeTruthy();
    expect(screen.queryByText(/转绿/)).toBeNull();
    // No reason names a region, so the region list is not fetched.
    expect(taro.request.mock.calls.map(([o]) => o.url)).toEqual(['/api/health-code']);
  });

  it('says the colour rests on self-declaration only when no ID number is on record', async () => {
    serveApi({ 'GET /api/health-code': reply(200, healthCode({ identified: false, maskedName: '张*' })) });
    render(<HealthCodePage />);

    expect(await screen.findByText('未登记身份证号：颜色仅依据您的自主申报。')).toBeTruthy();
  });

  it('ticks the clock every second and fetches a fresh code a minute before the token expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-10T01:00:00.000Z') });
    let issued = 0;
    serveApi({
      'GET /api/health-code': () => {
        issued += 1;
        return reply(200, healthCode({ token: tokenFor(`n${issued}`), expiresAt: new Date(Date.now() + 300_000).toISOString() }));
      },
    });
    const { container } = render(<HealthCodePage />);
    await act(async () => undefined);

    expect(screen.getByText('2026-03-10 09:00:00')).toBeTruthy();
    expect(screen.getByText('有效期剩余 5:00，到期前自动更新')).toBeTruthy();
    expect(drawnModules(container)).toEqual(expectedModules(tokenFor('n1')));

    await act(async () => void jest.advanceTimersByTime(1_000));
    expect(screen.getByText('2026-03-10 09:00:01')).toBeTruthy();
    expect(screen.getByText('有效期剩余 4:59，到期前自动更新')).toBeTruthy();

    await act(async () => void jest.advanceTimersByTime(238_000)); // 09:03:59: not yet
    expect(codeRequests()).toHaveLength(1);

    await act(async () => void jest.advanceTimersByTime(1_000)); // 09:04:00, a minute before expiry
    expect(codeRequests()).toHaveLength(2);
    expect(drawnModules(container)).toEqual(expectedModules(tokenFor('n2')));
    expect(screen.getByText('有效期剩余 5:00，到期前自动更新')).toBeTruthy();
  });

  it('greys the QR out when a refresh fails and the token runs out, and fetches again when the QR is tapped', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-10T01:00:00.000Z') });
    let online = true;
    serveApi({
      'GET /api/health-code': () => (online ? reply(200, healthCode({ expiresAt: new Date(Date.now() + 300_000).toISOString() })) : reply(503, {})),
    });
    const { container } = render(<HealthCodePage />);
    await act(async () => undefined);
    online = false;

    await act(async () => void jest.advanceTimersByTime(300_000));

    expect(screen.getByText('二维码已过期，点击刷新')).toBeTruthy();
    expect(container.querySelector('.qr')?.className).toContain('qr--dimmed');
    expect(screen.getByText('刷新失败：服务暂时不可用，请稍后重试')).toBeTruthy();

    online = true;
    fireEvent.click(screen.getByText('二维码已过期，点击刷新'));
    await act(async () => undefined);
    expect(screen.queryByText('二维码已过期，点击刷新')).toBeNull();
    expect(container.querySelector('.qr')?.className).not.toContain('qr--dimmed');
  });

  it('shows the code text on request for manual entry, copies it, and leads to the declaration and the appeal', async () => {
    serveApi({ 'GET /api/health-code': reply(200, healthCode()) });
    render(<HealthCodePage />);

    expect(screen.queryByText(TOKEN)).toBeNull();
    fireEvent.click(await screen.findByText('显示码值'));
    expect(screen.getByText(TOKEN)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '复制码值' }));
    // The copy waits for WeChat's privacy setting (the clipboard needs the agreement).
    await waitFor(() => expect(taro.setClipboardData).toHaveBeenCalledWith({ data: TOKEN }));

    fireEvent.click(screen.getByRole('button', { name: '健康申报' }));
    fireEvent.click(screen.getByRole('button', { name: '对颜色有异议？申诉' }));
    expect(taro.navigateTo.mock.calls.map(([o]) => o.url)).toEqual(['/health-code/pages/declare/index', '/health-code/pages/appeal/index']);
  });

  it('opens the place-code scanner (扫场所码) from the code page', async () => {
    serveApi({ 'GET /api/health-code': reply(200, healthCode()) });
    render(<HealthCodePage />);

    fireEvent.click(await screen.findByRole('button', { name: '扫场所码' }));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/places/pages/scan/index' });
  });

  it('keeps the screen on while the code is shown, and lets it sleep once the page is hidden or left', async () => {
    serveApi({ 'GET /api/health-code': reply(200, healthCode()) });
    const { unmount } = render(<HealthCodePage />);
    expect(await screen.findByText('绿码')).toBeTruthy();
    await waitFor(() => expect(taro.setKeepScreenOn.mock.calls.map(([o]) => o.keepScreenOn)).toEqual([true]));

    act(() => hidePage());
    await waitFor(() => expect(taro.setKeepScreenOn.mock.calls.map(([o]) => o.keepScreenOn)).toEqual([true, false]));

    unmount();
    await waitFor(() => expect(taro.setKeepScreenOn.mock.calls.map(([o]) => o.keepScreenOn)).toEqual([true, false, false]));
  });

  it('offers a retry when the first load fails', async () => {
    serveApi({ 'GET /api/health-code': reply(503, {}) });
    render(<HealthCodePage />);

    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    serveApi({ 'GET /api/health-code': reply(200, healthCode()) });
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('绿码')).toBeTruthy();
  });
});
