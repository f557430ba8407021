import { startTestApp, type TestApp } from '../../../bff/test/test-app';
import { H5_DIST, openPhone, type Phone } from './browser';

/** The H5 build served by the real BFF, driven in headless Chromium. */
describe('a resident opens the app on H5', () => {
  let t: TestApp;
  let phone: Phone;
  beforeAll(async () => {
    t = await startTestApp({ STATIC_DIR: H5_DIST });
    phone = await openPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await t?.close();
  });

  it('logs in as resident-1 and sees the resident home: complaints, 口罩预约, 随申码, the place codes and 企业复工 open, nothing 建设中', async () => {
    const page = await phone.context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (err) => failures.push(err.message));

    await page.goto(t.baseUrl + '/');
    const account = page.getByText('张伟', { exact: false }).first();
    await account.waitFor({ timeout: 20000 });
    await account.tap();

    for (const service of ['问题上报', '口罩预约', '随申码', '扫场所码', '我的到访', '企业复工']) {
      await page.getByText(service, { exact: true }).first().waitFor({ timeout: 20000 });
    }
    await page.getByText('张伟').first().waitFor();
    expect(await page.getByText('建设中').count()).toBe(0);
    expect(await page.locator('.entry--not-built').count()).toBe(0);
    expect(failures).toEqual([]);
  });
});
