import type { Locator } from 'playwright-core';
import type { ShopDetail } from '@sqtb/shared';
import { journeyStage } from './browser';
import { signIn, type PhoneUser } from './phone-user';

/** S01 in mock/src/seed/shops.ts: a grocery (low by its type) in committee A that nobody has inspected. */
const SHOP = '潍坊便民食杂店';
const COMMITTEE = '潍坊一村居委会';
const SCREENSHOT = '/tmp/shops-journey-map.png';

/** The three violations handler-1 records, and the grade move each answers. */
const VIOLATIONS = [
  { type: '跨门营业', note: '货架摆到门外人行道上，已要求当场收回', answer: '等级：低风险 → 中风险', listed: '中风险' },
  { type: '占道经营', note: '门口堆放纸箱和货物，占用人行道约两米', answer: '等级：中风险（未变）', listed: '中风险' },
  { type: '乱设广告', note: '门前人行道立了两块落地广告牌，已责令撤除', answer: '等级：中风险 → 高风险', listed: '高风险' },
];

const visible = (user: PhoneUser, selector: string) => user.page.locator(selector).locator('visible=true');
/** A row of the shop list (on the map page under the schematic, or the patrol list). */
const shopRow = (user: PhoneUser) => visible(user, `.shop-row:has(.shop-row__name:text-is("${SHOP}"))`).first();
const texts = async (locator: Locator) => (await locator.allTextContents()).map((t) => t.trim());
const backgroundOf = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);

/**
 * The map page as district staff read it: the grade chips' counts, S01's row
 * in the list behind the schematic, and S01's dot (the schematic draws the
 * shown shops in the list's order, so the dot is the one at the row's index).
 */
async function readMap(user: PhoneUser) {
  await user.see('示意图：按坐标绘制，非地图');
  await visible(user, '.shop-row').first().waitFor({ timeout: 15_000 });
  const chips = await texts(visible(user, '.chips').first().locator('.chip'));
  const count = (word: string) => Number(chips.find((c) => c.startsWith(`${word} `))?.slice(word.length + 1));
  const names = await texts(visible(user, '.map-lists .shop-row__name'));
  const index = names.indexOf(SHOP);
  const row = shopRow(user);
  const dots = visible(user, '.schematic .schematic__dot');
  return {
    counts: { all: count('全部'), low: count('低风险'), medium: count('中风险'), high: count('高风险') },
    index,
    rowCount: names.length,
    dotCount: await dots.count(),
    row,
    rowGrade: (await row.locator('.grade-tag').textContent())?.trim(),
    rowMeta: (await row.locator('.card__meta').first().textContent())?.trim(),
    dot: dots.nth(index),
  };
}

/** The legend's swatch for a grade: the colour a person matches a dot against. */
const legendSwatch = (user: PhoneUser, word: string) => visible(user, `.map-legend__item:has-text("${word}") .map-mark--shop`).first();

/**
 * 街面秩序 on the H5 build served by the real BFF (issue 16's done-when): the
 * city-management handler records three violations on a low-grade grocery
 * from 街面巡查, each answer saying the grade it moved to, and district staff
 * see the shop turn high on 挂图作战 — its dot's colour, its row, the high
 * chip's filter — and on its card, with the reasons and the grade history.
 */
describe('street order on H5', () => {
  const stage = journeyStage();

  it('handler-1 records three violations on a low-grade shop, and district-1 sees it turn high on the map and in its list', async () => {
    // 1. district-1 opens 挂图作战 from home: S01 is low, in the list and as a green dot.
    const district = await signIn(stage.browser, stage.app.baseUrl, '孙科长（区城运中心）');
    await district.tapText('挂图作战');
    const before = await readMap(district);
    expect(before.index).toBeGreaterThanOrEqual(0);
    expect(before.dotCount).toBe(before.rowCount); // every shop in the list is drawn, one dot each
    expect(before.rowGrade).toBe('低风险');
    expect(before.rowMeta).toContain(COMMITTEE);
    expect(before.counts.all).toBe(before.counts.low + before.counts.medium + before.counts.high);
    await expect(before.dot.getAttribute('class')).resolves.toContain('grade-fill--low');
    const lowColour = await backgroundOf(legendSwatch(district, '低风险'));
    const highColour = await backgroundOf(legendSwatch(district, '高风险'));
    expect(lowColour).not.toBe(highColour);
    expect(await backgroundOf(before.dot)).toBe(lowColour);

    // The dot is S01's: tapping it opens S01's card, low, never inspected.
    await before.dot.tap();
    await district.see('评级依据');
    await expect(visible(district, '.shop-summary .page__title').first().textContent()).resolves.toBe(SHOP);
    await expect(visible(district, '.shop-summary__grade').first().textContent()).resolves.toBe('低风险');
    await district.see('暂无巡查记录');
    const id = new URL(district.page.url().replace('#', '')).searchParams.get('id');
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    const districtToken = await stage.app.login('district-1');
    const seeded = (await stage.app.request('GET', `/api/shops/${id}`, { token: districtToken })).body as ShopDetail;
    expect(seeded).toMatchObject({ name: SHOP, grade: 'low', inspections: [] });

    // 2. handler-1 opens 街面巡查 from home and records three violations on S01, one after another.
    const handler = await signIn(stage.browser, stage.app.baseUrl, '赵队员（城管中队）');
    await handler.tapText('街面巡查');
    await handler.see('今日巡查');
    await expect(shopRow(handler).locator('.grade-tag').textContent()).resolves.toBe('低风险');
    await expect(shopRow(handler).textContent()).resolves.toContain('从未巡查');
    for (const [n, violation] of VIOLATIONS.entries()) {
      await handler.tapText(SHOP);
      await handler.see(`巡查：${SHOP}`);
      await handler.tapText('有违规');
      await handler.see('违规类型');
      await handler.tapText(violation.type);
      await handler.fill('现场情况、整改要求等', violation.note);
      await handler.tapText('提交巡查记录');
      await handler.see('巡查记录已保存');
      await expect(visible(handler, '.inspection-answer__grade').first().textContent()).resolves.toBe(violation.answer);
      const reasons = (await texts(visible(handler, '.inspection-answer .card__text'))).join('\n');
      expect(reasons).toContain(n < 2 ? `违规${n + 1}次，升一级` : '违规3次及以上，列为高风险');
      await handler.tapText('完成');
      await handler.see('今日巡查');
      // The list reloads with the new grade, and says the shop was seen today.
      await shopRow(handler).locator(`.grade-tag:text-is("${violation.listed}")`).waitFor({ timeout: 15_000 });
      await expect(shopRow(handler).textContent()).resolves.toContain('今日已巡查');
    }
    // High grade first: S01 has moved up among the high shops at the head of the handler's list.
    const handlerGrades = await texts(visible(handler, '.shop-row .grade-tag'));
    const highOnes = handlerGrades.findIndex((g) => g !== '高风险');
    expect(highOnes).toBeGreaterThan(0);
    expect(handlerGrades.slice(highOnes)).not.toContain('高风险');
    const handlerNames = await texts(visible(handler, '.shop-row .shop-row__name'));
    expect(handlerNames.indexOf(SHOP)).toBeGreaterThanOrEqual(0);
    expect(handlerNames.indexOf(SHOP)).toBeLessThan(highOnes);

    // 3. district-1 goes home and opens 挂图作战 again: S01 is high, a red dot, under the high chip, and on its card.
    await district.page.goBack();
    await district.page.goBack();
    await district.see('你好，孙科长（区城运中心）');
    await district.tapText('挂图作战');
    await district.see(`高风险 ${before.counts.high + 1}`);
    const after = await readMap(district);
    expect(after.counts).toEqual({ ...before.counts, low: before.counts.low - 1, high: before.counts.high + 1 });
    expect(after.rowGrade).toBe('高风险');
    expect(after.rowMeta).toContain(COMMITTEE);
    await expect(after.dot.getAttribute('class')).resolves.toContain('grade-fill--high');
    expect(await backgroundOf(after.dot)).toBe(highColour);
    // The page slides in from the right: wait until the schematic stands still within the screen.
    await district.page.waitForFunction(
      () => {
        const box = Array.from(document.querySelectorAll('.schematic')).find((b) => b.getBoundingClientRect().width > 0);
        if (!box) return false;
        const { left, right } = box.getBoundingClientRect();
        const w = window as unknown as { lastSchematicLeft?: number };
        const still = w.lastSchematicLeft === left;
        w.lastSchematicLeft = left;
        return still && left >= 0 && right <= window.innerWidth;
      },
      undefined,
      { polling: 200 },
    );
    await district.page.screenshot({ path: SCREENSHOT }); // the whole district, S01 among the red dots

    // The high chip leaves only high shops, S01 among them, in the list and on the schematic.
    await visible(district, `.chip:text-is("高风险 ${after.counts.high}")`).first().tap();
    await district.see(`商户（${after.counts.high}）`);
    expect(await visible(district, '.chip--on').first().textContent()).toBe(`高风险 ${after.counts.high}`);
    const filtered = await readMap(district);
    expect(filtered.rowCount).toBe(after.counts.high);
    expect(filtered.index).toBeGreaterThanOrEqual(0);
    expect(new Set(await texts(visible(district, '.map-lists .shop-row .grade-tag')))).toEqual(new Set(['高风险']));
    expect(filtered.dotCount).toBe(after.counts.high);
    expect(await visible(district, '.schematic__dot:not(.grade-fill--high)').count()).toBe(0);

    // Its row opens the card: 高风险, why (the violations), how the grade moved, the three inspections.
    await district.tapText(SHOP);
    await district.see('评级依据');
    expect(district.page.url()).toContain(`id=${id}`);
    await expect(visible(district, '.shop-summary__grade').first().textContent()).resolves.toBe('高风险');
    const cardReasons = (await texts(visible(district, '.shop-summary .card__text'))).join('\n');
    expect(cardReasons).toContain('违规');
    expect(cardReasons).toContain('列为高风险');
    const moves = await texts(visible(district, '.grade-change > .card__title'));
    expect(moves.slice(0, 2)).toEqual(['中风险 → 高风险', '低风险 → 中风险']); // newest first
    const inspections = visible(district, '.inspection');
    expect(await inspections.count()).toBe(3);
    expect(new Set(await texts(visible(district, '.inspection .tag')))).toEqual(new Set(VIOLATIONS.map((v) => v.type)));
    for (const violation of VIOLATIONS) await district.see(violation.note);
    expect(new Set(await texts(visible(district, '.inspection > .card__head > .card__title')))).toEqual(new Set(['有违规']));

    // 4. What the BFF stored: high, and exactly two grade changes after the seed's (the API gives the newest first).
    const stored = (await stage.app.request('GET', `/api/shops/${id}`, { token: districtToken })).body as ShopDetail;
    expect(stored.grade).toBe('high');
    expect(stored.gradeHistory).toHaveLength(seeded.gradeHistory.length + 2);
    expect(stored.gradeHistory.slice(2)).toEqual(seeded.gradeHistory);
    expect(stored.gradeHistory.slice(0, 2).map((c) => [c.from, c.to])).toEqual([
      ['medium', 'high'],
      ['low', 'medium'],
    ]);
    expect(stored.inspections.map((i) => i.violationType).sort()).toEqual(['beyond_door', 'illegal_signs', 'occupying_road']);

    expect(district.errors).toEqual([]);
    expect(handler.errors).toEqual([]);
  }, 180_000);
});
