import type { User } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { fireEvent, render, screen, within } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import { COMMITTEE_A, emptyOverviewFixture, overviewFixture } from '../../overview-fixture';
import OverviewPage from './index';
import { captureBlobDownloads } from '../../../test-support/blob-download';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../overview.css', () => ({}));
jest.mock('../../../core/components/charts/charts.css', () => ({}));

const district: User = { id: 'u-district', role: 'district', displayName: '孙科长', scope: {}, registered: true };
const cadre: User = { id: 'u-cadre', role: 'cadre', displayName: '陈书记', scope: { committeeId: COMMITTEE_A }, registered: true };

function serveOverview(user: User = district, overview = overviewFixture()) {
  saveSession(loginReply(user));
  return serveApi({ 'GET /api/dashboard/overview': reply(200, overview), 'GET /api/me': reply(200, { user }), 'GET /api/dashboard/overview.csv': reply(200, '\ufeff日期,居委\n') });
}

const section = () => screen.getByText('场所码', { selector: '.overview-section__title' }).closest('.overview-section') as HTMLElement;
const figure = (label: string) => within(section()).getByText(label, { selector: '.figure__label' }).closest('.figure') as HTMLElement;
const valueOf = (label: string) => figure(label).querySelector('.figure__value')?.textContent;
const captionOf = (title: string) => within(section()).getByText(title, { selector: '.chart__title' }).closest('.chart')?.querySelector('.chart__caption')?.textContent;
const navigatedTo = () => taro.navigateTo.mock.calls.map(([o]) => o.url);

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  platform = process.env.TARO_ENV;
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('place codes on the overview', () => {
  it('shows the visits of the last 7 days, refused ones apart, and the candidates awaiting a decision', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    expect([valueOf('近 7 日到访（人次）'), valueOf('非绿码拒入（人次）'), valueOf('待决定密接候选')]).toEqual(['57', '5', '4']);
    expect(figure('非绿码拒入（人次）').className).toContain('figure--alarm');
    expect(figure('待决定密接候选').textContent).toContain('2 个病例');
    expect(captionOf('每日场所到访（人次）')).toBe(
      '每日场所到访（人次）：2/26 绿码进入 8、非绿码拒入 0；2/27 绿码进入 8、非绿码拒入 1；2/28 绿码进入 5、非绿码拒入 0；3/1 绿码进入 12、非绿码拒入 1；3/2 绿码进入 8、非绿码拒入 2；3/3 绿码进入 8、非绿码拒入 1；3/4 绿码进入 3、非绿码拒入 0',
    );
    expect(captionOf('各居委场所到访（近 7 日，人次）')).toBe(
      '各居委场所到访（近 7 日，人次）：潍坊一村居委会 绿码进入 32、非绿码拒入 3；潍坊四村居委会 绿码进入 17、非绿码拒入 1；辖区外 绿码进入 3、非绿码拒入 1',
    );
    const rowA = within(section()).getByText('潍坊一村居委会').closest('.chart__row') as HTMLElement;
    expect(within(rowA).getByText('35 人次 · 待决定候选 3 人')).toBeTruthy();
    // Stacked: the busiest day (13) is the full width.
    const busiest = within(section()).getByText('3/1').closest('.chart__row') as HTMLElement;
    expect(Array.from(busiest.querySelectorAll<HTMLElement>('.chart__segment')).map((s) => s.style.width)).toEqual(['92.3%', '7.7%']);
  });

  it('opens the district health page for the candidates; visits have no list to open (no place is narrowed to)', async () => {
    serveOverview();
    render(<OverviewPage />);
    await screen.findByText('浦东新区总览');

    fireEvent.click(figure('近 7 日到访（人次）'));
    fireEvent.click(figure('非绿码拒入（人次）'));
    fireEvent.click(within(section()).getByText('潍坊一村居委会').closest('.chart__row') as HTMLElement);
    expect(taro.navigateTo).not.toHaveBeenCalled();
    fireEvent.click(figure('待决定密接候选'));
    expect(navigatedTo()).toEqual(['/health-code/pages/manage/index?tab=cases']);
  });

  it('gives a cadre the figures of their committee, the candidates opening nothing (the health page is the district\'s)', async () => {
    const overview = { ...overviewFixture(), scope: { level: 'committee' as const, id: COMMITTEE_A, name: '潍坊一村居委会' } };
    serveOverview(cadre, overview);
    render(<OverviewPage />);
    await screen.findByText('潍坊一村居委会总览');

    fireEvent.click(figure('待决定密接候选'));
    expect(taro.navigateTo).not.toHaveBeenCalled();
    expect(figure('待决定密接候选').className).not.toContain('figure--link');
  });

  it('exports the visits as CSV', async () => {
    const { clicked } = captureBlobDownloads();
    serveOverview();
    render(<OverviewPage />);
    fireEvent.click(await screen.findByRole('button', { name: '导出场所到访（CSV）' }));
    expect(await screen.findByText('已导出 overview-places.csv')).toBeTruthy();
    expect(clicked).toHaveBeenCalled();
    clicked.mockRestore();
    const csv = taro.request.mock.calls.map(([o]) => o).filter((o) => o.url === '/api/dashboard/overview.csv');
    expect(csv.map((o) => o.data)).toEqual([{ table: 'places' }]);
  });

  it('counts a scope with no visit and no candidate yet as empty', async () => {
    serveOverview(district, emptyOverviewFixture());
    render(<OverviewPage />);
    expect(await screen.findByText('范围内还没有任何办理数据')).toBeTruthy();
    expect(captionOf('每日场所到访（人次）')).toContain('2/26 绿码进入 0、非绿码拒入 0');
  });
});
