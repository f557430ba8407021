import fs from 'node:fs';
import path from 'node:path';
import { installWxStubs, resetWxStubs, storage } from './wx-stubs';

/**
 * The part of miniprogram-simulate used here. Its published types import
 * miniprogram-api-typings, whose global `require` replaces Node's for the whole
 * program, so they are left out of the type check.
 */
interface Simulate {
  load: (componentPath: string, options: { rootPath: string }) => string;
  render: (id: string) => RenderedPage & { attach: (parent: Element) => void };
  sleep: (ms: number) => Promise<void>;
}
const simulate = require('miniprogram-simulate') as Simulate;

/**
 * Runs the compiled weapp output (miniapp/dist/weapp) inside miniprogram-simulate.
 *
 * miniprogram-simulate only knows custom components. A Taro page is a webpack chunk
 * that calls `Page()`, so this shim supplies the app-level globals (App, getApp,
 * getCurrentPages) and a `Page` that turns page options into a `Component`
 * definition, then loads the built app.js and launches it.
 */
export const distDir = path.resolve(__dirname, '../../../dist/weapp');

type Options = Record<string, unknown>;
type Fn = (this: unknown, ...args: unknown[]) => unknown;
type PageInstance = Record<string, Fn | undefined>;

interface Globals {
  App: (options: Options) => void;
  getApp: () => Options | undefined;
  getCurrentPages: () => unknown[];
  Page: (options: Options) => void;
  Component: (options: Options) => void;
}
const g = globalThis as unknown as Globals;

let app: Options | undefined;
const livePages: PageInstance[] = [];
/** The query the next rendered page is opened with (its onLoad options). */
let nextQuery: Record<string, string> = {};

/** A Page definition as a Component: its functions become methods, lifecycles map. */
function pageAsComponent(options: Options): Options {
  const methods: Record<string, Fn> = {};
  let data: unknown = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'data') data = value;
    else if (typeof value === 'function') methods[key] = value as Fn;
  }
  return {
    data,
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        livePages.push(this);
        this.onLoad?.call(this, nextQuery);
        this.onShow?.call(this);
      },
      ready(this: PageInstance) {
        this.onReady?.call(this);
      },
      detached(this: PageInstance) {
        this.onUnload?.call(this);
        livePages.splice(livePages.indexOf(this), 1);
      },
    },
  };
}

/** Install the globals, load the built app.js and launch the app (once per test file). */
export function launchApp(): void {
  if (!fs.existsSync(path.join(distDir, 'app.js'))) {
    throw new Error(`No weapp build in ${distDir}: run \`npm run build:weapp\` at the repo root first.`);
  }
  g.App = (options) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => livePages;
  const registerComponent = g.Component;
  g.Page = (options) => registerComponent(pageAsComponent(options));

  // Jest's require: app.js pulls in the runtime, taro, vendors and common chunks.
  require(path.join(distDir, 'app.js'));
  if (!app) throw new Error('the built app.js did not call App()');
  (app.onLaunch as Fn | undefined)?.call(app, { path: 'accounts/pages/login/index', query: {} });
}

interface SimNode {
  dom?: Element | null;
  dispatchEvent: (name: string, options?: object) => void;
}
export interface RenderedPage extends SimNode {
  querySelectorAll: (selector: string) => SimNode[];
  detach: () => void;
}

// A page's chunk runs (and calls Page()) only on its first require, so each page is
// loaded once per test file and rendered from the same definition afterwards.
const loaded = new Map<string, string>();
const rendered: RenderedPage[] = [];

/**
 * Render and attach a page by its path in app.json (e.g. 'accounts/pages/login/index'),
 * opened with `query` as WeChat passes `?id=…` to onLoad.
 */
export function renderPage(pagePath: string, query: Record<string, string> = {}): RenderedPage {
  let id = loaded.get(pagePath);
  if (!id) {
    id = simulate.load(path.join(distDir, pagePath), { rootPath: distDir });
    loaded.set(pagePath, id);
  }
  const page = simulate.render(id);
  nextQuery = query;
  page.attach(document.createElement('parent-wrapper'));
  nextQuery = {};
  rendered.push(page);
  return page;
}

/** Unload every rendered page (afterEach), so none reacts during the next test. */
export function unloadPages(): void {
  for (const page of rendered.splice(0)) page.detach();
}

/** Tap the first node matching `selector` whose text is `label`, as WeChat would. */
export function tap(page: RenderedPage, label: string, selector = '.button'): void {
  const node = page.querySelectorAll(selector).find((n) => n.dom?.textContent?.trim() === label);
  if (!node) throw new Error(`nothing "${label}" matching ${selector} on the page`);
  node.dispatchEvent('tap');
}

/** Rendering is asynchronous (React, then setData): poll instead of sleeping. */
export async function waitFor(condition: () => boolean, what: () => string, timeoutMs = 5000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
    await simulate.sleep(20);
  }
}

export async function waitForText(page: RenderedPage, text: string): Promise<string> {
  const current = () => page.dom?.textContent ?? '';
  await waitFor(
    () => current().includes(text),
    () => `"${text}"; the page shows "${current()}"`,
  );
  return current();
}

/**
 * The usual frame of a weapp page test: WeChat stubs and the compiled app
 * launched once, a signed-in session before each test, pages unloaded after.
 */
export function signedInWeappSuite(): void {
  beforeAll(() => {
    installWxStubs();
    launchApp();
  });
  beforeEach(() => {
    resetWxStubs();
    storage.set('sqtb.session', { token: 'weapp-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  });
  afterEach(unloadPages);
}
