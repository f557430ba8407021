import AppealPage from '../health-code/pages/appeal/index';
import ReportComplaintPage from '../complaints/pages/report/index';
import { saveSession } from '../core/session';
import { complaintView } from '../test-support/complaint-fixtures';
import { loginReply, resident } from '../test-support/fixtures';
import { fireEvent, render, screen, waitFor } from '../test-support/rtl';
import { reply, resetTaro, serveApi, taro, type RequestOptions } from '../test-support/taro-mock';
import { forgetSubscribeTemplateForTests, OFFER_TEXT } from './subscribe-offer';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../test-support/components-mock'));

const TEMPLATE = 'tmpl-status-change-1';
const openAppeal = { id: 'a2', colorAtFiling: 'red', reason: '我不是密切接触者，请核实', status: 'open', createdAt: '2026-03-10T02:00:00.000Z' };
const reports = () => taro.request.mock.calls.filter(([o]: [RequestOptions]) => o.method === 'POST' && o.url === '/api/wechat/subscriptions').map(([o]) => o.data);
const appealLoads = () => taro.request.mock.calls.filter(([o]: [RequestOptions]) => o.url === '/api/health-code/appeals' && (o.method ?? 'GET') === 'GET').length;
const templateFetches = () => taro.request.mock.calls.filter(([o]: [RequestOptions]) => o.url === '/api/wechat/subscribe-templates');

function serveAppeal(extra: Record<string, ReturnType<typeof reply>> = {}) {
  return serveApi({
    'GET /api/health-code/appeals': reply(200, { items: [] }),
    'POST /api/health-code/appeals': reply(201, openAppeal),
    'GET /api/wechat/subscribe-templates': reply(200, { statusChange: TEMPLATE }),
    'POST /api/wechat/subscriptions': reply(200, { balances: [{ templateId: TEMPLATE, remaining: 1 }] }),
    ...extra,
  });
}

async function fileAppeal() {
  render(<AppealPage />);
  await screen.findByText('您还没有提交过申诉');
  fireEvent.input(screen.getByPlaceholderText('请说明您认为颜色有误的原因，例如：已解除隔离满 14 天'), { target: { value: '我不是密切接触者，请核实' } });
  fireEvent.click(screen.getByRole('button', { name: '提交申诉' }));
}

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  forgetSubscribeTemplateForTests();
  saveSession(loginReply(resident));
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('the offer of WeChat progress notices after a filing', () => {
  it('confirms the appeal in a modal that offers the notices; 接收 asks WeChat for the status-change template and reports the acceptance', async () => {
    serveAppeal();
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' });

    await fileAppeal();

    await waitFor(() => expect(reports()).toEqual([{ accepted: [TEMPLATE] }]));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '申诉已提交', content: OFFER_TEXT, confirmText: '接收', cancelText: '不用了' }));
    expect(taro.requestSubscribeMessage.mock.calls[0][0]).toMatchObject({ tmplIds: [TEMPLATE] });
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(templateFetches()).toHaveLength(1); // fetched when the page opened, and kept
  });

  it('reports nothing when the user declines in WeChat or in the modal', async () => {
    serveAppeal();
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'reject' });
    await fileAppeal();
    await waitFor(() => expect(taro.requestSubscribeMessage).toHaveBeenCalled());
    await waitFor(() => expect(appealLoads()).toBe(2)); // the list reloaded after the filing
    expect(reports()).toEqual([]);
  });

  it('asks WeChat nothing when the modal is answered 不用了', async () => {
    serveAppeal();
    taro.showModal.mockResolvedValue({ confirm: false, cancel: true });
    await fileAppeal();
    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    await waitFor(() => expect(appealLoads()).toBe(2)); // the list reloaded after the filing
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(reports()).toEqual([]);
  });

  it('just confirms the filing when the BFF names no template (or cannot be reached)', async () => {
    serveAppeal({ 'GET /api/wechat/subscribe-templates': reply(503, { error: { code: 'INTERNAL', message: 'down' } }) });
    await fileAppeal();
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '申诉已提交', icon: 'success' }));
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('on H5 offers nothing and reports nothing (a browser gets no WeChat messages): the filing is confirmed as usual', async () => {
    process.env.TARO_ENV = 'h5';
    serveAppeal();
    await fileAppeal();
    await waitFor(() => expect(taro.showToast).toHaveBeenCalledWith({ title: '申诉已提交', icon: 'success' }));
    expect(templateFetches()).toHaveLength(0);
    expect(taro.showModal).not.toHaveBeenCalled();
    expect(reports()).toEqual([]);
  });

  it('after a complaint is filed, the resident answers the offer first, then lands on the new matter', async () => {
    serveApi({
      'GET /api/wechat/subscribe-templates': reply(200, { statusChange: TEMPLATE }),
      'GET /api/complaints/nearby': reply(200, { items: [] }),
      'POST /api/complaints': reply(201, complaintView()),
      'POST /api/wechat/subscriptions': reply(200, { balances: [{ templateId: TEMPLATE, remaining: 1 }] }),
    });
    taro.chooseLocation.mockResolvedValue({ latitude: 31.229, longitude: 121.523, name: '潍坊一村', address: '潍坊路 400 号门口' });
    let answer: (value: { confirm: boolean; cancel: boolean }) => void = () => undefined;
    taro.showModal.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', [TEMPLATE]: 'accept' });
    render(<ReportComplaintPage />);

    fireEvent.click(screen.getByText('占道经营'));
    fireEvent.input(screen.getByPlaceholderText('请描述您遇到的问题（至少 5 个字）'), { target: { value: '门口有摊贩占道经营，行人难走' } });
    fireEvent.click(screen.getByRole('button', { name: '在地图上选择位置' }));
    await screen.findByText('已选位置：31.22900, 121.52300');
    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    await waitFor(() => expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交', content: OFFER_TEXT })));
    expect(taro.redirectTo).not.toHaveBeenCalled();
    answer({ confirm: true, cancel: false });

    await waitFor(() => expect(taro.redirectTo).toHaveBeenCalledWith({ url: `/complaints/pages/detail/index?id=${complaintView().id}` }));
    expect(reports()).toEqual([{ accepted: [TEMPLATE] }]);
  });
});
