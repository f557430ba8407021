import { journeyStage } from './browser';
import { signIn, type PhoneUser } from './phone-user';

/** A 1×1 PNG: the BFF checks photos by their bytes, so the upload must be a real image. */
const PHOTO_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const visible = (user: PhoneUser, selector: string) => user.page.locator(selector).locator('visible=true');

/**
 * 社区通's closed loop, 问题发现 → 派单 → 解决 → 反馈, on the H5 build served by the
 * real BFF: four people on four phones, each logged in through the dev-account list.
 */
describe('the complaint loop on H5', () => {
  const stage = journeyStage();
  const people: PhoneUser[] = [];

  it('a report is accepted, dispatched, resolved, rated 2 stars and reopened, resolved again and closed by a 5-star rating', async () => {
    // 问题发现: the resident reports street vending with a photo, at committee A's quick pick.
    const resident = await signIn(stage.browser, stage.app.baseUrl, '张伟');
    people.push(resident);
    await resident.tapText('问题上报');
    await resident.tapText('占道经营');
    await resident.fill('请描述您遇到的问题（至少 5 个字）', '潍坊路 400 号门口有摊贩长期占道经营，行人只能走机动车道');
    const [chooser] = await Promise.all([resident.page.waitForEvent('filechooser'), resident.tapText('添加照片 0/6')]);
    await chooser.setFiles({ name: 'stall.png', mimeType: 'image/png', buffer: PHOTO_PNG });
    await resident.see('添加照片 1/6');
    await resident.tapText('潍坊一村居委会');
    await resident.fill('详细地址，例如：潍坊路 400 号门口', '潍坊路 400 号门口');
    await visible(resident, '.photo__state').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    expect(await visible(resident, '.photo__state').allTextContents()).toEqual([]); // uploaded, not failed
    await resident.tapText('提交');

    // No open report of the kind nearby, so it is filed at once and its page opens.
    await resident.see('提交反映');
    await resident.see('待受理');
    const id = new URL(resident.page.url().replace('#', '')).searchParams.get('id');
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(await visible(resident, '.photo__image').count()).toBe(1);

    // 派单: the committee A cadre finds it in the queue, accepts it and dispatches it to the suggested unit.
    const cadre = await signIn(stage.browser, stage.app.baseUrl, '陈书记（潍坊一村）');
    people.push(cadre);
    await cadre.tapText('居委工作台');
    await cadre.tapText('占道经营');
    await cadre.see('潍坊路 400 号门口有摊贩长期占道经营');
    await cadre.tapText('受理');
    await cadre.see('派单至处置部门');
    await expect(visible(cadre, '.chip--on').first().textContent()).resolves.toBe('潍坊城管执法中队（建议）');
    await cadre.tapText('派单');
    await cadre.see('处置中');
    await cadre.see('派至潍坊城管执法中队');

    // 解决: the city-management handler sees the task and reports the result.
    const handler = await signIn(stage.browser, stage.app.baseUrl, '赵队员（城管中队）');
    people.push(handler);
    await handler.tapText('我的任务');
    await handler.tapText('占道经营');
    await handler.fill('请填写处置结果', '已劝离摊贩，并设置隔离桩');
    await handler.tapText('办结并反馈');
    await handler.see('待评价');

    // 反馈: the resident opens the message, rates 2 stars, and the matter goes back to the unit.
    await resident.open('/notifications/pages/messages/index');
    await resident.tapText('您的反映已办结，请评价');
    await resident.see('对处置结果的评价');
    await visible(resident, '.star').nth(1).tap();
    await resident.see('事项将退回处置部门重新办理');
    await resident.tapText('提交评价');
    await resident.see('评价不满意，退回重办');
    await resident.see('处置中');
    await resident.see('上次处置结果');

    // The unit gets it back in its tasks and resolves it again.
    await handler.open('/complaints/pages/tasks/index');
    await handler.see('重办 1 次');
    await handler.tapText('占道经营');
    await handler.fill('请填写处置结果', '摊贩已迁入临时疏导点，每日巡查');
    await handler.tapText('办结并反馈');
    await handler.see('待评价');

    // Satisfied this time: 5 stars close the matter.
    await resident.open(`/complaints/pages/detail/index?id=${id}`);
    await resident.see('对处置结果的评价');
    await visible(resident, '.star').nth(4).tap();
    await resident.tapText('提交评价');
    await resident.see('已结案');
    expect(await visible(resident, '.star').count()).toBe(0); // nothing left to do

    const token = await stage.app.login('resident-1');
    const final = await stage.app.request('GET', `/api/complaints/${id}`, { token });
    expect(final.body).toMatchObject({ status: 'closed', reopenCount: 1, rating: { stars: 5 } });
    expect(final.body.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'dispatch', 'resolve', 'rate', 'resolve', 'rate']);

    for (const person of people) expect(person.errors).toEqual([]);
  });
});
