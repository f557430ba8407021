import { journeyStage } from './browser';
import { signIn, type PhoneUser } from './phone-user';

const visible = (user: PhoneUser, selector: string) => user.page.locator(selector).locator('visible=true');

/**
 * 口罩预约 on the H5 build served by the real BFF: a registered resident
 * reserves in the seeded open round and gets a pickup code at the nearest
 * pharmacy; that pharmacy's staff types the code and hands the masks over,
 * once.
 */
describe('mask reservation on H5', () => {
  const stage = journeyStage();

  it('a resident reserves and gets a pickup code; the pharmacy redeems it once, and a second time is refused', async () => {
    const resident = await signIn(stage.browser, stage.app.baseUrl, '张伟');
    await resident.tapText('口罩预约');
    await resident.see('本轮预约开放中');
    await resident.see('雷允上药房（潍坊店）');
    await resident.tapText('预约');

    // Redirected to the reservation: big digits, a QR, the nearest pharmacy and the time left.
    const codeBox = visible(resident, '.pickup__code').first();
    await codeBox.waitFor({ timeout: 15_000 });
    const code = ((await codeBox.textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^\d{8}$/);
    await resident.see('雷允上药房（潍坊店）');
    await resident.see('取货剩余');
    expect(await visible(resident, '.qr__dark').count()).toBeGreaterThan(20);

    const pharmacy = await signIn(stage.browser, stage.app.baseUrl, '雷允上药房店员');
    await pharmacy.tapText('核销取货码');
    await pharmacy.fill('输入 8 位取货码', code);
    await pharmacy.tapText('核销');
    await visible(pharmacy, '.redeem-result--ok').first().waitFor({ timeout: 15_000 });
    await pharmacy.see('请发放口罩 5 只');

    await pharmacy.fill('输入 8 位取货码', code);
    await pharmacy.tapText('核销');
    await visible(pharmacy, '.redeem-result--fail').first().waitFor({ timeout: 15_000 });
    await pharmacy.see('该取货码已核销，请勿重复发放');

    expect(resident.errors).toEqual([]);
    expect(pharmacy.errors).toEqual([]);
  });
});
