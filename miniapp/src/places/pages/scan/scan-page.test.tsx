import { saveSession } from '../../../core/session';
import { loginReply, resident } from '../../../test-support/fixtures';
import { act, fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import { invalidPlaceCode, PLACE_TOKEN, visitReply } from '../../test-support/place-fixtures';
import PlaceScanPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));
jest.mock('../../places.css', () => ({}));

const scanIns = () => taro.request.mock.calls.filter(([o]) => o.method === 'POST' && o.url === '/api/visits');
const gate = (container: HTMLElement) => container.querySelector('.gate') as HTMLElement | null;

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(resident));
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
  jest.useRealTimers();
});

function pasteAndSend(text: string) {
  fireEvent.input(screen.getByPlaceholderText('粘贴场所码码值'), { target: { value: ` ${text}\n` } });
  fireEvent.click(screen.getByRole('button', { name: '登记' }));
}

describe('the place scan page and its gate card', () => {
  it('on H5, sends the pasted code and fills the screen green: the place, the masked name, 可以进入, and a clock whose seconds tick', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-10T01:00:00.000Z') });
    serveApi({ 'POST /api/visits': reply(201, visitReply()) });
    const { container, unmount } = render(<PlaceScanPage />);
    expect(screen.getByText(/网页版无法调用相机扫码/)).toBeTruthy();

    pasteAndSend(PLACE_TOKEN);
    await act(async () => undefined);

    expect(gate(container)?.className).toContain('gate--green');
    expect(screen.getByText('长风大厦')).toBeTruthy();
    expect(screen.getByText('张*')).toBeTruthy();
    expect(screen.getByText('绿码')).toBeTruthy();
    expect(screen.getByText('可以进入')).toBeTruthy();
    expect(scanIns()[0][0].data).toEqual({ placeToken: PLACE_TOKEN });

    expect(screen.getByText('2026-03-10 09:00:00')).toBeTruthy();
    await act(async () => void jest.advanceTimersByTime(1_000));
    expect(screen.getByText('2026-03-10 09:00:01')).toBeTruthy();
    await act(async () => void jest.advanceTimersByTime(2_000));
    expect(screen.getByText('2026-03-10 09:00:03')).toBeTruthy();
    expect(screen.queryByText('2026-03-10 09:00:01')).toBeNull();

    // The clock's timer goes with the card.
    expect(jest.getTimerCount()).toBeGreaterThan(0);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shows red as 不可进入 with the reasons in words, and no 可以进入', async () => {
    const reasons = ['确诊病例（2026-03-08 起）', '最近一次申报有症状：fever'];
    serveApi({ 'POST /api/visits': reply(201, visitReply({ color: 'red', allowed: false, reasons, nameMasked: '李*' })) });
    const { container } = render(<PlaceScanPage />);

    pasteAndSend(PLACE_TOKEN);

    expect(await screen.findByText('不可进入')).toBeTruthy();
    expect(gate(container)?.className).toContain('gate--red');
    expect(screen.getByText('红码')).toBeTruthy();
    expect(screen.getByText('李*')).toBeTruthy();
    expect(screen.getByText('确诊病例（2026-03-08 起）')).toBeTruthy();
    expect(screen.getByText('最近一次申报有症状：发热')).toBeTruthy();
    expect(screen.queryByText('可以进入')).toBeNull();
  });

  it('says a forged or revoked code is not valid, and shows no card', async () => {
    serveApi({ 'POST /api/visits': reply(400, invalidPlaceCode) });
    const { container } = render(<PlaceScanPage />);

    pasteAndSend(PLACE_TOKEN);

    expect(await screen.findByText('此场所码无效或已停用')).toBeTruthy();
    expect(gate(container)).toBeNull();
  });

  it('refuses a text that is not a signed code without asking the BFF', () => {
    const { container } = render(<PlaceScanPage />);

    pasteAndSend('https://example.com/not-a-place');

    expect(screen.getByText('此场所码无效或已停用')).toBeTruthy();
    expect(scanIns()).toHaveLength(0);
    expect(gate(container)).toBeNull();
  });

  it('on weapp, opens the camera as the page opens and shows a yellow visitor 不可进入', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.scanCode.mockResolvedValue({ result: PLACE_TOKEN, scanType: 'QR_CODE' });
    serveApi({ 'POST /api/visits': reply(201, visitReply({ color: 'yellow', allowed: false, reasons: ['发热 37.8 ℃'] })) });
    const { container } = render(<PlaceScanPage />);

    expect(await screen.findByText('不可进入')).toBeTruthy();
    expect(gate(container)?.className).toContain('gate--yellow');
    expect(screen.getByText('发热 37.8 ℃')).toBeTruthy();
    expect(taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(scanIns()[0][0].data).toEqual({ placeToken: PLACE_TOKEN });

    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(taro.navigateBack).toHaveBeenCalled();
  });

  it('on weapp, a closed camera sends nothing and leaves a button to scan again', async () => {
    process.env.TARO_ENV = 'weapp';
    const { container } = render(<PlaceScanPage />);
    await act(async () => undefined);

    expect(screen.queryByPlaceholderText('粘贴场所码码值')).toBeNull();
    expect(container.querySelector('.message--error')).toBeNull();
    taro.scanCode.mockResolvedValue({ result: PLACE_TOKEN });
    serveApi({ 'POST /api/visits': reply(201, visitReply()) });
    fireEvent.click(screen.getByRole('button', { name: '扫码' }));

    expect(await screen.findByText('可以进入')).toBeTruthy();
    expect(taro.scanCode).toHaveBeenCalledTimes(2);
  });
});
