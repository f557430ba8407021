import { saveSession } from '../../../core/session';
import { loginReply } from '../../../test-support/fixtures';
import { pharmacist, TOKEN } from '../../../test-support/health-fixtures';
import { fireEvent, render, screen } from '../../../test-support/rtl';
import { reply, resetTaro, serveApi, taro } from '../../../test-support/taro-mock';
import ScanPage from './index';

jest.mock('@tarojs/taro', () => require('../../../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../../../test-support/components-mock'));

const verifications = () => taro.request.mock.calls.filter(([o]) => o.url === '/api/health-code/verify');
const verdict = (container: HTMLElement) => container.querySelector('.verdict') as HTMLElement | null;

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  saveSession(loginReply(pharmacist));
  platform = process.env.TARO_ENV;
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

function pasteAndVerify(token: string) {
  fireEvent.input(screen.getByPlaceholderText('粘贴或输入随申码码值'), { target: { value: `  ${token}\n` } });
  fireEvent.click(screen.getByRole('button', { name: '验证' }));
}

describe('the staff scanner page', () => {
  it('on H5, verifies a pasted code with the place and shows the green verdict full-screen with the masked name', async () => {
    process.env.TARO_ENV = 'h5';
    serveApi({ 'POST /api/health-code/verify': reply(200, { valid: true, color: 'green', maskedName: '张*', expiresAt: '2026-03-10T01:05:00.000Z' }) });
    const { container } = render(<ScanPage />);

    fireEvent.input(screen.getByPlaceholderText('验证地点（选填），例如：药房门口'), { target: { value: '雷允上药房门口' } });
    pasteAndVerify(TOKEN);

    expect(await screen.findByText('绿码')).toBeTruthy();
    expect(verdict(container)?.className).toContain('verdict--green');
    expect(screen.getByText('张*')).toBeTruthy();
    expect(screen.getByText('码值有效至 2026-03-10 09:05:00')).toBeTruthy();
    expect(verifications()[0][0]).toMatchObject({ method: 'POST', data: { token: TOKEN, place: '雷允上药房门口' } });
  });

  it.each([
    ['expired', '已过期'],
    ['bad-signature', '签名无效'],
    ['unknown-key', '未知密钥'],
    ['malformed', '格式错误'],
  ])('shows a %s code as a grey 无效 verdict saying %s', async (reason, words) => {
    process.env.TARO_ENV = 'h5';
    serveApi({ 'POST /api/health-code/verify': reply(200, { valid: false, reason }) });
    const { container } = render(<ScanPage />);

    pasteAndVerify(TOKEN);

    expect(await screen.findByText('无效')).toBeTruthy();
    expect(verdict(container)?.className).toContain('verdict--invalid');
    expect(screen.getByText(words)).toBeTruthy();
    expect(screen.queryByText('绿码')).toBeNull();
  });

  it('继续验证 clears the verdict and the pasted code for the next person', async () => {
    process.env.TARO_ENV = 'h5';
    serveApi({ 'POST /api/health-code/verify': reply(200, { valid: true, color: 'red', maskedName: '李*', expiresAt: '2026-03-10T01:05:00.000Z' }) });
    const { container } = render(<ScanPage />);
    pasteAndVerify(TOKEN);
    expect(await screen.findByText('红码')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '继续验证' }));

    expect(verdict(container)).toBeNull();
    expect((screen.getByPlaceholderText('粘贴或输入随申码码值') as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for a code instead of verifying nothing', () => {
    process.env.TARO_ENV = 'h5';
    render(<ScanPage />);

    fireEvent.click(screen.getByRole('button', { name: '验证' }));

    expect(screen.getByText('请粘贴或输入码值')).toBeTruthy();
    expect(verifications()).toHaveLength(0);
  });

  it('on weapp, the camera reads the QR and its text is verified', async () => {
    process.env.TARO_ENV = 'weapp';
    taro.scanCode.mockResolvedValue({ result: TOKEN, scanType: 'QR_CODE' });
    serveApi({ 'POST /api/health-code/verify': reply(200, { valid: true, color: 'yellow', maskedName: '王*', expiresAt: '2026-03-10T01:05:00.000Z' }) });
    const { container } = render(<ScanPage />);

    expect(screen.queryByPlaceholderText('粘贴或输入随申码码值')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '扫码' }));

    expect(await screen.findByText('黄码')).toBeTruthy();
    expect(verdict(container)?.className).toContain('verdict--yellow');
    expect(taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(verifications()[0][0].data).toEqual({ token: TOKEN, place: undefined });
  });

  it('on weapp, a cancelled scan verifies nothing and says nothing', async () => {
    process.env.TARO_ENV = 'weapp';
    const { container } = render(<ScanPage />);

    fireEvent.click(screen.getByRole('button', { name: '扫码' }));
    await Promise.resolve();

    expect(verifications()).toHaveLength(0);
    expect(container.querySelector('.message--error')).toBeNull();
  });
});
