import { idNumberCheckChar, shanghaiDate, type MyPlace, type OrgResponse } from '@sqtb/shared';
import type { TestApp } from '../../../bff/test/test-app';
import { journeyStage } from './browser';
import { signIn, type PhoneUser } from './phone-user';

const ENTERPRISE_NAME = '上海潍坊小笼餐饮有限公司'; // E1, seeded in mock/src/seed/district.ts
const RESIDENT_2_ID_NUMBER = '310115199203180026'; // 李娜's, seeded with her household
const RESIDENT_2_ID_MASKED = '3101**********0026';
const GATE_SCREENSHOT = '/tmp/places-gate.png';

const visible = (user: PhoneUser, selector: string) => user.page.locator(selector).locator('visible=true');
const textOf = async (user: PhoneUser, selector: string) => ((await visible(user, selector).first().textContent()) ?? '').trim();

/**
 * Setup only (the filing and its approval are the filings journey's subject):
 * enterprise-1 files through the API and cadre-1 approves, which makes its place.
 */
async function approveEnterprise1(app: TestApp): Promise<void> {
  const enterpriseToken = await app.login('enterprise-1');
  const org = (await app.request('GET', '/api/org', { token: enterpriseToken })).body as OrgResponse;
  const committeeId = org.enterprises.find((e) => e.code === 'E1')?.committeeId;
  if (!committeeId) throw new Error('E1 has no committee in /api/org');
  const filed = await app.request('POST', '/api/enterprise-filings', {
    token: enterpriseToken,
    body: {
      enterpriseName: ENTERPRISE_NAME, creditCode: '91310115MA1K3R5W2E', address: '潍坊路 402 号', committeeId, contactName: '周经理', contactPhone: '13800000009',
      reopenDate: shanghaiDate(new Date()), plan: { text: '每日两次测温登记，错峰就餐，公共区域每日消毒三次并通风，发现发热立即隔离。' }, suppliesDays: 30, isolationRoom: true, commitment: true,
      roster: [{ name: '王小明', phone: '13900000011', idNumber: `31011519900101123${idNumberCheckChar('31011519900101123')}` }],
    },
  });
  if (filed.status !== 201) throw new Error(`filing refused: ${filed.status} ${filed.text}`);
  const approved = await app.request('POST', `/api/enterprise-filings/${filed.body.id}/approve`, { token: await app.login('cadre-1'), body: {} });
  if (approved.status !== 200) throw new Error(`approval refused: ${approved.status} ${approved.text}`);
}

/** A place code's claims that name the place (its signing time left out). */
function codeClaims(token: string): Record<string, unknown> {
  const { iat: _signedAt, ...claims } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  return claims;
}

/** Scan in on H5: no camera, so the code's text is pasted; the gate card replaces the form. */
async function scanIn(user: PhoneUser, token: string): Promise<void> {
  await user.tapText('扫场所码');
  await user.fill('粘贴场所码码值', token);
  await user.tapText('登记');
  await visible(user, '.gate').first().waitFor({ timeout: 15_000 });
}

/**
 * 场所码 on the H5 build served by the real BFF (issue 19): the enterprise
 * shows its poster once its filing is approved, two residents scan in within
 * the hour, district staff confirm one as a case and confirm the other as a
 * close contact from the visits, and that resident's code turns red.
 */
describe('place codes on H5', () => {
  const stage = journeyStage();
  const people: PhoneUser[] = [];

  it('a resident scans in green, a case at the same place makes them a candidate, and once confirmed their code is red', async () => {
    // 1. No approved filing yet: no place, and the poster page says how to get one.
    const enterprise = await signIn(stage.browser, stage.app.baseUrl, '周经理（潍坊小笼）');
    people.push(enterprise);
    await enterprise.tapText('我的场所码');
    await enterprise.see('复工备案获批后可领取场所码');

    // Once approved, the poster: the name, a QR, the instruction, 打印 (H5) and the code's text.
    await approveEnterprise1(stage.app);
    await enterprise.page.reload();
    await visible(enterprise, '.poster').first().waitFor({ timeout: 15_000 });
    expect(await textOf(enterprise, '.poster__name')).toBe(ENTERPRISE_NAME);
    await visible(enterprise, '.poster .qr__dark').first().waitFor({ timeout: 15_000 });
    expect(await visible(enterprise, '.poster .qr__dark').count()).toBeGreaterThan(100);
    expect(await textOf(enterprise, '.poster__instruction')).toBe('进入前请用社区通办扫码登记');
    await enterprise.see('打印');
    await enterprise.tapText('显示码值');
    const placeToken = await textOf(enterprise, '.token__text');
    expect(placeToken.split('.')).toHaveLength(3);
    // What the poster shows is the place's code (reading a value, not a step).
    const mine = (await stage.app.request('GET', '/api/places/mine', { token: await stage.app.login('enterprise-1') })).body as MyPlace;
    expect(mine).toMatchObject({ name: ENTERPRISE_NAME, kind: 'enterprise' });
    // The code is signed afresh on each request (its iat differs): the same place and version is what counts.
    expect(codeClaims(placeToken)).toEqual(codeClaims(mine.token));
    expect(codeClaims(placeToken).pid).toBe(mine.id);

    // 2. resident-1 pastes it in 扫场所码: the green gate card, 可以进入, and a live clock.
    const resident1 = await signIn(stage.browser, stage.app.baseUrl, '张伟');
    people.push(resident1);
    await scanIn(resident1, placeToken);
    expect(await visible(resident1, '.gate--green').count()).toBe(1);
    expect(await textOf(resident1, '.gate__place')).toBe(ENTERPRISE_NAME);
    expect(await textOf(resident1, '.gate__name')).toBe('张*');
    expect(await textOf(resident1, '.gate__color')).toBe('绿码');
    expect(await textOf(resident1, '.gate__verdict')).toBe('可以进入');
    expect(await visible(resident1, '.gate__reason').count()).toBe(0);
    // The card paints in the palette's green (app.css), like the health code's.
    expect(await visible(resident1, '.gate--green').first().evaluate((card) => getComputedStyle(card).backgroundColor)).toBe('rgb(46, 161, 33)');
    const firstTick = await textOf(resident1, '.gate__clock');
    expect(firstTick).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await resident1.page.waitForTimeout(2_100);
    const secondTick = await textOf(resident1, '.gate__clock');
    expect(secondTick).not.toBe(firstTick);
    const scannedAt = (await textOf(resident1, '.gate__meta')).replace(/^登记于 /, '');
    expect(scannedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await resident1.page.screenshot({ path: GATE_SCREENSHOT });

    // 3. resident-2 scans in at the same place, within the hour.
    const resident2 = await signIn(stage.browser, stage.app.baseUrl, '李娜');
    people.push(resident2);
    await scanIn(resident2, placeToken);
    expect(await textOf(resident2, '.gate__place')).toBe(ENTERPRISE_NAME);
    expect(await textOf(resident2, '.gate__name')).toBe('李*');

    // 4. district-1 sets resident-2 confirmed (确诊病例) from today, by ID number.
    const district = await signIn(stage.browser, stage.app.baseUrl, '孙科长（区城运中心）');
    people.push(district);
    await district.tapText('健康管理');
    await district.fill('居民身份证号（18 位）', RESIDENT_2_ID_NUMBER);
    await district.tapText('确诊病例');
    await district.tapText('设置状态');
    const caseCard = visible(district, `.card:has-text("${RESIDENT_2_ID_MASKED}")`).first();
    await caseCard.waitFor({ timeout: 15_000 });
    await caseCard.getByText('确诊病例', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await caseCard.textContent()).toContain(`${shanghaiDate(new Date())} 起`);

    // Its candidates: resident-1, masked, at the place, at the time of their visit.
    await caseCard.getByText('查看密接候选', { exact: true }).tap();
    const candidate = caseCard.locator('.candidate').locator('visible=true');
    await candidate.first().waitFor({ timeout: 15_000 });
    expect(await candidate.count()).toBe(1);
    expect(await candidate.first().locator('.card__title').textContent()).toBe('张*');
    expect(await candidate.first().locator('.card__meta').textContent()).toBe(`${ENTERPRISE_NAME} · ${scannedAt.slice(0, 16)}`);

    // Ticked and confirmed: told so, and nobody is left pending.
    await candidate.first().tap();
    await caseCard.getByText('已选 1 人', { exact: true }).waitFor({ timeout: 15_000 });
    await caseCard.getByText('确认为密接', { exact: true }).tap();
    await district.tapText('确定');
    await caseCard.getByText('已确认 1 人为密接', { exact: true }).waitFor({ timeout: 15_000 });
    await caseCard.getByText('暂无待处理的密接候选', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await caseCard.locator('.candidate').count()).toBe(0);

    // 5. resident-1's code is red, a close contact.
    await resident1.tapText('完成');
    await resident1.tapText('随申码');
    await resident1.see('红码');
    await resident1.see('密切接触者');
    expect(await visible(resident1, '.code-card--red').count()).toBe(1);
    const code = await stage.app.request('GET', '/api/health-code', { token: await stage.app.login('resident-1') });
    expect(code.status).toBe(200);
    expect(code.body.color).toBe('red');

    for (const person of people) expect(person.errors).toEqual([]);
  });
});
