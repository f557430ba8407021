import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import MyVisitsPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../places.css', () => ({}));

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
});

const visit = (visitId: string, name: string, at: string, color: 'green' | 'yellow' | 'red', allowed: boolean) => ({ visitId, place: { id: `p-${visitId}`, name }, color, allowed, at });

describe('my visits', () => {
  it('lists the last 14 days newest first: place, Shanghai time, colour and whether the gate let me in', async () => {
    serveApi({
      'GET /api/me/visits': reply(200, {
        items: [visit('v3', '雷允上药房', '2026-03-10T02:30:00.000Z', 'green', true), visit('v2', '长风大厦', '2026-03-09T16:05:00.000Z', 'yellow', false), visit('v1', '田林一村服务站', '2026-02-28T01:00:00.000Z', 'green', true)],
      }),
    });
    const { container } = render(<MyVisitsPage />);

    expect(await screen.findByText('雷允上药房')).toBeTruthy();
    const rows = Array.from(container.querySelectorAll('.visit')).map((row) => row.textContent);
    expect(rows).toEqual(['雷允上药房2026-03-10 10:30 · 绿码已放行', '长风大厦2026-03-10 00:05 · 黄码未放行', '田林一村服务站2026-02-28 09:00 · 绿码已放行']);
    expect(container.querySelectorAll('.visit__dot--yellow')).toHaveLength(1);
    expect(screen.getByText(/近 14 天扫场所码的记录/)).toBeTruthy();
  });

  it('says so when there is no visit, and leads to the scanner', async () => {
    serveApi({ 'GET /api/me/visits': reply(200, { items: [] }) });
    render(<MyVisitsPage />);

    expect(await screen.findByText('近 14 天没有到访记录')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '扫场所码' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/places/pages/scan/index' });
  });

  it('offers a retry when the load fails', async () => {
    serveApi({ 'GET /api/me/visits': reply(503, {}) });
    render(<MyVisitsPage />);

    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    serveApi({ 'GET /api/me/visits': reply(200, { items: [visit('v1', '长风大厦', '2026-03-10T02:30:00.000Z', 'green', true)] }) });
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('长风大厦')).toBeTruthy();
  });
});
