import { saveSession } from '../../../core/session';
import { committeeRow, dashboard, demoOrg, listItem, listReply } from '../../../test-support/complaint-fixtures';
import { loginReply, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import ComplaintDashboardPage from './index';
import { captureBlobDownloads } from '../../../test-support/blob-download';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const district = { ...resident, id: 'u-district', role: 'district' as const, displayName: '孙科长', scope: {} };
const OVERDUE_ID = '64b0000000000000000000e1';

const figures = dashboard({
  total: 40,
  byStatus: { submitted: 5, accepted: 3, rejected: 2, dispatched: 10, resolved: 4, closed: 15, archived: 1 },
  overdueNow: 3,
  onTimeRate: 0.875,
  satisfactionRate: 0.6667,
  reopenRate: 0.05,
  medianHoursToDispatch: 2.5,
  openHotspots: 1,
  byCommittee: [committeeRow('潍坊四村居委会', 10, { overdueNow: 1 }), committeeRow('潍坊一村居委会', 20, { satisfactionRate: 0.9 })],
});
const hotspot = {
  id: 'h1',
  cell: '1:2',
  center: { lat: 31.229, lng: 121.5228 },
  committeeId: 'c-a',
  open: true,
  openedAt: '2026-02-20T02:00:00.000Z',
  lastComplaintAt: '2026-03-01T02:00:00.000Z',
  complaintsInWindow: 4,
  categories: ['street-occupation', 'noise'],
};

function serveDashboard(extra: Parameters<typeof serveApi>[0] = {}) {
  return serveApi({
    'GET /api/dashboard/complaints': reply(200, figures),
    'GET /api/hotspots': reply(200, { items: [hotspot] }),
    'GET /api/org': reply(200, demoOrg),
    'GET /api/complaints': reply(200, listReply([listItem({ id: OVERDUE_ID, status: 'dispatched', description: '摊贩占道三天未处理', overdue: true, overdueReason: 'not-resolved' })])),
    ...extra,
  });
}

const textOfFigure = (label: string) => screen.getByText(label, { selector: '.figure__label' }).closest('.figure')?.querySelector('.figure__value')?.textContent;

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(district));
  platform = process.env.TARO_ENV;
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('the district complaint dashboard', () => {
  it('shows the rates as whole percentages and the other figures', async () => {
    serveDashboard();
    render(<ComplaintDashboardPage />);

    await screen.findByText('按时办结率');
    expect(textOfFigure('按时办结率')).toBe('88%');
    expect(textOfFigure('满意率')).toBe('67%');
    expect(textOfFigure('重办率')).toBe('5%');
    expect(textOfFigure('派单用时（中位）')).toBe('2.5 小时');
    expect(textOfFigure('反映总数')).toBe('40');
    expect(textOfFigure('当前超期')).toBe('3');
    expect(screen.getByText('当前超期', { selector: '.figure__label' }).closest('.figure')?.className).toContain('figure--alarm');
    expect(textOfFigure('在管乱点')).toBe('1');
    const processing = screen.getAllByText('处置中').find((n) => n.className === 'row__label');
    expect(processing?.nextSibling?.textContent).toBe('10');
  });

  it('shows — for a rate with nothing to measure yet', async () => {
    serveDashboard({ 'GET /api/dashboard/complaints': reply(200, dashboard()) });
    render(<ComplaintDashboardPage />);

    await screen.findByText('按时办结率');
    expect(textOfFigure('按时办结率')).toBe('—');
    expect(textOfFigure('满意率')).toBe('—');
  });

  it('draws one bar per committee, busiest first, as wide as its share of the busiest', async () => {
    serveDashboard();
    render(<ComplaintDashboardPage />);

    await screen.findByText('潍坊新村街道 潍坊一村居委会');
    const bars = Array.from(document.querySelectorAll('.bar'));
    expect(bars.map((b) => b.querySelector('.bar__label')?.firstChild?.textContent)).toEqual(['潍坊新村街道 潍坊一村居委会', '潍坊新村街道 潍坊四村居委会']);
    expect(bars.map((b) => (b.querySelector('.bar__fill') as HTMLElement).style.width)).toEqual(['100%', '50%']);
    expect(screen.getByText('20 件 · 超期 0 · 满意 90%')).toBeTruthy();
  });

  it('lists open hotspots with their committee and categories', async () => {
    serveDashboard();
    render(<ComplaintDashboardPage />);

    expect(await screen.findByText('30 天内 4 件')).toBeTruthy();
    expect(screen.getByText('占道经营、噪声扰民')).toBeTruthy();
    expect(taro.request.mock.calls.find(([o]) => o.url === '/api/hotspots')?.[0].data).toEqual({ open: 'true' });
  });

  it('lists the overdue matters and 催办 posts the urge', async () => {
    serveDashboard({ [`POST /api/complaints/${OVERDUE_ID}/urge`]: reply(200, { ...listItem({ id: OVERDUE_ID, urgeCount: 1 }), timeline: [] }) });
    render(<ComplaintDashboardPage />);

    expect(await screen.findByText('摊贩占道三天未处理')).toBeTruthy();
    expect(taro.request.mock.calls.find(([o]) => o.url === '/api/complaints')?.[0].data).toEqual({ overdue: 'true', page: 1, pageSize: 20 });
    fireEvent.click(screen.getByRole('button', { name: '催办' }));

    expect(await screen.findByRole('button', { name: '催办（已催 1 次）' })).toBeTruthy();
    const urge = taro.request.mock.calls.find(([o]) => o.url === `/api/complaints/${OVERDUE_ID}/urge`)?.[0];
    expect(urge).toMatchObject({ method: 'POST', data: {} });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已催办', icon: 'success' });
  });

  it('says so when a matter can no longer be urged', async () => {
    serveDashboard({
      [`POST /api/complaints/${OVERDUE_ID}/urge`]: reply(409, { error: { code: 'CONFLICT', message: 'Only an overdue matter can be urged' } }),
    });
    render(<ComplaintDashboardPage />);

    fireEvent.click(await screen.findByRole('button', { name: '催办' }));

    expect(await screen.findByText('该事项状态已变化，请刷新后重试')).toBeTruthy();
  });

  it('says when nothing is overdue', async () => {
    serveDashboard({ 'GET /api/complaints': reply(200, listReply([])) });
    render(<ComplaintDashboardPage />);

    expect(await screen.findByText('没有超期事项')).toBeTruthy();
  });

  it('on H5 exports the CSV through the request wrapper (with the token) and saves it from a Blob URL', async () => {
    const { created, clicked } = captureBlobDownloads();
    serveDashboard({ 'GET /api/dashboard/complaints.csv': reply(200, '居委会,总数\n潍坊一村居委会,20\n') });
    render(<ComplaintDashboardPage />);

    fireEvent.click(await screen.findByRole('button', { name: '导出各居委数据（CSV）' }));

    expect(await screen.findByText('已导出 complaints-dashboard.csv')).toBeTruthy();
    const csvCall = taro.request.mock.calls.find(([o]) => o.url === '/api/dashboard/complaints.csv')![0] as { header: Record<string, string>; dataType?: string };
    expect(csvCall.header.Authorization).toBe('Bearer token-abc');
    expect(csvCall.dataType).toBe('text');
    expect(clicked).toHaveBeenCalled();
    expect(created[0].type).toBe('text/csv;charset=utf-8');
    expect(created[0].size).toBeGreaterThan(0);
    clicked.mockRestore();
  });

  it('in the mini-program says export is done on a computer instead of pretending', async () => {
    process.env.TARO_ENV = 'weapp';
    serveDashboard();
    render(<ComplaintDashboardPage />);

    fireEvent.click(await screen.findByRole('button', { name: '导出各居委数据（CSV）' }));

    expect(await screen.findByText('导出请在电脑端浏览器打开本页（H5）进行：小程序内无法保存 CSV 文件')).toBeTruthy();
    expect(taro.request.mock.calls.some(([o]) => o.url === '/api/dashboard/complaints.csv')).toBe(false);
  });

  it('shows a failed load with a retry', async () => {
    serveDashboard();
    const serve = taro.request.getMockImplementation()!;
    let failed = false;
    taro.request.mockImplementation(async (o) => {
      if (o.url === '/api/dashboard/complaints' && !failed) {
        failed = true;
        return reply(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering' } });
      }
      return serve(o);
    });
    render(<ComplaintDashboardPage />);

    fireEvent.click(await screen.findByRole('button', { name: '重试' }));

    await waitFor(() => expect(textOfFigure('按时办结率')).toBe('88%'));
  });
});
