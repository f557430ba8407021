import { launchApp, renderPage, unloadPages, waitFor, waitForText } from './support/taro-weapp';
import { installWxStubs, resetWxStubs, stubs } from './support/wx-stubs';

// See login-page.test.ts.
jest.setTimeout(30_000);

type Resolve = (option: { event: string; buttonId?: string }) => void;
let askedByWechat: (resolve: Resolve) => void;

beforeAll(() => {
  installWxStubs();
  launchApp();
  // app.ts registers the app's answer to WeChat's privacy question once, at launch.
  askedByWechat = stubs.onNeedPrivacyAuthorization.mock.calls[0][0];
});
beforeEach(resetWxStubs);
afterEach(unloadPages);

describe('compiled weapp privacy page (main package)', () => {
  it("answers WeChat's onNeedPrivacyAuthorization: opens our page, which says what is collected and who sees it, and agrees with its agree button's id", async () => {
    expect(askedByWechat).toEqual(expect.any(Function));
    const resolve = jest.fn<void, Parameters<Resolve>>();

    askedByWechat(resolve);
    await waitFor(() => stubs.navigateTo.mock.calls.length > 0, () => 'wx.navigateTo');
    expect(stubs.navigateTo.mock.calls[0][0]).toMatchObject({ url: expect.stringMatching(/^\/accounts\/pages\/privacy\/index/) });

    const page = renderPage('accounts/pages/privacy/index');
    const text = await waitForText(page, '同意并继续');
    expect(text).toContain('您填写的信息，谁能看到');
    expect(text).toContain('只有审核您家庭登记的居委干部能看到完整号码');
    await waitFor(() => resolve.mock.calls.length > 0, () => 'the exposure answer');
    expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });

    const agree = page.querySelectorAll('.button').find((n) => n.dom?.textContent?.trim() === '同意并继续')!;
    // WeChat fires this on the open-type="agreePrivacyAuthorization" button once the user has agreed.
    agree.dispatchEvent('agreeprivacyauthorization');

    await waitFor(() => resolve.mock.calls.some(([o]) => o.event === 'agree'), () => 'the agreement');
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' });
  });
});
