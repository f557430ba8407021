import { journeyStage } from './browser';
import { signIn, type PhoneUser } from './phone-user';

const RESIDENT_1_ID_NUMBER = '310115198805120018'; // seeded, see mock/src/seed/district.ts

const visible = (user: PhoneUser, selector: string) => user.page.locator(selector).locator('visible=true');
const textOf = async (user: PhoneUser, selector: string) => ((await visible(user, selector).first().textContent()) ?? '').trim();

/**
 * 随申码 at a gate, on the H5 build served by the real BFF: the resident shows
 * a green code, the pharmacy checks it (pasting the code text: H5 has no
 * camera), then the district marks the resident a close contact and the code
 * turns red.
 */
describe('the health code on H5', () => {
  const stage = journeyStage();
  const people: PhoneUser[] = [];

  it('a resident shows a green code, the pharmacy verifies it, and a close-contact record turns it red', async () => {
    // The resident opens 随申码: green, masked name, a live clock and a QR.
    const resident = await signIn(stage.browser, stage.app.baseUrl, '张伟');
    people.push(resident);
    await resident.tapText('随申码');
    await resident.see('绿码');
    await resident.see('张*');
    expect(await visible(resident, '.code-card--green').count()).toBe(1);
    // The colour comes from the palette's CSS variable (app.css): it must still paint the card.
    expect(await visible(resident, '.code-card--green').first().evaluate((card) => getComputedStyle(card).backgroundColor)).toBe('rgb(46, 161, 33)');
    expect(await visible(resident, '.qr__dark').count()).toBeGreaterThan(100);
    const firstTick = await textOf(resident, '.code-card__clock');
    await resident.page.waitForFunction(
      (before) => document.querySelector('.code-card__clock')?.textContent?.trim() !== before,
      firstTick,
      { timeout: 5_000 },
    );

    // No camera on H5: the resident shows the code text for manual entry.
    await resident.tapText('显示码值');
    const token = await textOf(resident, '.token__text');
    expect(token.split('.')).toHaveLength(3);

    // The pharmacy pastes it and sees the verdict full-screen.
    const pharmacy = await signIn(stage.browser, stage.app.baseUrl, '雷允上药房店员');
    people.push(pharmacy);
    await pharmacy.tapText('扫码验证');
    await pharmacy.fill('验证地点（选填），例如：药房门口', '雷允上药房门口');
    await pharmacy.fill('粘贴或输入随申码码值', token);
    await pharmacy.tapText('验证');
    await visible(pharmacy, '.verdict--green').first().waitFor({ timeout: 15_000 });
    expect(await textOf(pharmacy, '.verdict__label')).toBe('绿码');
    expect(await textOf(pharmacy, '.verdict__name')).toBe('张*');

    // A tampered code is refused, in words.
    await pharmacy.tapText('继续验证');
    const [header, payload, signature] = token.split('.');
    await pharmacy.fill('粘贴或输入随申码码值', `${header}.${payload}.${signature.slice(0, -4)}AAAA`);
    await pharmacy.tapText('验证');
    await visible(pharmacy, '.verdict--invalid').first().waitFor({ timeout: 15_000 });
    expect(await textOf(pharmacy, '.verdict__reason')).toBe('签名无效');

    // The district records the resident as a close contact by ID number.
    const district = await signIn(stage.browser, stage.app.baseUrl, '孙科长（区城运中心）');
    people.push(district);
    await district.tapText('健康管理');
    await district.fill('居民身份证号（18 位）', RESIDENT_1_ID_NUMBER);
    await district.tapText('密切接触者');
    await district.tapText('设置状态');
    await district.see('3101**********0018');

    // The resident's code is red on the next load.
    await resident.page.reload();
    await resident.see('红码');
    await resident.see('密切接触者');
    expect(await visible(resident, '.code-card--red').count()).toBe(1);
    expect(await visible(resident, '.code-card--red').first().evaluate((card) => getComputedStyle(card).backgroundColor)).toBe('rgb(224, 32, 32)');

    for (const person of people) expect(person.errors).toEqual([]);
  });
});
