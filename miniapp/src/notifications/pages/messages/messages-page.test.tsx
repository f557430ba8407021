import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import MessagesPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const LINK = '/complaints/pages/detail/index?id=64b000000000000000000001';
const unreadMessage = { id: '64b0000000000000000000f1', title: '您的反映已办结，请评价', body: '占道经营：潍坊路 400 号', link: LINK, read: false, createdAt: '2026-03-02T06:00:00.000Z' };
const readMessage = { id: '64b0000000000000000000f2', title: '您的反映已受理', body: '占道经营：潍坊路 400 号', link: LINK, read: true, createdAt: '2026-03-02T03:00:00.000Z' };
const page = (items: unknown[], unread: number) => reply(200, { items, total: items.length, unread, page: 1, pageSize: 20 });

beforeEach(() => {
  resetTaro();
  saveSession(loginReply());
});

describe('messages page', () => {
  it('lists the messages newest first with the unread count and a dot on unread ones', async () => {
    serveApi({ 'GET /api/messages': page([unreadMessage, readMessage], 1) });
    render(<MessagesPage />);

    expect(await screen.findByText('您的反映已办结，请评价')).toBeTruthy();
    expect(screen.getByText('1 条未读')).toBeTruthy();
    expect(screen.getByText('您的反映已办结，请评价').closest('.card')?.querySelector('.unread-dot')).not.toBeNull();
    expect(screen.getByText('您的反映已受理').closest('.card')?.querySelector('.unread-dot')).toBeNull();
  });

  it('tapping an unread message marks it read and opens the matter it links to', async () => {
    serveApi({ 'GET /api/messages': page([unreadMessage, readMessage], 1), [`POST /api/messages/${unreadMessage.id}/read`]: reply(204, null) });
    render(<MessagesPage />);

    fireEvent.click(await screen.findByText('您的反映已办结，请评价'));

    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: LINK }));
    expect(taro.request.mock.calls.filter(([o]) => o.method === 'POST').map(([o]) => o.url)).toEqual([`/api/messages/${unreadMessage.id}/read`]);
    expect(screen.getByText('没有未读消息')).toBeTruthy();
    expect(document.querySelector('.unread-dot')).toBeNull();
  });

  it('opens a read message without marking it again', async () => {
    serveApi({ 'GET /api/messages': page([readMessage], 0) });
    render(<MessagesPage />);

    fireEvent.click(await screen.findByText('您的反映已受理'));

    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: LINK }));
    expect(taro.request.mock.calls.filter(([o]) => o.method === 'POST')).toHaveLength(0);
  });

  it('still opens the matter when marking read fails', async () => {
    serveApi({ 'GET /api/messages': page([unreadMessage], 1), [`POST /api/messages/${unreadMessage.id}/read`]: reply(503, { error: { code: 'DATABASE_UNAVAILABLE', message: 'down' } }) });
    render(<MessagesPage />);

    fireEvent.click(await screen.findByText('您的反映已办结，请评价'));

    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: LINK }));
    expect(screen.getByText('1 条未读')).toBeTruthy();
  });

  it('says in words whether each message also went to WeChat', async () => {
    const sent = { ...readMessage, id: '64b0000000000000000000f3', title: '您的反映已派单', wechat: 'sent' };
    const notSubscribed = { ...readMessage, id: '64b0000000000000000000f4', title: '您的反映已受理', wechat: 'not-subscribed' };
    const failed = { ...readMessage, id: '64b0000000000000000000f5', title: '您的反映已办结', wechat: 'failed' };
    serveApi({ 'GET /api/messages': page([sent, notSubscribed, failed], 0) });
    render(<MessagesPage />);

    const card = async (title: string) => (await screen.findByText(title)).closest('.card')?.textContent ?? '';
    expect(await card('您的反映已派单')).toContain('已同时发送微信通知');
    expect(await card('您的反映已受理')).toContain('未发微信通知：未订阅');
    expect(await card('您的反映已办结')).toContain('微信通知发送失败');
  });

  it('says when there are no messages', async () => {
    serveApi({ 'GET /api/messages': page([], 0) });
    render(<MessagesPage />);

    expect(await screen.findByText('暂无消息')).toBeTruthy();
  });

  it('shows a failed load with a retry', async () => {
    serveApi({ 'GET /api/messages': page([readMessage], 0) });
    taro.request.mockRejectedValueOnce({ errMsg: 'request:fail' });
    render(<MessagesPage />);

    fireEvent.click(await screen.findByRole('button', { name: '重试' }));

    expect(await screen.findByText('您的反映已受理')).toBeTruthy();
  });
});
