import { saveSession } from '../../../core/session';
import { cadreUser, filingView } from '../../../test-support/filing-fixtures';
import { loginReply, org } from '../../../test-support/fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, setRouterParams, taro } from '../../../test-support/taro-mock';
import FilingDetailPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../filings.css', () => ({}));

const waiting = filingView({ actions: ['approve', 'return', 'reject'] });
const posts = (action: string) => taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === `/api/enterprise-filings/f-1/${action}`);

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(cadreUser));
  setRouterParams({ id: 'f-1' });
});

describe('the filing detail page (reviewer)', () => {
  it('shows the roster with colour dots, the committee and the history', async () => {
    serveApi({ 'GET /api/enterprise-filings/f-1': reply(200, waiting), 'GET /api/org': reply(200, org) });
    const { container } = render(<FilingDetailPage />);

    expect(await screen.findByText('上海潍坊小笼餐饮有限公司')).toBeTruthy();
    expect(screen.getByText('共 2 人：绿码 1 · 黄码 0 · 红码 1')).toBeTruthy();
    expect(Array.from(container.querySelectorAll('.member .dot')).map((d) => d.className)).toEqual(['dot dot--red', 'dot dot--green']);
    expect(await screen.findByText('田林一村居委会')).toBeTruthy();
    expect(screen.getByText('提交备案')).toBeTruthy();
    expect(screen.getAllByText('待审核').length).toBe(2); // the status, and the step that led to it
  });

  it('says in words which employees are red when the approval is refused with 409', async () => {
    serveApi({
      'GET /api/enterprise-filings/f-1': reply(200, waiting),
      'GET /api/org': reply(200, org),
      'POST /api/enterprise-filings/f-1/approve': reply(409, {
        error: { code: 'CONFLICT', message: 'Employees with a red code', details: { redEmployees: [{ name: '李*', idMasked: '3101**********0026' }] } },
      }),
    });
    render(<FilingDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '审核通过' }));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '名单中有 1 名员工不是绿码，确定通过吗？' }));
    expect(
      await screen.findByText('以下 1 名员工当前为红码，暂不能通过：李*（3101**********0026）。请待其转码后再审核，或退回企业调整名单。'),
    ).toBeTruthy();
    expect(posts('approve')).toHaveLength(1);
    // It names the revision it showed, so a filing changed since is refused rather than approved unseen.
    expect(posts('approve')[0][0].data).toMatchObject({ revision: waiting.revision });
  });

  it('returns the filing with what to fix, and shows the filing as the BFF answers', async () => {
    serveApi({
      'GET /api/enterprise-filings/f-1': reply(200, waiting),
      'GET /api/org': reply(200, org),
      'POST /api/enterprise-filings/f-1/return': reply(200, filingView({ status: 'returned', returnNote: '请补充行程排查', actions: [] })),
    });
    render(<FilingDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '退回修改' }));
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }));
    expect(screen.getByText('请填写说明（至少 2 个字）')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('例如：防控方案缺少员工返岗前 14 天行程排查'), { target: { value: '请补充行程排查' } });
    fireEvent.click(screen.getByRole('button', { name: '确认退回' }));

    expect(await screen.findByText('已退回修改：请补充行程排查')).toBeTruthy();
    expect(posts('return')[0][0].data).toEqual({ note: '请补充行程排查', revision: 1 });
    expect(screen.queryByRole('button', { name: '审核通过' })).toBeNull();
  });

  it('reloads when someone else decided first', async () => {
    let decided = false;
    serveApi({
      'GET /api/enterprise-filings/f-1': () => reply(200, decided ? filingView({ status: 'approved', actions: [] }) : waiting),
      'GET /api/org': reply(200, org),
      'GET /api/enterprise-filings/f-1/certificate': reply(200, { token: 'cert-token', enterpriseName: 'x', approvedAt: '2026-03-01T03:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' }),
      'POST /api/enterprise-filings/f-1/reject': () => {
        decided = true;
        return reply(409, { error: { code: 'CONFLICT', message: 'Already decided' } });
      },
    });
    render(<FilingDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '不予通过' }));
    fireEvent.input(screen.getByPlaceholderText('例如：经营场所不具备复工条件'), { target: { value: '场所不合格' } });
    fireEvent.click(screen.getByRole('button', { name: '确认不予通过' }));

    expect(await screen.findByText('该备案已被他人处理或刚有改动，已为您刷新，请查看后再决定')).toBeTruthy();
    expect(await screen.findByText('已通过')).toBeTruthy();
  });
});
