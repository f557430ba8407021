import { readFile } from 'node:fs/promises';
import { desktopTicketQrText } from '@sqtb/shared';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../../bff/test/test-app';
import { drawnModules, expectedModules } from '../../src/test-support/qr-grid';
import { H5_DIST, openPhone, type Phone } from './browser';
import { signIn } from './phone-user';

const DAY_MS = 86_400_000;
/** The Chinese a CSV cell shows a complaint's status in (a status code such as `submitted` is not). */
const CHINESE = /[\u4e00-\u9fff]/;

/** The module grid of the QR code the page shows: test-support's reader, run in the browser. */
const drawnQr = (page: Page) => page.evaluate(`(${drawnModules.toString()})(document)`) as Promise<boolean[][]>;

/**
 * District staff on a computer (H5 served by the real BFF): the login page
 * shows a QR code carrying a sign-in ticket; district-1 reads it with the
 * mini-program's scanner on a phone and confirms; the computer is signed in as
 * them, lands on the district home and downloads an overview CSV.
 */
describe('desktop sign-in by scanning with the mini-program, on H5', () => {
  let app: TestApp;
  let phone: Phone;
  // The BFF's clock: it jumps ten days ahead once a complaint is filed, so the complaint is overdue
  // (tokens are checked against the real time, so the clock moves forward, never back).
  let aheadMs = 0;
  const clock = { now: () => new Date(Date.now() + aheadMs) };

  beforeAll(async () => {
    app = await startTestApp({ STATIC_DIR: H5_DIST }, { clock });
    phone = await openPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await app?.close();
  });

  it('a computer shows the QR ticket, district-1 confirms it on the phone, and the computer lands on the district home and exports overdue matters with Chinese statuses', async () => {
    // A resident reports street vending, and ten days pass without anyone accepting it: it is overdue.
    const resident = await app.login('resident-1');
    const filed = await app.request('POST', '/api/complaints', {
      token: resident,
      body: { category: 'street-occupation', description: '潍坊路 410 号门口摊贩占道经营', location: { lat: 31.229, lng: 121.523 }, address: '潍坊路 410 号门口', photoIds: [] },
    });
    expect(filed.status).toBe(201);
    aheadMs = 10 * DAY_MS;

    // 1. A computer: a desktop-sized window, not WeChat. Its login page shows the ticket as a QR code.
    const computer = await phone.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const desk = await computer.newPage();
    const deskErrors: string[] = [];
    desk.on('pageerror', (err) => deskErrors.push(err.message));
    const issued = desk.waitForResponse((r) => r.url().endsWith('/api/auth/desktop-tickets') && r.request().method() === 'POST');
    await desk.goto(`${app.baseUrl}/`);
    const { ticket } = (await (await issued).json()) as { ticket: string };
    await desk.getByText('用小程序扫码登录').waitFor({ timeout: 20_000 });
    expect(await drawnQr(desk)).toEqual(expectedModules(desktopTicketQrText(ticket)));

    // 2. district-1 on a phone opens the scanner; it reads the QR's text (pasted on H5, where there is no camera) and confirms.
    const staff = await signIn(phone.browser, app.baseUrl, '孙科长（区城运中心）');
    await staff.tapText('扫码验证');
    await staff.fill('粘贴或输入随申码码值', desktopTicketQrText(ticket));
    await staff.tapText('验证');
    await staff.see('在电脑上登录为 孙科长（区城运中心）？');
    await staff.tapText('登录');
    await staff.see('电脑已登录');

    // 3. The computer, polling every 2 s, is signed in as district-1 and lands on the district home.
    await desk.getByText('你好，孙科长（区城运中心）').waitFor({ timeout: 15_000 });
    await desk.getByText('区/街镇工作人员').first().waitFor();
    const sessions = await desk.evaluate(() => JSON.stringify(localStorage));
    expect(sessions).toContain('sqtb.session');

    // The overview's overdue matters download as a CSV whose statuses read in Chinese.
    await desk.getByText('综合总览', { exact: true }).first().click();
    await desk.getByText('投诉处理（近 8 周）').first().waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByText('导出超期事项（CSV）').first().click()]);
    expect(download.suggestedFilename()).toBe('overview-overdue.csv');
    const csv = (await readFile((await download.path())!)).toString('utf8').replace(/^\ufeff/, '');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    const statusColumn = header.split(',').indexOf('状态');
    expect(statusColumn).toBeGreaterThanOrEqual(0);
    const ours = rows.find((row) => row.includes(filed.body.id));
    expect(ours).toBeDefined();
    const status = ours!.split(',')[statusColumn];
    expect(status).toMatch(CHINESE);
    expect(status).not.toBe('submitted');
    await desk.getByText('已导出 overview-overdue.csv').first().waitFor();

    expect(deskErrors).toEqual([]);
    expect(staff.errors).toEqual([]);
  });
});
