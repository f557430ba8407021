import { saveSession } from '../../../core/session';
import { cadre, listItem, listReply } from '../../../test-support/complaint-fixtures';
import { loginReply } from '../../../test-support/fixtures';
import { act, fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { pullDown, reachBottom, reply, resetTaro, serveApi, setRouterParams, taro, type RequestOptions } from '../../../test-support/taro-mock';
import ComplaintQueuePage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const listCalls = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/complaints').map(([o]) => o.data);

/** Answers GET /api/complaints by the status asked for. */
function serveByStatus(pages: Record<string, ReturnType<typeof listReply>>) {
  return serveApi({
    'GET /api/complaints': (o: RequestOptions) => {
      const query = o.data as { status?: string; overdue?: string };
      return reply(200, pages[query.status ?? (query.overdue ? 'overdue' : 'all')] ?? listReply([]));
    },
  });
}

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(cadre));
});

describe("a cadre's queue", () => {
  it('lists the matters waiting for 受理 first, with their status tag and a red light on overdue ones', async () => {
    serveByStatus({
      submitted: listReply([
        listItem({ id: 'a1', description: '摊贩占道', overdue: true, overdueReason: 'not-accepted' }),
        listItem({ id: 'a2', categoryName: '噪声扰民', description: '夜间施工' }),
      ]),
    });
    render(<ComplaintQueuePage />);

    expect(await screen.findByText('摊贩占道')).toBeTruthy();
    expect(listCalls()).toEqual([{ status: 'submitted', page: 1, pageSize: 20 }]);
    expect(screen.getByText('超期未受理')).toBeTruthy();
    expect(screen.getByText('摊贩占道').closest('.card')?.className).toContain('card--overdue');
    expect(screen.getByText('夜间施工').closest('.card')?.className).not.toContain('card--overdue');
    expect(screen.getAllByText('待受理').filter((n) => n.className.includes('tag'))).toHaveLength(2);
  });

  it('reloads with the filter tapped', async () => {
    serveByStatus({
      submitted: listReply([listItem({ id: 'a1', description: '摊贩占道' })]),
      dispatched: listReply([listItem({ id: 'b1', status: 'dispatched', description: '违章搭建的棚子' })]),
    });
    render(<ComplaintQueuePage />);
    await screen.findByText('摊贩占道');

    fireEvent.click(screen.getByText('处置中', { selector: '.chip' }));

    expect(await screen.findByText('违章搭建的棚子')).toBeTruthy();
    expect(screen.queryByText('摊贩占道')).toBeNull();
    expect(listCalls()[1]).toEqual({ status: 'dispatched', page: 1, pageSize: 20 });
    expect(screen.getByText('处置中', { selector: '.chip' }).className).toContain('chip--on');
  });

  it('asks for overdue matters with overdue=true', async () => {
    serveByStatus({ submitted: listReply([listItem({ id: 'a1', description: '摊贩占道' })]) });
    render(<ComplaintQueuePage />);
    await screen.findByText('摊贩占道');

    fireEvent.click(screen.getByText('超期', { selector: '.chip' }));

    await waitFor(() => expect(listCalls()[1]).toEqual({ overdue: 'true', page: 1, pageSize: 20 }));
  });

  it('says when a filter has nothing', async () => {
    serveByStatus({});
    render(<ComplaintQueuePage />);

    expect(await screen.findByText('没有「待受理」的事项')).toBeTruthy();
  });

  it('opens the detail page of a tapped matter', async () => {
    serveByStatus({ submitted: listReply([listItem({ id: '64b00000000000000000abcd', description: '摊贩占道' })]) });
    render(<ComplaintQueuePage />);

    fireEvent.click(await screen.findByText('摊贩占道'));

    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/complaints/pages/detail/index?id=64b00000000000000000abcd' });
  });

  it('loads the next page at the bottom and with 加载更多, then says all are loaded', async () => {
    const first = Array.from({ length: 20 }, (_, i) => listItem({ id: `p1-${i}`, description: `第一页 ${i}` }));
    serveApi({
      'GET /api/complaints': (o: RequestOptions) => {
        const { page } = o.data as { page: number };
        if (page === 1) return reply(200, listReply(first, 22, 1));
        return reply(200, listReply([listItem({ id: 'p2-0', description: '第二页 0' }), listItem({ id: 'p2-1', description: '第二页 1' })], 22, 2));
      },
    });
    render(<ComplaintQueuePage />);
    await screen.findByText('第一页 0');
    expect(screen.getByRole('button', { name: '加载更多' })).toBeTruthy();

    act(() => reachBottom());

    expect(await screen.findByText('第二页 1')).toBeTruthy();
    expect(screen.getByText('第一页 19')).toBeTruthy();
    expect(listCalls()[1]).toMatchObject({ page: 2 });
    expect(screen.getByText('共 22 条，已全部加载')).toBeTruthy();
    act(() => reachBottom());
    expect(listCalls()).toHaveLength(2);
  });

  it('says "1,000+" where the list stopped counting, asks for the page after the last matter shown, and counts them once it reached the end', async () => {
    const matters = (from: number, n: number) => Array.from({ length: n }, (_, i) => listItem({ id: `m${from + i}`, description: `事项 ${from + i}` }));
    serveApi({
      'GET /api/complaints': (o: RequestOptions) => {
        const { after } = o.data as { after?: string };
        return after === undefined ? reply(200, { ...listReply(matters(0, 20), 1000, 1), totalCapped: true }) : reply(200, { ...listReply(matters(20, 5), 1000, 2), totalCapped: true });
      },
    });
    render(<ComplaintQueuePage />);
    expect(await screen.findByText('符合条件的事项 1,000+ 件')).toBeTruthy();

    act(() => reachBottom());

    expect(await screen.findByText('事项 24')).toBeTruthy();
    expect(listCalls()[1]).toEqual({ status: 'submitted', page: 2, pageSize: 20, after: 'm19' });
    expect(screen.getByText('共 25 条，已全部加载')).toBeTruthy();
    expect(screen.getByText('符合条件的事项 25 件')).toBeTruthy();
    act(() => reachBottom());
    expect(listCalls()).toHaveLength(2);
  });

  it('keeps the loaded matters and offers a retry when the next page fails', async () => {
    const first = Array.from({ length: 20 }, (_, i) => listItem({ id: `p1-${i}`, description: `第一页 ${i}` }));
    let failNext = true;
    serveApi({
      'GET /api/complaints': (o: RequestOptions) => {
        const { page } = o.data as { page: number };
        if (page === 1) return reply(200, listReply(first, 21, 1));
        if (failNext) {
          failNext = false;
          return reply(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not answering' } });
        }
        return reply(200, listReply([listItem({ id: 'p2-0', description: '第二页 0' })], 21, 2));
      },
    });
    render(<ComplaintQueuePage />);
    await screen.findByText('第一页 0');

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    expect(screen.getByText('第一页 19')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    expect(await screen.findByText('第二页 0')).toBeTruthy();
  });

  it('reloads page 1 on pull-down and stops the indicator', async () => {
    serveByStatus({ submitted: listReply([listItem({ id: 'a1', description: '摊贩占道' })]) });
    render(<ComplaintQueuePage />);
    await screen.findByText('摊贩占道');

    act(() => pullDown());

    await waitFor(() => expect(taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(listCalls()).toEqual([
      { status: 'submitted', page: 1, pageSize: 20 },
      { status: 'submitted', page: 1, pageSize: 20 },
    ]);
  });

  it('shows a failed load with a retry', async () => {
    serveByStatus({ submitted: listReply([listItem({ id: 'a1', description: '摊贩占道' })]) });
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<ComplaintQueuePage />);

    fireEvent.click(await screen.findByRole('button', { name: '重试' }));

    expect(await screen.findByText('摊贩占道')).toBeTruthy();
  });

  it("opened from the overview with ?overdue=true&committeeId= lists that committee's overdue matters, named in the subtitle", async () => {
    setRouterParams({ overdue: 'true', committeeId: '64b0000000000000000000c1', committeeName: encodeURIComponent('潍坊四村居委会') });
    serveByStatus({ overdue: listReply([listItem({ id: 'o1', description: '楼道堆物一周未清', overdue: true, overdueReason: 'not-resolved' })]) });
    render(<ComplaintQueuePage />);

    expect(await screen.findByText('楼道堆物一周未清')).toBeTruthy();
    expect(listCalls()).toEqual([{ overdue: 'true', committeeId: '64b0000000000000000000c1', page: 1, pageSize: 20 }]);
    expect(screen.getByText('超期', { selector: '.chip' }).className).toContain('chip--on');
    expect(screen.getByText('潍坊四村居委会辖区内的事项')).toBeTruthy();

    fireEvent.click(screen.getByText('已结案', { selector: '.chip' }));
    await waitFor(() => expect(listCalls()[1]).toEqual({ status: 'closed', committeeId: '64b0000000000000000000c1', page: 1, pageSize: 20 }));
  });

  it('opened with ?status=closed starts on that filter', async () => {
    setRouterParams({ status: 'closed' });
    serveByStatus({ closed: listReply([listItem({ id: 'c1', status: 'closed', description: '路灯已修好' })]) });
    render(<ComplaintQueuePage />);

    expect(await screen.findByText('路灯已修好')).toBeTruthy();
    expect(listCalls()).toEqual([{ status: 'closed', page: 1, pageSize: 20 }]);
  });

  it('opened from a week of the overview lists that street\'s matters received that week and closed since, said in the subtitle', async () => {
    setRouterParams({ streetId: '64b0000000000000000000a1', streetName: encodeURIComponent('潍坊新村街道'), closed: 'true', receivedFrom: '2026-03-02', receivedTo: '2026-03-08' });
    serveByStatus({ all: listReply([listItem({ id: 'c1', status: 'closed', description: '路灯已修好' })]) });
    render(<ComplaintQueuePage />);

    expect(await screen.findByText('路灯已修好')).toBeTruthy();
    expect(listCalls()).toEqual([{ streetId: '64b0000000000000000000a1', closed: 'true', receivedFrom: '2026-03-02', receivedTo: '2026-03-08', page: 1, pageSize: 20 }]);
    expect(screen.getByText('全部', { selector: '.chip' }).className).toContain('chip--on');
    expect(screen.getByText('潍坊新村街道辖区内的事项 · 3/2–3/8 收到 · 已结案（含归档）')).toBeTruthy();
  });
});
