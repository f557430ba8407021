import PrivacyPage from '../accounts/pages/privacy/index';
import ReportComplaintPage from '../complaints/pages/report/index';
import { choosePhotos } from './choose-photos';
import { PrivacyGate } from './components/privacy-gate';
import { listenForPrivacyRequests, PRIVACY_AGREE_BUTTON_ID, resetPrivacyForTests } from './privacy';
import { saveSession } from './session';
import { loginReply } from '../test-support/fixtures';
import { act, fireEvent, render, screen, waitFor } from '../test-support/rtl';
import { resetTaro, serveApi, setPrivacyNeeded, taro } from '../test-support/taro-mock';

jest.mock('@tarojs/taro', () => require('../test-support/taro-mock').taroModule);
jest.mock('@tarojs/components', () => require('../test-support/components-mock'));

const PRIVACY_URL = '/accounts/pages/privacy/index';
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

let platform: string | undefined;
beforeEach(() => {
  resetTaro();
  resetPrivacyForTests();
  saveSession(loginReply());
  platform = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  process.env.TARO_ENV = platform as typeof process.env.TARO_ENV;
});

describe('the privacy gate (WeChat privacy agreement)', () => {
  it('opens our privacy page before choosing photos, and opens the picker only once the user agrees', async () => {
    setPrivacyNeeded(true);
    taro.chooseMedia.mockResolvedValue({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://a.jpg', size: 1000 }] });

    const chosen = choosePhotos(3);
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: PRIVACY_URL }));
    expect(taro.chooseMedia).not.toHaveBeenCalled();

    render(<PrivacyPage />);
    expect(screen.getByText('位置')).toBeTruthy();
    expect(screen.getByText(/只有审核您家庭登记的居委干部能看到完整号码/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));

    await expect(chosen).resolves.toEqual([{ path: 'wxfile://a.jpg', size: 1000 }]);
    expect(taro.chooseMedia.mock.calls[0][0]).toMatchObject({ count: 3, mediaType: ['image'], sizeType: ['compressed'] });
    expect(taro.navigateBack).toHaveBeenCalled();
  });

  it('does nothing that needs the agreement when the user declines, or leaves the page without answering', async () => {
    setPrivacyNeeded(true);
    const declined = choosePhotos(3);
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: PRIVACY_URL }));
    const page = render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '不同意' }));
    await expect(declined).resolves.toEqual([]);
    page.unmount();

    const left = choosePhotos(3);
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledTimes(2));
    render(<PrivacyPage />).unmount(); // the back button
    await expect(left).resolves.toEqual([]);
    expect(taro.chooseMedia).not.toHaveBeenCalled();
  });

  it('keeps the map picker closed until the agreement is given', async () => {
    setPrivacyNeeded(true);
    taro.chooseLocation.mockResolvedValue({ latitude: 31.2236, longitude: 121.5301, name: '潍坊四村', address: '潍坊路 120 号' });
    serveApi({});
    render(<ReportComplaintPage />);

    fireEvent.click(screen.getByRole('button', { name: '在地图上选择位置' }));
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: PRIVACY_URL }));
    await settle();
    expect(taro.chooseLocation).not.toHaveBeenCalled();

    render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    expect(await screen.findByText('已选位置：31.22360, 121.53010')).toBeTruthy();
  });

  it('asks nothing once WeChat has the agreement', async () => {
    taro.chooseMedia.mockResolvedValue({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://b.jpg', size: 2000 }] });
    await expect(choosePhotos(1)).resolves.toEqual([{ path: 'wxfile://b.jpg', size: 2000 }]);
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });

  it("answers WeChat's own question (onNeedPrivacyAuthorization) on our page, with the agree button's id", async () => {
    listenForPrivacyRequests();
    const listener = taro.onNeedPrivacyAuthorization.mock.calls[0][0];
    const resolve = jest.fn();

    act(() => listener(resolve));
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: PRIVACY_URL }));
    render(<PrivacyPage />);
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
    expect(screen.getByRole('button', { name: '同意并继续' }).getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');
    expect(screen.getByRole('button', { name: '同意并继续' }).id).toBe(PRIVACY_AGREE_BUTTON_ID);

    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
  });

  it('shows a gated control (the phone button) only after the agreement; before that its words ask for it', async () => {
    setPrivacyNeeded(true);
    render(
      <PrivacyGate label="使用微信手机号">
        <span>微信手机号按钮</span>
      </PrivacyGate>,
    );
    const ask = await screen.findByRole('button', { name: '使用微信手机号' });
    await waitFor(() => expect((ask as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText('微信手机号按钮')).toBeNull();

    fireEvent.click(ask);
    await waitFor(() => expect(taro.navigateTo).toHaveBeenCalledWith({ url: PRIVACY_URL }));
    render(<PrivacyPage />);
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));

    expect(await screen.findByText('微信手机号按钮')).toBeTruthy();
  });

  it('opens the official contract from the privacy page; read from the account page, it asks nothing', () => {
    render(<PrivacyPage />);
    fireEvent.click(screen.getByText('查看《社区通办用户隐私保护指引》'));
    expect(taro.openPrivacyContract).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: '同意并继续' })).toBeNull();
  });

  it('on H5 asks nothing: the browser asks for each permission itself', async () => {
    process.env.TARO_ENV = 'h5';
    setPrivacyNeeded(true);
    taro.chooseMedia.mockResolvedValue({ type: 'image', tempFiles: [{ tempFilePath: 'blob:c', size: 10 }] });
    await expect(choosePhotos(1)).resolves.toEqual([{ path: 'blob:c', size: 10 }]);
    expect(taro.getPrivacySetting).not.toHaveBeenCalled();
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });
});
