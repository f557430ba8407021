import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import AppealPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const explained = {
  id: 'a1',
  colorAtFiling: 'yellow',
  reason: '我没有去过温州',
  status: 'explained',
  resolutionNote: '行程数据来自您 3 月 5 日的申报',
  createdAt: '2026-03-06T02:00:00.000Z',
  resolvedAt: '2026-03-07T02:00:00.000Z',
};

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
});

describe('the resident appeal page', () => {
  it('files an appeal with the reason, then lists it as 处理中 and hides the form', async () => {
    let filed = false;
    const open = { id: 'a2', colorAtFiling: 'red', reason: '我不是密切接触者，请核实', status: 'open', createdAt: '2026-03-10T02:00:00.000Z' };
    serveApi({
      'GET /api/health-code/appeals': () => reply(200, { items: filed ? [open, explained] : [explained] }),
      'POST /api/health-code/appeals': () => {
        filed = true;
        return reply(201, open);
      },
    });
    render(<AppealPage />);
    expect(await screen.findByText('我没有去过温州')).toBeTruthy();

    fireEvent.input(screen.getByPlaceholderText('请说明您认为颜色有误的原因，例如：已解除隔离满 14 天'), { target: { value: ' 我不是密切接触者，请核实 ' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));

    expect(await screen.findByText('处理中')).toBeTruthy();
    expect(taro.request.mock.calls.find(([o]) => o.method === 'POST')?.[0].data).toEqual({ reason: '我不是密切接触者，请核实' });
    expect(screen.getByText('您有一件申诉正在处理，处理完成后可再次申诉。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交申诉' })).toBeNull();
  });

  it("shows a resolved appeal's outcome and the colour it was filed against", async () => {
    serveApi({ 'GET /api/health-code/appeals': reply(200, { items: [explained] }) });
    render(<AppealPage />);

    expect(await screen.findByText('已说明')).toBeTruthy();
    expect(screen.getByText('处理结果：行程数据来自您 3 月 5 日的申报（2026-03-07 10:00）')).toBeTruthy();
    expect(screen.getByText('2026-03-06 10:00 申诉 · 当时为黄码')).toBeTruthy();
  });

  it('shows what a corrected appeal set the medical status to', async () => {
    const corrected = { ...explained, id: 'a3', status: 'corrected', resolutionNote: '已核实解除隔离', correction: { status: 'released', date: '2026-03-07' } };
    serveApi({ 'GET /api/health-code/appeals': reply(200, { items: [corrected] }) });
    render(<AppealPage />);

    expect(await screen.findByText('已更正')).toBeTruthy();
    expect(screen.getByText('更正为解除隔离（2026-03-07 起）')).toBeTruthy();
  });

  it('asks for a reason of at least 5 characters before filing', async () => {
    serveApi({ 'GET /api/health-code/appeals': reply(200, { items: [] }) });
    render(<AppealPage />);
    expect(await screen.findByText('您还没有提交过申诉')).toBeTruthy();

    fireEvent.input(screen.getByPlaceholderText('请说明您认为颜色有误的原因，例如：已解除隔离满 14 天'), { target: { value: '错了' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));

    expect(screen.getByText('请说明申诉理由（至少 5 个字）')).toBeTruthy();
    expect(taro.request.mock.calls.filter(([o]) => o.method === 'POST')).toHaveLength(0);
  });

  it('says an appeal is already open when the BFF answers 409', async () => {
    serveApi({
      'GET /api/health-code/appeals': reply(200, { items: [] }),
      'POST /api/health-code/appeals': reply(409, { error: { code: 'APPEAL_OPEN', message: 'You already have an open appeal' } }),
    });
    render(<AppealPage />);
    await screen.findByText('您还没有提交过申诉');

    fireEvent.input(screen.getByPlaceholderText('请说明您认为颜色有误的原因，例如：已解除隔离满 14 天'), { target: { value: '我的颜色不对，请核实' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));

    expect(await screen.findByText('您已有一件申诉正在处理，处理完成后才能再次申诉')).toBeTruthy();
  });
});
