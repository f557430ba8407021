import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startTestApp, type TestApp } from '../../../bff/test/test-app';

/** Debian's Chromium, installed by .ci/run; CHROMIUM_PATH overrides. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const H5_DIST = path.resolve(__dirname, '../../dist/h5');

export interface Phone {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A headless phone-sized browser with touch, as a resident's would be.
 * Playwright gives each launch a fresh temporary profile. The flags keep
 * Chromium from calling out to a network this machine does not have.
 */
export async function openPhone(): Promise<Phone> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  if (!existsSync(path.join(H5_DIST, 'index.html'))) throw new Error(`No H5 build at ${H5_DIST}: run npm run build:h5 first`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await newPhoneContext(browser);
  return { browser, context, close: () => browser.close() };
}

/** Another phone on the same browser: its own storage, so its own login and token. */
export function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
}

/**
 * The stage of one journey file: the real BFF serving the H5 build, and a
 * headless phone browser; both started before the file's tests, stopped after.
 */
export function journeyStage(): { readonly app: TestApp; readonly browser: Browser } {
  let app: TestApp | undefined;
  let phone: Phone | undefined;
  beforeAll(async () => {
    app = await startTestApp({ STATIC_DIR: H5_DIST });
    phone = await openPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await app?.close();
  });
  return {
    get app() {
      return app!;
    },
    get browser() {
      return phone!.browser;
    },
  };
}
