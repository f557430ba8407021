import { overviewSchema } from '@sqtb/shared';
import { COMMITTEE_A, OVERDUE_1, overviewFixture } from '../../src/overview/overview-fixture';
import { renderPage, signedInWeappSuite, tap, waitFor, waitForText, type RenderedPage } from './support/taro-weapp';
import { serveApi, stubs } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

const district = { id: 'u-district', role: 'district', displayName: '孙科长', scope: {}, registered: true };
const overview = overviewSchema.parse(overviewFixture());

/** The inline style WeChat was given for each matching node (Taro writes it as the `style` attribute). */
const styles = (page: RenderedPage, selector: string) => page.querySelectorAll(selector).map((n) => n.dom?.getAttribute('style') ?? '');

signedInWeappSuite();

describe('compiled weapp overview page (overview subpackage)', () => {
  it('renders the four services, street order and place codes with their bars drawn from views, sized by the figures', async () => {
    serveApi({
      'GET /api/dashboard/overview': { statusCode: 200, data: overview },
      'GET /api/me': { statusCode: 200, data: { user: district } },
    });
    const page = renderPage('overview/pages/index/index');

    const text = await waitForText(page, '浦东新区总览');

    for (const title of ['一次办成率（目标 90%）', '投诉处理（近 8 周）', '口罩预约', '随申码', '企业复工备案', '街面秩序', '场所码']) expect(text).toContain(title);
    expect(page.querySelectorAll('.overview-section')).toHaveLength(7);
    // Two weekly column charts of 8 weeks × 2 series; the busiest week (9 received) full height.
    expect(page.querySelectorAll('.chart__column')).toHaveLength(32);
    expect(styles(page, '.chart__column').slice(12, 14).map((s) => s.replace(/\s/g, ''))).toEqual(['height:100%;', 'height:44.4%;']);
    // Pharmacies (2 × 4 grouped bars), filing statuses (5, revoked included), two target bars; health and shop grades stacked (3 rows × 3 colours each);
    // visits stacked, entered and refused, for 7 days and 3 committee rows.
    expect(page.querySelectorAll('.chart__bar')).toHaveLength(8 + 5 + 2);
    expect(page.querySelectorAll('.chart__segment')).toHaveLength(9 + 9 + 14 + 6);
    // The busiest day (13 visits, 1 refused) is the full width.
    expect(styles(page, '.chart__segment').slice(24, 26).map((s) => s.replace(/\s/g, ''))).toEqual(['width:92.3%;', 'width:7.7%;']);
    expect(styles(page, '.chart__target').map((s) => s.replace(/\s/g, ''))).toEqual(['left:90%;', 'left:90%;']);
    expect(text).toContain('投诉一次办结 90.6%（结案 32 件中 29 件未重办），目标 90%，已达标');
    expect(text).toContain('本轮各药店库存与预约（盒）：潍坊大药房 投放 100、已预约 20、已领取 50、过期未领 5');
    expect(text).toContain('各居委居民随申码（人）：潍坊一村居委会 绿码 180、黄码 6、红码 2');
    expect(text).toContain('各居委商户风险等级（家）：潍坊一村居委会 高风险 1、中风险 2、低风险 5');
    expect(text).toContain('各居委场所到访（近 7 日，人次）：潍坊一村居委会 绿码进入 32、非绿码拒入 3');
    expect(text).toContain('35 人次 · 待决定候选 3 人');
    expect(stubs.request.mock.calls[0][0]).toMatchObject({ method: 'GET', header: { Authorization: 'Bearer weapp-token' } });
  });

  it("a committee's overdue count opens its overdue list, and 催办 posts the urge", async () => {
    serveApi({
      'GET /api/dashboard/overview': { statusCode: 200, data: overview },
      'GET /api/me': { statusCode: 200, data: { user: district } },
      [`POST /api/complaints/${OVERDUE_1}/urge`]: { statusCode: 200, data: { id: OVERDUE_1, urgeCount: 1 } },
    });
    const page = renderPage('overview/pages/index/index');
    await waitForText(page, '超期最久的 5 件');

    const overdueCell = page.querySelectorAll('.overview-table__cell.overview-link').find((n) => n.dom?.textContent === '2');
    overdueCell?.dispatchEvent('tap');
    await waitFor(() => stubs.navigateTo.mock.calls.length > 0, () => 'wx.navigateTo');
    expect(stubs.navigateTo.mock.calls[0][0]).toMatchObject({
      url: `/complaints/pages/queue/index?overdue=true&committeeId=${COMMITTEE_A}&committeeName=${encodeURIComponent('潍坊一村居委会')}`,
    });

    tap(page, '催办');
    await waitForText(page, '催办（已催 1 次）');
    const urge = stubs.request.mock.calls.find(([o]) => o.url.endsWith(`/api/complaints/${OVERDUE_1}/urge`));
    expect(urge?.[0]).toMatchObject({ method: 'POST' });
  });

  it('the candidates awaiting a decision open the district health page; visits open nothing', async () => {
    serveApi({
      'GET /api/dashboard/overview': { statusCode: 200, data: overview },
      'GET /api/me': { statusCode: 200, data: { user: district } },
    });
    const page = renderPage('overview/pages/index/index');
    await waitForText(page, '待决定密接候选');
    const figure = (label: string) => page.querySelectorAll('.figure').find((n) => n.dom?.textContent?.includes(label));

    figure('近 7 日到访（人次）')?.dispatchEvent('tap');
    figure('待决定密接候选')?.dispatchEvent('tap');
    await waitFor(() => stubs.navigateTo.mock.calls.length > 0, () => 'wx.navigateTo');
    expect(stubs.navigateTo.mock.calls).toHaveLength(1);
    expect(stubs.navigateTo.mock.calls[0][0]).toMatchObject({ url: '/health-code/pages/manage/index?tab=cases' });
  });

  it('CSV export says where it can be done instead of pretending', async () => {
    serveApi({
      'GET /api/dashboard/overview': { statusCode: 200, data: overview },
      'GET /api/me': { statusCode: 200, data: { user: district } },
    });
    const page = renderPage('overview/pages/index/index');
    await waitForText(page, '导出药店口罩（CSV）');

    tap(page, '导出药店口罩（CSV）');

    await waitForText(page, '导出请在电脑端浏览器打开本页（H5）进行');
    expect(stubs.request.mock.calls.some(([o]) => o.url.includes('overview.csv'))).toBe(false);
  });
});
