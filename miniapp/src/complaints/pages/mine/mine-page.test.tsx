import { saveSession } from '../../../core/session';
import { listItem, listReply } from '../../../test-support/complaint-fixtures';
import { loginReply } from '../../../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import MyComplaintsPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

beforeEach(() => {
  resetTaro();
  saveSession(loginReply());
});

describe("a resident's own reports", () => {
  it('lists every report with its status, unfiltered', async () => {
    serveApi({
      'GET /api/complaints': reply(
        200,
        listReply([
          listItem({ id: 'm1', status: 'resolved', description: '楼道灯坏了很久', categoryName: '物业维修' }),
          listItem({ id: 'm2', status: 'closed', description: '垃圾箱满溢', categoryName: '环境卫生', meTooCount: 2 }),
        ]),
      ),
    });
    render(<MyComplaintsPage />);

    expect(await screen.findByText('楼道灯坏了很久')).toBeTruthy();
    expect(taro.request.mock.calls[0][0].data).toEqual({ page: 1, pageSize: 20 });
    expect(screen.getByText('待评价')).toBeTruthy();
    expect(screen.getByText('已结案')).toBeTruthy();
    expect(screen.getByText(/2 人也遇到了/)).toBeTruthy();
  });

  it('invites a first report when there is none', async () => {
    serveApi({ 'GET /api/complaints': reply(200, listReply([])) });
    render(<MyComplaintsPage />);

    expect(await screen.findByText('您还没有反映过问题')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '我要反映问题' }));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/complaints/pages/report/index' });
  });

  it('sends a resident whose session ended back to login', async () => {
    serveApi({ 'GET /api/complaints': reply(401, { error: { code: 'UNAUTHENTICATED', message: 'Your session has expired; log in again' } }) });
    render(<MyComplaintsPage />);

    await waitFor(() => expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/accounts/pages/login/index' }));
  });
});
