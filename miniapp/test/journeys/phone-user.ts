import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newPhoneContext } from './browser';

export interface PhoneUser {
  page: Page;
  /** Uncaught errors in the page: a journey expects none. */
  errors: string[];
  /** Tap the first visible element with exactly this text. */
  tapText(text: string): Promise<void>;
  /** Wait until this text is on screen. */
  see(text: string, timeout?: number): Promise<void>;
  /** Type into the visible text field (input or textarea) with this placeholder. */
  fill(placeholder: string, text: string): Promise<void>;
  /** Open a page of the app by its path (hash router), e.g. '/complaints/pages/mine/index'. */
  open(path: string): Promise<void>;
}

/**
 * A person on their own phone: a fresh browser context (own storage, so own
 * token), logged in through the H5 dev-account list by tapping their name.
 */
export async function signIn(browser: Browser, baseUrl: string, displayName: string): Promise<PhoneUser> {
  const context = await newPhoneContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));

  const user: PhoneUser = {
    page,
    errors,
    async tapText(text) {
      const target = page.getByText(text, { exact: true }).locator('visible=true').first();
      await target.waitFor({ timeout: 15_000 });
      await target.tap();
    },
    async see(text, timeout = 15_000) {
      await page.getByText(text, { exact: false }).locator('visible=true').first().waitFor({ timeout });
    },
    async fill(placeholder, text) {
      // Taro's H5 components copy the placeholder onto their wrapper: target the native field.
      const field = page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).locator('visible=true').first();
      await field.waitFor({ timeout: 15_000 });
      await field.fill(text);
    },
    async open(path) {
      await page.goto(`${baseUrl}/#${path}`);
    },
  };

  await page.goto(`${baseUrl}/`);
  // The list shows "name（role）"; the seeded names are unique.
  const account = page.getByText(displayName, { exact: false }).first();
  await account.waitFor({ timeout: 20_000 });
  await account.tap();
  await user.see(`你好，${displayName}`, 20_000);
  return user;
}

