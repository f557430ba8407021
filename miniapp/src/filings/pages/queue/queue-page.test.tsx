import { saveSession } from '../../../core/session';
import { cadreUser, filingSummary } from '../../../test-support/filing-fixtures';
import { loginReply } from '../../../test-support/fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import FilingQueuePage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../filings.css', () => ({}));

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(cadreUser));
});

describe('the filing queue (cadre, district)', () => {
  it('lists waiting filings first, then flags missing reports and fever among the approved', async () => {
    serveApi({
      'GET /api/enterprise-filings': (o) => {
        const status = (o.data as { status?: string }).status;
        const items =
          status === 'approved'
            ? [
                filingSummary({ id: 'f-2', enterpriseName: '甲公司', status: 'approved', missingToday: true }),
                filingSummary({ id: 'f-3', enterpriseName: '乙公司', status: 'approved', feverToday: true, latestReport: { date: '2026-03-02', onSite: 20, feverCases: 2 } }),
              ]
            : [filingSummary()];
        return reply(200, { items, total: items.length, page: 1, pageSize: 20 });
      },
    });
    const { container } = render(<FilingQueuePage />);

    expect(await screen.findByText('上海潍坊小笼餐饮有限公司')).toBeTruthy();
    expect(taro.request.mock.calls[0][0].data).toMatchObject({ status: 'submitted', page: 1 });
    fireEvent.click(screen.getByText('上海潍坊小笼餐饮有限公司'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/filings/pages/detail/index?id=f-1' });

    fireEvent.click(screen.getByText('已通过'));
    expect(await screen.findByText('甲公司')).toBeTruthy();
    expect(screen.getByText('今日未报告（10:00 前应报）')).toBeTruthy();
    expect(screen.getByText('今日发热 2 人')).toBeTruthy();
    expect(screen.getByText('今日未报告 1 家')).toBeTruthy();
    expect(screen.getByText('今日有发热 1 家')).toBeTruthy();
    expect(container.querySelectorAll('.filing-card--alert')).toHaveLength(2);
  });

  it('opened from the overview with ?status=returned&streetId= lists that street\'s returned filings', async () => {
    setRouterParams({ status: 'returned', streetId: '64b0000000000000000000b1' });
    serveApi({ 'GET /api/enterprise-filings': reply(200, { items: [filingSummary({ id: 'f-9', enterpriseName: '丙公司', status: 'returned' })], total: 1, page: 1, pageSize: 20 }) });
    render(<FilingQueuePage />);

    expect(await screen.findByText('丙公司')).toBeTruthy();
    expect(taro.request.mock.calls[0][0].data).toEqual({ status: 'returned', streetId: '64b0000000000000000000b1', page: 1, pageSize: 20 });
    expect(screen.getByText('退回修改', { selector: '.chip' }).className).toContain('chip--on');
  });

  it('has a tab for every status a filing can be in, revoked ones included', async () => {
    setRouterParams({ status: 'revoked' });
    serveApi({ 'GET /api/enterprise-filings': reply(200, { items: [filingSummary({ id: 'f-7', enterpriseName: '丁公司', status: 'revoked' })], total: 1, page: 1, pageSize: 20 }) });
    render(<FilingQueuePage />);

    expect(await screen.findByText('丁公司')).toBeTruthy();
    expect(taro.request.mock.calls[0][0].data).toMatchObject({ status: 'revoked' });
    expect(screen.getAllByText(/./, { selector: '.chip' }).map((chip) => chip.textContent)).toEqual(['待审核', '已通过', '退回修改', '未通过', '已撤销', '全部']);
    expect(screen.getByText('已撤销', { selector: '.chip' }).className).toContain('chip--on');
  });
});
