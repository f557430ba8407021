import { saveSession } from '../../../core/session';
import { handler, listItem, listReply } from '../../../test-support/complaint-fixtures';
import { loginReply } from '../../../test-support/fixtures';
import { render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import ComplaintTasksPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(handler));
});

describe("a handling unit's tasks", () => {
  it('lists the dispatched matters, marking the overdue ones and the reopened ones', async () => {
    serveApi({
      'GET /api/complaints': reply(
        200,
        listReply([
          listItem({ id: 't1', status: 'dispatched', description: '摊贩占道', overdue: true, overdueReason: 'not-resolved' }),
          listItem({ id: 't2', status: 'dispatched', description: '夜间噪声', reopenCount: 1 }),
        ]),
      ),
    });
    render(<ComplaintTasksPage />);

    expect(await screen.findByText('超期未办结')).toBeTruthy();
    expect(taro.request.mock.calls[0][0].data).toEqual({ status: 'dispatched', page: 1, pageSize: 20 });
    expect(screen.getByText('摊贩占道').closest('.card')?.className).toContain('card--overdue');
    expect(screen.getByText(/重办 1 次/)).toBeTruthy();
  });

  it('says when nothing waits on the unit', async () => {
    serveApi({ 'GET /api/complaints': reply(200, listReply([])) });
    render(<ComplaintTasksPage />);

    expect(await screen.findByText('没有「待处置」的事项')).toBeTruthy();
  });
});
