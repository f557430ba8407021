import { shanghaiDate } from '@sqtb/shared';
import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { healthCode, RISK_REGIONS } from '../../../test-support/health-fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import DeclarePage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const twoDaysAgo = shanghaiDate(new Date(Date.now() - 2 * 86_400_000));
const declarations = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/health/declarations');

beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
});

describe('the health declaration page', () => {
  it('posts the temperature, the chosen symptoms, a trip and home observation, then shows the new colour', async () => {
    const yellow = healthCode({
      color: 'yellow',
      reasons: [{ rule: 'fever', color: 'yellow', text: '最近一次申报体温 37.6℃，不低于 37.3℃' }],
    });
    serveApi({ 'GET /api/health/risk-regions': reply(200, { regions: RISK_REGIONS }), 'POST /api/health/declarations': reply(201, yellow) });
    const { container } = render(<DeclarePage />);

    fireEvent.input(screen.getByPlaceholderText('例如 36.5'), { target: { value: '37.6' } });
    fireEvent.click(screen.getByText('咳嗽'));
    fireEvent.click(screen.getByText('发热'));
    fireEvent.click(await screen.findByRole('button', { name: '添加行程' }));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '2' } });
    fireEvent.change(container.querySelector('input[type="date"]')!, { target: { value: twoDaysAgo } });
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));

    expect(await screen.findByText('当前为黄码')).toBeTruthy();
    expect(declarations()).toHaveLength(1);
    expect(declarations()[0][0]).toMatchObject({
      method: 'POST',
      data: { temperature: 37.6, symptoms: ['fever', 'cough'], travel: [{ region: 'zhejiang-wenzhou', date: twoDaysAgo }], homeObservation: true },
    });
    expect(screen.getByText('最近一次申报体温 37.6℃，不低于 37.3℃')).toBeTruthy();
    expect(container.querySelector('.code-result')?.className).toContain('code-result--yellow');
  });

  it('shows each trip region with its risk level, and a removed trip is not sent', async () => {
    serveApi({ 'GET /api/health/risk-regions': reply(200, { regions: RISK_REGIONS }), 'POST /api/health/declarations': reply(201, healthCode()) });
    render(<DeclarePage />);

    fireEvent.click(await screen.findByRole('button', { name: '添加行程' }));
    expect(Array.from(screen.getByRole('combobox').querySelectorAll('option')).map((o) => o.textContent)).toEqual([
      '广东省深圳市（低风险）',
      '湖北省武汉市（高风险）',
      '浙江省温州市（中风险）',
    ]);
    fireEvent.click(screen.getByText('删除'));
    fireEvent.input(screen.getByPlaceholderText('例如 36.5'), { target: { value: '36.5' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));

    expect(await screen.findByText('当前为绿码')).toBeTruthy();
    expect(declarations()[0][0].data).toEqual({ temperature: 36.5, symptoms: [], travel: [], homeObservation: false });
  });

  it('says what is missing instead of posting: no temperature, a trip without a region', async () => {
    serveApi({ 'GET /api/health/risk-regions': reply(200, { regions: RISK_REGIONS }) });
    render(<DeclarePage />);

    fireEvent.click(await screen.findByRole('button', { name: '添加行程' }));
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));

    expect(screen.getByText('请填写体温，例如 36.5')).toBeTruthy();
    expect(screen.getByText('请选择第 1 段行程的地区')).toBeTruthy();
    fireEvent.input(screen.getByPlaceholderText('例如 36.5'), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));
    expect(screen.getByText('体温应在 34–43℃ 之间')).toBeTruthy();
    expect(declarations()).toHaveLength(0);
  });

  it("shows the BFF's refusal in words and keeps the form", async () => {
    serveApi({
      'GET /api/health/risk-regions': reply(200, { regions: RISK_REGIONS }),
      'POST /api/health/declarations': reply(400, { error: { code: 'VALIDATION_FAILED', message: 'A trip cannot be in the future' } }),
    });
    render(<DeclarePage />);

    fireEvent.input(await screen.findByPlaceholderText('例如 36.5'), { target: { value: '36.6' } });
    fireEvent.click(screen.getByRole('button', { name: '提交申报' }));

    expect(await screen.findByText('填写的内容不符合要求，请检查后重试')).toBeTruthy();
    expect(screen.getByRole('button', { name: '提交申报' })).toBeTruthy();
  });
});
