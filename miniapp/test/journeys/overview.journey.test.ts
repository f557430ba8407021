import { readFile } from 'node:fs/promises';
import type { Overview } from '@sqtb/shared';
import { journeyStage } from './browser';
import { signIn, type PhoneUser } from './phone-user';

const visible = (user: PhoneUser, selector: string) => user.page.locator(selector).locator('visible=true');
const weekLabel = (monday: string) => monday.split('-').slice(1).map(Number).join('/');

/**
 * 综合总览 on the H5 build served by the real BFF: a resident's reports reach the
 * district's overview, district staff open it from home, see the four services
 * drawn as charts with the BFF's own figures, and follow a committee's count to
 * the list of its complaints.
 */
describe('the district overview on H5', () => {
  const stage = journeyStage();

  it('district staff open the overview from home, see the four services as charts, and follow a figure to its list', async () => {
    // Two reports in committee A (潍坊一村), filed through the API as the resident's phone would.
    const resident = await stage.app.login('resident-1');
    for (const description of ['潍坊路 400 号门口摊贩占道经营', '潍坊路 402 号门口夜间烧烤占道']) {
      const filed = await stage.app.request('POST', '/api/complaints', {
        token: resident,
        body: { category: 'street-occupation', description, location: { lat: 31.229, lng: 121.523 }, address: '潍坊路 400 号门口', photoIds: [] },
      });
      expect(filed.status).toBe(201);
    }
    const districtToken = await stage.app.login('district-1');
    const expected = (await stage.app.request('GET', '/api/dashboard/overview', { token: districtToken })).body as Overview;
    const committeeA = expected.complaints.byCommittee.find((r) => r.committeeName === '潍坊一村居委会')!;
    expect(committeeA.total.received).toBeGreaterThanOrEqual(2);

    const staff = await signIn(stage.browser, stage.app.baseUrl, '孙科长（区城运中心）');
    await staff.tapText('综合总览');
    await staff.see(`${expected.scope.name}总览`);
    for (const title of ['一次办成率（目标 90%）', '投诉处理（近 8 周）', '口罩预约', '随申码', '企业复工备案', '街面秩序', '场所码']) await staff.see(title);
    const shopsA = expected.shops.byCommittee.find((r) => r.committeeName === '潍坊一村居委会')!;
    await staff.see(`潍坊一村居委会 高风险 ${shopsA.high}、中风险 ${shopsA.medium}、低风险 ${shopsA.low}`);

    // The charts are drawn, and say the BFF's own numbers.
    // Weekly columns (8 weeks × received and closed, then the two rates), sized as shares of the busiest week.
    const heights = await staff.page.$$eval('.chart__column', (columns) => columns.map((c) => (c as HTMLElement).style.height));
    expect(heights).toHaveLength(32);
    const volumes = expected.complaints.byWeek.flatMap((w) => [w.received, w.closed]);
    const busiest = Math.max(...volumes);
    expect(heights.slice(0, 16)).toEqual(volumes.map((v) => (v === 0 ? '0%' : `${Math.round((v / busiest) * 1000) / 10}%`)));
    expect(heights).toContain('100%');
    expect(await visible(staff, '.chart--target').count()).toBe(2);
    const last = expected.complaints.byWeek[7];
    await staff.see(`${weekLabel(expected.weeks[7])} 收到 ${last.received}、结案 ${last.closed}`);
    const received = visible(staff, '.figure:has-text("收到反映") .figure__value').first();
    expect(await received.textContent()).toBe(String(expected.complaints.total.received));
    const health = expected.health.byCommittee[0];
    if (health) await staff.see(`${health.committeeName} 绿码 ${health.green}、黄码 ${health.yellow}、红码 ${health.red}`);
    await staff.see(`待审核 件数 ${expected.filings.byStatus.submitted}`);

    // A table exports as a CSV file a spreadsheet reads: the BFF's BOM, then Chinese headers.
    const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.tapText('导出各居委投诉（CSV）')]);
    expect(download.suggestedFilename()).toBe('overview-complaints-committees.csv');
    const csv = await readFile((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toMatch(/^街镇,居委,当前超期,受理/);
    expect(csv.toString('utf8')).toContain(`潍坊新村街道,潍坊一村居委会,${committeeA.overdueNow},${committeeA.total.received},`);
    await staff.see('已导出 overview-complaints-committees.csv');

    // Committee A's received count opens the list of its complaints.
    const row = visible(staff, '.overview-section:has-text("投诉处理（近 8 周）") .overview-table__row:has-text("潍坊一村居委会")').first();
    const count = row.locator('.overview-table__cell.overview-link').first();
    expect(await count.textContent()).toBe(String(committeeA.total.received));
    await count.tap();
    await staff.see('潍坊一村居委会辖区内的事项');
    await staff.see('潍坊路 400 号门口摊贩占道经营');
    await staff.see('潍坊路 402 号门口夜间烧烤占道');
    expect(await visible(staff, '.chip--on').first().textContent()).toBe('全部');
    expect(staff.page.url()).toContain(`committeeId=${committeeA.committeeId}`);

    expect(staff.errors).toEqual([]);
  });
});
