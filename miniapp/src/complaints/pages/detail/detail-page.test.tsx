import { saveSession } from '../../../core/session';
import { complaintView, COMPLAINT_ID, demoOrg, UNIT_CITY } from '../../../test-support/complaint-fixtures';
import { loginReply } from '../../../test-support/fixtures';
import { act, fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { pullDown, reply, resetTaro, serveApi, setRouterParams, taro, type RequestOptions } from '../../../test-support/taro-mock';
import ComplaintDetailPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const DETAIL = `GET /api/complaints/${COMPLAINT_ID}`;
const step = (action: string) => `POST /api/complaints/${COMPLAINT_ID}/${action}`;
const sent = (action: string) =>
  taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === `/api/complaints/${COMPLAINT_ID}/${action}`).map(([o]) => o.data);

const resolvedForReporter = complaintView({
  status: 'resolved',
  resolutionNote: '已劝离摊贩',
  actions: ['rate'],
  timeline: [
    { at: '2026-03-02T02:00:00.000Z', actorName: '张伟', role: 'resident', action: 'submit', to: 'submitted' },
    { at: '2026-03-02T03:00:00.000Z', actorName: '陈书记', role: 'cadre', action: 'accept', from: 'submitted', to: 'accepted' },
    { at: '2026-03-02T03:05:00.000Z', actorName: '陈书记', role: 'cadre', action: 'dispatch', from: 'accepted', to: 'dispatched', note: '派至潍坊城管执法中队' },
    { at: '2026-03-02T06:00:00.000Z', actorName: '赵队员', role: 'handler', action: 'resolve', from: 'dispatched', to: 'resolved', note: '已劝离摊贩' },
  ],
});

beforeEach(() => {
  resetTaro();
  saveSession(loginReply());
  setRouterParams({ id: COMPLAINT_ID });
});

describe('complaint detail page', () => {
  it('shows the timeline as steps in Shanghai time, with who acted and the notes', async () => {
    serveApi({ [DETAIL]: reply(200, resolvedForReporter) });
    render(<ComplaintDetailPage />);

    expect(await screen.findByText('提交反映')).toBeTruthy();
    const titles = Array.from(document.querySelectorAll('.step__title')).map((n) => n.textContent);
    expect(titles).toEqual(['提交反映', '受理', '派单', '办结反馈']);
    expect(screen.getByText('陈书记 · 2026-03-02 11:05')).toBeTruthy();
    expect(screen.getByText('派至潍坊城管执法中队')).toBeTruthy();
    expect(screen.getAllByText('待评价').length).toBeGreaterThan(0);
  });

  it('lights the red light with the reason and the time limit of an overdue matter', async () => {
    serveApi({ [DETAIL]: reply(200, complaintView({ status: 'dispatched', overdue: true, overdueReason: 'not-resolved', deadline: '2026-03-09T10:00:00.000Z' })) });
    render(<ComplaintDetailPage />);

    expect(await screen.findByText('超期未办结')).toBeTruthy();
    expect(screen.getByText('办结时限')).toBeTruthy();
    expect(screen.getByText('2026-03-09 18:00')).toBeTruthy();
  });

  it('shows the reporter only the rating form when `actions` is [rate]', async () => {
    serveApi({ [DETAIL]: reply(200, resolvedForReporter) });
    render(<ComplaintDetailPage />);

    expect(await screen.findByRole('button', { name: '提交评价' })).toBeTruthy();
    for (const other of ['受理', '不予受理', '派单', '办结并反馈', '催办', '归档']) {
      expect(screen.queryByRole('button', { name: other })).toBeNull();
    }
  });

  it('shows no action at all when `actions` is empty', async () => {
    serveApi({ [DETAIL]: reply(200, complaintView({ actions: [] })) });
    render(<ComplaintDetailPage />);

    await screen.findByText('提交反映');
    expect(screen.queryByText('办理')).toBeNull();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('rating 2 stars posts {stars: 2} and shows the matter back with the unit (处置中)', async () => {
    const reopened = complaintView({
      ...resolvedForReporter,
      status: 'dispatched',
      reopenCount: 1,
      rating: { stars: 2, at: '2026-03-02T07:00:00.000Z' },
      actions: [],
      timeline: [
        ...resolvedForReporter.timeline,
        { at: '2026-03-02T07:00:00.000Z', actorName: '张伟', role: 'resident', action: 'rate', from: 'resolved', to: 'dispatched', note: '2 星' },
      ],
    });
    serveApi({ [DETAIL]: reply(200, resolvedForReporter), [step('rate')]: reply(200, reopened) });
    render(<ComplaintDetailPage />);

    await screen.findByRole('button', { name: '提交评价' });
    fireEvent.click(screen.getAllByText('★')[1]);
    expect(screen.getByText('1–2 星表示不满意：事项将退回处置部门重新办理。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));

    expect(await screen.findByText('评价不满意，退回重办')).toBeTruthy();
    expect(sent('rate')).toEqual([{ stars: 2 }]);
    expect(screen.getAllByText('处置中').length).toBeGreaterThan(0);
    expect(screen.getByText('上次处置结果')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull();
  });

  it('does not send a rating without stars', async () => {
    serveApi({ [DETAIL]: reply(200, resolvedForReporter) });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '提交评价' }));

    expect(screen.getByText('请选择 1–5 星')).toBeTruthy();
    expect(sent('rate')).toEqual([]);
  });

  it('lets a cadre accept, then dispatch to the preselected suggested unit', async () => {
    const accepted = complaintView({ status: 'accepted', actions: ['dispatch'], suggestedUnitId: UNIT_CITY, dispatchBy: '2026-03-03T10:00:00.000Z' });
    serveApi({
      [DETAIL]: reply(200, complaintView({ actions: ['accept', 'reject'] })),
      [step('accept')]: reply(200, accepted),
      [step('dispatch')]: reply(200, complaintView({ status: 'dispatched', unitId: UNIT_CITY, actions: [] })),
      'GET /api/org': reply(200, demoOrg),
    });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '受理' }));
    expect(await screen.findByText('派单至处置部门')).toBeTruthy();
    expect((await screen.findByText('潍坊城管执法中队（建议）')).className).toContain('chip--on');
    expect(screen.getByText('潍坊房管办').className).not.toContain('chip--on');
    fireEvent.click(screen.getByRole('button', { name: '派单' }));

    await waitFor(() => expect(sent('dispatch')).toEqual([{ unitId: UNIT_CITY }]));
    expect(sent('accept')).toEqual([{}]);
    expect(await screen.findByText('处置中')).toBeTruthy();
    expect(taro.showToast).toHaveBeenCalledWith({ title: '已派单', icon: 'success' });
  });

  it('dispatches to another unit when the cadre picks one', async () => {
    serveApi({
      [DETAIL]: reply(200, complaintView({ status: 'accepted', actions: ['dispatch'], suggestedUnitId: UNIT_CITY })),
      [step('dispatch')]: reply(200, complaintView({ status: 'dispatched', actions: [] })),
      'GET /api/org': reply(200, demoOrg),
    });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByText('潍坊房管办'));
    fireEvent.click(screen.getByRole('button', { name: '派单' }));

    await waitFor(() => expect(sent('dispatch')).toEqual([{ unitId: '64b0000000000000000000a2' }]));
  });

  it('lets the unit link the matter to a shop near it, and clear the link again', async () => {
    const SHOP = { id: '64b0000000000000000000e1', name: '潍坊便民食杂店' };
    const linked = complaintView({ status: 'dispatched', actions: ['resolve', 'link-shop'], shop: SHOP });
    serveApi({
      [DETAIL]: reply(200, complaintView({ status: 'dispatched', actions: ['resolve', 'link-shop'] })),
      'GET /api/complaints/nearby-shops': reply(200, { items: [SHOP, { id: '64b0000000000000000000e2', name: '老潍坊生煎馆' }] }),
      [step('link-shop')]: (options: RequestOptions) => reply(200, (options.data as { shopId: string | null }).shopId ? linked : complaintView({ status: 'dispatched', actions: ['resolve', 'link-shop'] })),
    });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByText('潍坊便民食杂店'));
    fireEvent.click(screen.getByRole('button', { name: '保存关联商铺' }));
    await waitFor(() => expect(sent('link-shop')).toEqual([{ shopId: SHOP.id }]));
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '关联商铺已更新', icon: 'success' }));

    fireEvent.click(screen.getByText('不涉及商铺'));
    fireEvent.click(screen.getByRole('button', { name: '保存关联商铺' }));
    await waitFor(() => expect(sent('link-shop')).toEqual([{ shopId: SHOP.id }, { shopId: null }]));
  });

  it('asks for a reason before 不予受理 and sends it', async () => {
    serveApi({
      [DETAIL]: reply(200, complaintView({ actions: ['accept', 'reject'] })),
      [step('reject')]: reply(200, complaintView({ status: 'rejected', rejectionReason: '不属于本辖区', actions: [] })),
    });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '不予受理' }));
    fireEvent.click(screen.getByRole('button', { name: '确认不予受理' }));
    expect(screen.getByText('请填写不予受理的理由（至少 2 个字）')).toBeTruthy();
    expect(sent('reject')).toEqual([]);

    fireEvent.input(screen.getByPlaceholderText('请填写理由，例如：不属于本居委会辖区'), { target: { value: ' 不属于本辖区 ' } });
    fireEvent.click(screen.getByRole('button', { name: '确认不予受理' }));

    expect(await screen.findByText('不予受理理由')).toBeTruthy();
    expect(sent('reject')).toEqual([{ reason: '不属于本辖区' }]);
  });

  it('lets the unit resolve with a note and a photo uploaded with the token', async () => {
    taro.chooseMedia.mockResolvedValue({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://result.jpg', size: 50_000 }] });
    taro.uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify({ id: 'f0000000000000000000000a', contentType: 'image/jpeg', size: 50_000, url: '/api/files/x' }) });
    serveApi({
      [DETAIL]: reply(200, complaintView({ status: 'dispatched', actions: ['resolve'] })),
      [step('resolve')]: reply(200, complaintView({ status: 'resolved', resolutionNote: '已清理', actions: [] })),
    });
    render(<ComplaintDetailPage />);

    fireEvent.input(await screen.findByPlaceholderText('请填写处置结果'), { target: { value: '已清理' } });
    fireEvent.click(screen.getByText('添加照片 0/6'));
    expect(await screen.findByText('添加照片 1/6')).toBeTruthy();
    await waitFor(() => expect(document.querySelector('.photo__state')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '办结并反馈' }));

    await waitFor(() => expect(sent('resolve')).toEqual([{ note: '已清理', photoIds: ['f0000000000000000000000a'] }]));
    expect(taro.uploadFile.mock.calls[0][0]).toMatchObject({
      url: '/api/files',
      filePath: 'wxfile://result.jpg',
      name: 'file',
      header: { Authorization: 'Bearer token-abc' },
    });
  });

  it('says the matter changed and reloads it when someone else acted first (409)', async () => {
    let loads = 0;
    serveApi({
      [DETAIL]: () => {
        loads += 1;
        return reply(200, complaintView(loads === 1 ? { actions: ['accept', 'reject'] } : { status: 'accepted', actions: [] }));
      },
      [step('accept')]: reply(409, { error: { code: 'CONFLICT', message: 'Someone else acted on this complaint first', details: { currentStatus: 'accepted' } } }),
    });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '受理' }));

    expect(await screen.findByText('该事项状态已变化，已为您刷新')).toBeTruthy();
    expect(await screen.findByText('已受理')).toBeTruthy();
    expect(loads).toBe(2);
    expect(screen.queryByRole('button', { name: '受理' })).toBeNull();
  });

  it('shows a refused step in Chinese, not the BFF English message', async () => {
    serveApi({
      [DETAIL]: reply(200, complaintView({ actions: ['accept'] })),
      [step('accept')]: reply(403, { error: { code: 'FORBIDDEN', message: 'You may not accept this complaint' } }),
    });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '受理' }));

    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy();
  });

  it('shows a failed load with a retry', async () => {
    serveApi({ [DETAIL]: reply(200, complaintView()) });
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<ComplaintDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '重试' }));

    expect(await screen.findByText('提交反映')).toBeTruthy();
  });

  it('says so when the matter does not exist', async () => {
    serveApi({ [DETAIL]: reply(404, { error: { code: 'NOT_FOUND', message: 'No such complaint' } }) });
    render(<ComplaintDetailPage />);

    expect(await screen.findByText('内容不存在或已被删除')).toBeTruthy();
  });

  it('asks for nothing when the page was opened without an id', async () => {
    setRouterParams({});
    serveApi({});
    render(<ComplaintDetailPage />);

    expect(await screen.findByText('没有指定要查看的事项')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });

  it('reloads on pull-down and stops the pull-down indicator', async () => {
    serveApi({ [DETAIL]: reply(200, complaintView()) });
    render(<ComplaintDetailPage />);
    await screen.findByText('提交反映');

    act(() => pullDown());

    await waitFor(() => expect(taro.stopPullDownRefresh).toHaveBeenCalled());
    expect(taro.request.mock.calls.filter(([o]) => o.url === `/api/complaints/${COMPLAINT_ID}`)).toHaveLength(2);
  });
});
