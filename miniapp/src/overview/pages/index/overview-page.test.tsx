import { overviewSchema, type User } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { act, fireEvent, render, screen, waitFor, within } from '../../../test-support/rtl';
import { pullDown, reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import { COMMITTEE_A, COMMITTEE_B, emptyOverviewFixture, FILING_MISSING, OVERDUE_1, OVERDUE_2, overviewFixture, STREET_W } from '../../overview-fixture';
import OverviewPage from './index';
import { captureBlobDownloads } from '../../../test-support/blob-download';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../overview.css', () => ({}));
jest.mock('../../../core/components/charts/charts.css', () => ({}));

const district: User = { id: 'u-district', role: 'district', displayName: '孙科长', scope: {}, registered: true };
const cadre: User = { id: 'u-cadre', role: 'cadre', displayName: '陈书记', scope: { committeeId: COMMITTEE_A }, registered: true };

function serveOverview(extra: Parameters<typeof serveApi>[0] = {}, user: User = district, overview = overviewFixture()) {
  return serveApi({
    'GET /api/dashboard/overview': reply(200, overview),
    'GET /api/me': reply(200, { user }),
    ...extra,
  });
}

const calls = (url: string) => taro.request.mock.calls.filter(([o]) => o.url === url).map(([o]) => o);
const section = (title: string) => screen.getByText(title, { selector: '.overview-section__title' }).closest('.overview-section') as HTMLElement;
const figure = (label: string, root: HTMLElement = document.body) => within(root).getByText(label, { selector: '.figure__label' }).closest('.figure') as HTMLElement;
const valueOf = (label: string, root?: HTMLElement) => figure(label, root).querySelector('.figure__value')?.textContent;
const captionOf = (title: string) => screen.getByText(title, { selector: '.chart__title' }).closest('.chart')?.querySelector('.chart__caption')?.textContent;
const tableRow = (root: HTMLElement, name: string) => within(root).getAllByText(name).map((n) => n.closest('.overview-table__row')).find(Boolean) as HTMLElement;
/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
const bytesOf = (blob: Blob) =>
  new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
const navigatedTo = () => taro.navigateTo.mock.calls.map(([o]) => o.url);

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(district));
  platform = process.env.TARO_ENV;
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('the overview fixture', () => {
  it('is a reply the contract accepts', () => {
    expect(() => overviewSchema.parse(overviewFixture())).not.toThrow();
    expect(() => overviewSchema.parse(emptyOverviewFixture())).not.toThrow();
  });
});

describe('the district overview page', () => {
  it('shows loading until the overview arrives, then the four services and first-time success', async () => {
    serveOverview();
    render(<OverviewPage />);

    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(await screen.findByText('浦东新区总览')).toBeTruthy();
    expect(screen.getByText('全区 · 统计时间 2026-03-04 10:00')).toBeTruthy();
    for (const title of ['一次办成率（目标 90%）', '投诉处理（近 8 周）', '口罩预约', '随申码', '企业复工备案', '街面秩序', '场所码']) expect(section(title)).toBeTruthy();
    expect(calls('/api/dashboard/overview')[0]).toMatchObject({ method: 'GET', data: {}, header: { Authorization: 'Bearer token-abc' } });
  });

  it('shows the complaint figures of the 8 weeks, with the counts behind each rate', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    const complaints = section('投诉处理（近 8 周）');
    expect(valueOf('收到反映', complaints)).toBe('46');
    expect(valueOf('已结案', complaints)).toBe('32');
    expect(valueOf('当前超期', complaints)).toBe('3');
    expect(figure('当前超期', complaints).className).toContain('figure--alarm');
    expect(valueOf('按时办结率', complaints)).toBe('94%');
    expect(figure('按时办结率', complaints).textContent).toContain('31/33 次办结');
    expect(valueOf('满意率', complaints)).toBe('94%');
    expect(valueOf('重办率', complaints)).toBe('3%');
    expect(valueOf('派单用时（中位）', complaints)).toBe('2.5 小时');
    expect(valueOf('办结用时（中位）', complaints)).toBe('31 小时');
  });

  it('draws the weekly columns to scale and says their numbers in the caption', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    expect(captionOf('每周收到与结案（件）')).toBe(
      '每周收到与结案（件）：1/12 收到 3、结案 3；1/19 收到 5、结案 5；1/26 收到 4、结案 4；2/2 收到 6、结案 5；2/9 收到 8、结案 6；2/16 收到 7、结案 5；2/23 收到 9、结案 4；3/2 收到 4、结案 0',
    );
    const chart = screen.getByText('每周收到与结案（件）', { selector: '.chart__title' }).closest('.chart') as HTMLElement;
    const groups = chart.querySelectorAll('.chart__group');
    expect(groups).toHaveLength(8);
    // The busiest week (9 received) is full height; the first week's 3 a third of it.
    const heights = (i: number) => Array.from(groups[i].querySelectorAll<HTMLElement>('.chart__column')).map((c) => c.style.height);
    expect(heights(6)).toEqual(['100%', '44.4%']);
    expect(heights(0)).toEqual(['33.3%', '33.3%']);
    expect(heights(7)).toEqual(['44.4%', '0%']);
    expect(captionOf('每周按时办结率与满意率')).toContain('2/9 按时办结率 83%、满意率 100%；2/16 按时办结率 100%、满意率 60%；2/23 按时办结率 100%、满意率 100%；3/2 按时办结率 —、满意率 —');
  });

  it('shows first-time success against the 90% target, met for complaints and short for filings', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    const success = section('一次办成率（目标 90%）');
    expect(within(success).getByText('投诉一次办结 90.6%（结案 32 件中 29 件未重办），目标 90%，已达标')).toBeTruthy();
    expect(within(success).getByText('备案一次通过 83.3%（通过 12 件中 10 件未退回），目标 90%，低于目标 6.7 个百分点')).toBeTruthy();
    const bars = success.querySelectorAll<HTMLElement>('.chart--target');
    expect(bars[0].querySelector<HTMLElement>('.chart__bar')?.style.width).toBe('90.6%');
    expect(bars[0].querySelector<HTMLElement>('.chart__target')?.style.left).toBe('90%');
    expect(bars[1].querySelector('.chart__bar')?.className).toContain('chart__fill--orange');

    fireEvent.click(within(success).getByText('备案一次通过'));
    expect(navigatedTo()).toEqual(['/filings/pages/queue/index?status=approved']);
  });

  it('shows the masks, health codes and filings with their charts', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    expect(screen.getByText('第 3 轮 · 进行中 · 03-02 09:00 至 03-06 17:00')).toBeTruthy();
    expect(captionOf('本轮各药店库存与预约（盒）')).toBe(
      '本轮各药店库存与预约（盒）：潍坊大药房 投放 100、已预约 20、已领取 50、过期未领 5；雷允上崂山店 投放 60、已预约 12、已领取 8、过期未领 0',
    );
    const pharmacy = screen.getByText('潍坊大药房').closest('.chart__row') as HTMLElement;
    expect(Array.from(pharmacy.querySelectorAll<HTMLElement>('.chart__bar')).map((b) => b.style.width)).toEqual(['100%', '20%', '50%', '5%']);
    expect(within(pharmacy).getByText('尚可预约 25')).toBeTruthy();
    expect(valueOf('家庭登记待审核')).toBe('2');
    expect(valueOf('口罩预约待审核')).toBe('4');

    const health = section('随申码');
    expect([valueOf('绿码', health), valueOf('黄码', health), valueOf('红码', health), valueOf('待处理申诉', health)]).toEqual(['280', '9', '3', '2']);
    expect(captionOf('各居委居民随申码（人）')).toBe('各居委居民随申码（人）：潍坊一村居委会 绿码 180、黄码 6、红码 2；潍坊四村居委会 绿码 90、黄码 3、红码 0；未登记 绿码 10、黄码 0、红码 1');
    // Stacked: the largest committee (188 people) is the full width.
    const stacked = within(health).getByText('潍坊一村居委会').closest('.chart__row') as HTMLElement;
    expect(Array.from(stacked.querySelectorAll<HTMLElement>('.chart__segment')).map((s) => s.style.width)).toEqual(['95.7%', '3.2%', '1.1%']);

    const filings = section('企业复工备案');
    expect(captionOf('备案状态（件）')).toBe('备案状态（件）：待审核 件数 3；已通过 件数 12；退回修改 件数 2；未通过 件数 1；已撤销 件数 1');
    expect(valueOf('提交到审结（中位）', filings)).toBe('2.5 天');
    expect(valueOf('今日未报告', filings)).toBe('1');
    expect(within(filings).getByText('上海潍坊小笼餐饮有限公司')).toBeTruthy();
  });

  it('links each figure to the list behind it', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');
    const complaints = section('投诉处理（近 8 周）');

    fireEvent.click(figure('当前超期', complaints));
    fireEvent.click(figure('已结案', complaints));
    fireEvent.click(figure('收到反映', complaints));
    const row = tableRow(complaints, '潍坊一村居委会');
    const [received, closed, overdue] = Array.from(row.querySelectorAll('.overview-table__cell'));
    fireEvent.click(received);
    fireEvent.click(closed);
    fireEvent.click(overdue);
    fireEvent.click(within(complaints).getByText('潍坊路 400 号门口'));
    fireEvent.click(within(complaints).getByText('占道经营、噪声扰民'));
    const committee = `committeeId=${COMMITTEE_A}&committeeName=${encodeURIComponent('潍坊一村居委会')}`;
    // Received and closed count the 8 weeks' matters, so their lists start on the first Monday; overdue is now, whenever received.
    const weeks = 'receivedFrom=2026-01-12';
    expect(navigatedTo()).toEqual([
      '/complaints/pages/queue/index?overdue=true',
      `/complaints/pages/queue/index?closed=true&${weeks}`,
      `/complaints/pages/queue/index?${weeks}`,
      `/complaints/pages/queue/index?${committee}&${weeks}`,
      `/complaints/pages/queue/index?closed=true&${committee}&${weeks}`,
      `/complaints/pages/queue/index?overdue=true&${committee}`,
      `/complaints/pages/detail/index?id=${OVERDUE_1}`,
      '/complaints/pages/dashboard/index',
    ]);

    taro.navigateTo.mockClear();
    fireEvent.click(figure('家庭登记待审核'));
    fireEvent.click(figure('口罩预约待审核'));
    fireEvent.click(figure('待处理申诉'));
    fireEvent.click(screen.getByText('退回修改', { selector: '.chart__label' }));
    fireEvent.click(screen.getByText('上海潍坊小笼餐饮有限公司'));
    expect(navigatedTo()).toEqual([
      '/masks/pages/review/index?tab=registrations',
      '/masks/pages/review/index?tab=reservations',
      '/health-code/pages/manage/index?tab=appeals',
      '/filings/pages/queue/index?status=returned',
      `/filings/pages/detail/index?id=${FILING_MISSING}`,
    ]);

    // The row outside every committee opens the district's list of such matters.
    taro.navigateTo.mockClear();
    fireEvent.click(tableRow(complaints, '辖区外').querySelector('.overview-table__cell')!);
    expect(navigatedTo()).toEqual(['/complaints/pages/queue/index?outside=true&receivedFrom=2026-01-12']);

    // Figures with no list behind them open nothing (residents by colour: there is no list of residents).
    taro.navigateTo.mockClear();
    fireEvent.click(figure('绿码'));
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });

  it('shows the shops by grade per committee and this week\'s inspections, each opening the shops behind it', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    const shops = section('街面秩序');
    expect([valueOf('高风险商户', shops), valueOf('中风险商户', shops), valueOf('低风险商户', shops), valueOf('本周巡查', shops)]).toEqual(['1', '4', '12', '5']);
    expect(figure('高风险商户', shops).className).toContain('figure--alarm');
    expect(captionOf('各居委商户风险等级（家）')).toBe(
      '各居委商户风险等级（家）：潍坊一村居委会 高风险 1、中风险 2、低风险 5；潍坊四村居委会 高风险 0、中风险 2、低风险 6；辖区外 高风险 0、中风险 0、低风险 1',
    );
    const rowA = within(shops).getByText('潍坊一村居委会').closest('.chart__row') as HTMLElement;
    expect(within(rowA).getByText('8 家 · 本周巡查 4 次')).toBeTruthy();

    fireEvent.click(figure('高风险商户', shops));
    fireEvent.click(figure('低风险商户', shops));
    fireEvent.click(figure('本周巡查', shops));
    fireEvent.click(rowA);
    // The shops outside every area: the map cannot narrow to them, so the row opens nothing.
    fireEvent.click(within(shops).getByText('辖区外').closest('.chart__row') as HTMLElement);
    expect(navigatedTo()).toEqual([
      '/shops/pages/map/index?grade=high',
      '/shops/pages/map/index?grade=low',
      '/shops/pages/patrol/index',
      `/shops/pages/map/index?committeeId=${COMMITTEE_A}`,
    ]);
  });

  it('lists the 5 busiest hotspots and points to all of them, so the other services stay in reach', async () => {
    const overview = overviewFixture();
    const [first] = overview.complaints.openHotspots;
    overview.complaints.openHotspots = [3, 9, 4, 12, 5, 6, 7].map((n, i) => ({ ...first, id: `64b00000000000000000d${i}00`, complaintsInWindow: n }));
    serveOverview({}, district, overview);
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');
    const complaints = section('投诉处理（近 8 周）');
    expect(within(complaints).getByText('在管乱点（7）')).toBeTruthy();
    expect(within(complaints).getAllByText(/^30 天内 \d+ 件$/).map((t) => t.textContent)).toEqual(['30 天内 12 件', '30 天内 9 件', '30 天内 7 件', '30 天内 6 件', '30 天内 5 件']);
    fireEvent.click(within(complaints).getByText('以上为件数最多的 5 个，查看全部 7 个乱点'));
    expect(navigatedTo()).toEqual(['/complaints/pages/dashboard/index']);
  });

  it('switches the area table to streets, whose names narrow the overview to that street', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');
    const complaints = section('投诉处理（近 8 周）');

    fireEvent.click(within(complaints).getByText('按街道'));

    const street = tableRow(complaints, '潍坊新村街道');
    expect(Array.from(street.querySelectorAll('.overview-table__cell')).map((c) => c.textContent)).toEqual(['42', '30', '3', '94%', '93%']);
    expect(within(complaints).queryByText('潍坊四村居委会', { selector: '.overview-table__name span' })).toBeNull();
    fireEvent.click(within(street).getByText('潍坊新村街道'));
    fireEvent.click(street.querySelector('.overview-table__cell')!);
    expect(navigatedTo()).toEqual([
      `/overview/pages/index/index?streetId=${STREET_W}`,
      `/complaints/pages/queue/index?streetId=${STREET_W}&streetName=${encodeURIComponent('潍坊新村街道')}&receivedFrom=2026-01-12`,
    ]);
  });

  it("opens a week's complaints from its columns", async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');
    const volume = screen.getByText('每周收到与结案（件）', { selector: '.chart__title' }).closest('.chart') as HTMLElement;
    const groups = volume.querySelectorAll('.chart__group');
    expect(groups).toHaveLength(8);
    fireEvent.click(groups[7]);
    expect(navigatedTo()).toEqual(['/complaints/pages/queue/index?receivedFrom=2026-03-02&receivedTo=2026-03-08']);
  });

  it('asks for the street in its query, and goes back to the whole district', async () => {
    setRouterParams({ streetId: STREET_W });
    const overview = { ...overviewFixture(), scope: { level: 'street' as const, id: STREET_W, name: '潍坊新村街道' } };
    serveOverview({}, district, overview);
    render(<OverviewPage />);

    expect(await screen.findByText('潍坊新村街道总览')).toBeTruthy();
    expect(calls('/api/dashboard/overview')[0].data).toEqual({ streetId: STREET_W });
    // The street's figures open the street's lists: complaints and filings both filter by street.
    fireEvent.click(figure('当前超期'));
    fireEvent.click(screen.getByText('退回修改', { selector: '.chart__label' }));
    // The shop pages cannot narrow to a street: the street's shop totals open nothing, its committees' rows their shops.
    fireEvent.click(figure('高风险商户'));
    fireEvent.click(figure('本周巡查'));
    fireEvent.click(within(section('街面秩序')).getByText('潍坊四村居委会').closest('.chart__row') as HTMLElement);
    expect(navigatedTo()).toEqual([
      `/complaints/pages/queue/index?overdue=true&streetId=${STREET_W}&streetName=${encodeURIComponent('潍坊新村街道')}`,
      `/filings/pages/queue/index?status=returned&streetId=${STREET_W}`,
      `/shops/pages/map/index?committeeId=${COMMITTEE_B}`,
    ]);

    fireEvent.click(screen.getByText('返回全区总览'));
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/overview/pages/index/index' });
  });

  it('urges an overdue matter (催办) and shows the new count', async () => {
    serveOverview({ [`POST /api/complaints/${OVERDUE_1}/urge`]: reply(200, { id: OVERDUE_1, urgeCount: 1 }) });
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    expect(screen.getByText('超期未办结')).toBeTruthy();
    expect(screen.getByText('潍坊一村居委会 · 超期 3.7 天 · 时限 02-27 18:00')).toBeTruthy();
    expect(screen.getByText('潍坊四村居委会 · 超期 3.5 小时 · 时限 03-04 06:30')).toBeTruthy();
    expect(screen.getByRole('button', { name: '催办（已催 2 次）' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '催办' }));

    expect(await screen.findByRole('button', { name: '催办（已催 1 次）' })).toBeTruthy();
    expect(calls(`/api/complaints/${OVERDUE_1}/urge`)[0]).toMatchObject({ method: 'POST', data: {} });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已催办', icon: 'success' });
  });

  it('says so in words when a matter can no longer be urged', async () => {
    serveOverview({ [`POST /api/complaints/${OVERDUE_2}/urge`]: reply(409, { error: { code: 'CONFLICT', message: 'Only an overdue matter can be urged' } }) });
    render(<OverviewPage />);

    fireEvent.click(await screen.findByRole('button', { name: '催办（已催 2 次）' }));

    expect(await screen.findByText('该事项状态已变化，请刷新后重试')).toBeTruthy();
    expect(taro.showToast).not.toHaveBeenCalled();
  });

  it('for a cadre shows the committee without 催办 or links to district-only pages', async () => {
    saveSession(loginReply(cadre));
    const overview = { ...overviewFixture(), scope: { level: 'committee' as const, id: COMMITTEE_A, name: '潍坊一村居委会' } };
    serveOverview({}, cadre, overview);
    render(<OverviewPage />);

    expect(await screen.findByText('潍坊一村居委会总览')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '催办' })).toBeNull();
    expect(screen.queryByText('按街道')).toBeNull();
    expect(screen.queryByText('返回全区总览')).toBeNull();
    fireEvent.click(figure('待处理申诉'));
    fireEvent.click(figure('当前超期'));
    fireEvent.click(screen.getByText('待审核', { selector: '.chart__label' }));
    // A cadre's shops are their committee's; they do not inspect, so this week's inspections open the shops, not the patrol list.
    fireEvent.click(figure('高风险商户'));
    fireEvent.click(figure('本周巡查'));
    expect(navigatedTo()).toEqual([
      `/complaints/pages/queue/index?overdue=true&committeeId=${COMMITTEE_A}&committeeName=${encodeURIComponent('潍坊一村居委会')}`,
      '/filings/pages/queue/index?status=submitted',
      `/shops/pages/map/index?grade=high&committeeId=${COMMITTEE_A}`,
      `/shops/pages/map/index?committeeId=${COMMITTEE_A}`,
    ]);
  });

  it('on H5 exports a table as CSV with the token and saves it from a Blob', async () => {
    const { created, clicked } = captureBlobDownloads();
    serveOverview({ 'GET /api/dashboard/overview.csv': reply(200, '\ufeff街镇,居委,当前超期\n潍坊新村街道,潍坊一村居委会,2\n') });
    render(<OverviewPage />);

    fireEvent.click(await screen.findByRole('button', { name: '导出各居委投诉（CSV）' }));

    expect(await screen.findByText('已导出 overview-complaints-committees.csv')).toBeTruthy();
    const csv = calls('/api/dashboard/overview.csv');
    expect(csv).toHaveLength(1);
    expect(csv[0]).toMatchObject({ method: 'GET', data: { table: 'complaints-committees' }, dataType: 'text', header: { Authorization: 'Bearer token-abc' } });
    expect(clicked).toHaveBeenCalled();
    expect(created[0].type).toBe('text/csv;charset=utf-8');
    // The BFF's BOM is kept once, not doubled.
    expect(new Uint8Array(await bytesOf(created[0])).slice(0, 6)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf, 0xe8, 0xa1, 0x97]));

    for (const [button, table] of [
      ['导出每周投诉（CSV）', 'complaints-weekly'],
      ['导出超期事项（CSV）', 'overdue'],
      ['导出在管乱点（CSV）', 'hotspots'],
      ['导出药店口罩（CSV）', 'masks'],
      ['导出待审核（CSV）', 'mask-reviews'],
      ['导出随申码（CSV）', 'health'],
      ['导出复工备案（CSV）', 'filings'],
      ['导出商户风险等级（CSV）', 'shops'],
      ['导出场所到访（CSV）', 'places'],
    ]) {
      fireEvent.click(screen.getByRole('button', { name: button }));
      await screen.findByText(`已导出 overview-${table}.csv`);
    }
    expect(calls('/api/dashboard/overview.csv').map((o) => (o.data as { table: string }).table)).toEqual([
      'complaints-committees',
      'complaints-weekly',
      'overdue',
      'hotspots',
      'masks',
      'mask-reviews',
      'health',
      'filings',
      'shops',
      'places',
    ]);
    clicked.mockRestore();
  });

  it('exports the table of the street the page is narrowed to, and words a failed export', async () => {
    process.env.TARO_ENV = 'h5';
    setRouterParams({ streetId: STREET_W });
    serveOverview({ 'GET /api/dashboard/overview.csv': reply(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering' } }) });
    render(<OverviewPage />);

    fireEvent.click(await screen.findByRole('button', { name: '导出随申码（CSV）' }));

    expect(await screen.findByText('导出失败：服务暂时不可用，请稍后重试')).toBeTruthy();
    expect(calls('/api/dashboard/overview.csv')[0].data).toEqual({ table: 'health', streetId: STREET_W });
  });

  it('in the mini-program says export is done on a computer instead of pretending', async () => {
    process.env.TARO_ENV = 'weapp';
    serveOverview();
    render(<OverviewPage />);

    fireEvent.click(await screen.findByRole('button', { name: '导出药店口罩（CSV）' }));

    expect(await screen.findByText('导出请在电脑端浏览器打开本页（H5）进行：小程序内无法保存 CSV 文件')).toBeTruthy();
    expect(calls('/api/dashboard/overview.csv')).toHaveLength(0);
  });

  it('shows a failed load by its code, with a retry that loads it', async () => {
    serveOverview();
    const serve = taro.request.getMockImplementation()!;
    let failed = false;
    taro.request.mockImplementation(async (o) => {
      if (o.url === '/api/dashboard/overview' && !failed) {
        failed = true;
        return reply(403, { error: { code: 'FORBIDDEN', message: 'Only district staff and cadres' } });
      }
      return serve(o);
    });
    render(<OverviewPage />);

    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(await screen.findByText('浦东新区总览')).toBeTruthy();
  });

  it('says which link was wrong when the street asked for does not exist', async () => {
    setRouterParams({ streetId: '64b0000000000000000000ff' });
    serveOverview({ 'GET /api/dashboard/overview': reply(404, { error: { code: 'NOT_FOUND', message: 'No such street' } }) });
    render(<OverviewPage />);

    expect(await screen.findByText('找不到要查看的街道或居委会')).toBeTruthy();
  });

  it('goes back to login when the session has expired', async () => {
    serveOverview({ 'GET /api/dashboard/overview': reply(401, { error: { code: 'UNAUTHENTICATED', message: 'Token expired' } }) });
    render(<OverviewPage />);

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/login/index' }));
  });

  it('says when nothing has happened in scope yet', async () => {
    serveOverview({}, district, emptyOverviewFixture());
    render(<OverviewPage />);

    expect(await screen.findByText('范围内还没有任何办理数据')).toBeTruthy();
    for (const text of ['没有超期事项', '目前没有在管的乱点', '还没有开放过预约轮次', '本轮没有投放库存的药店', '范围内还没有登记身份的居民', '今日没有缺报的企业', '范围内还没有登记的商户']) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    expect(screen.getByText('投诉一次办结 —（结案 0 件中 0 件未重办），目标 90%，暂无数据')).toBeTruthy();
  });

  it('reloads on pull-down', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    act(() => pullDown());

    await waitFor(() => expect(taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(calls('/api/dashboard/overview')).toHaveLength(2);
  });
});
