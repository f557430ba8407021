/**
 * Stubs for the `wx` APIs the app calls, installed on the simulate runtime's global
 * `wx` (Taro looks methods up on it at call time). Storage is in memory: the
 * simulate runtime's own storage calls do nothing.
 */
type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void };
export interface WxRequest extends Callbacks {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}
interface Reply {
  statusCode: number;
  data: unknown;
}

export const storage = new Map<string, unknown>();

const succeed = (name: string, result: object = {}) =>
  jest.fn((options: Callbacks) => options.success?.({ errMsg: `${name}:ok`, ...result }));

/** Whether WeChat still wants the privacy agreement (false after each reset). */
export const privacy = { needed: false };

export const stubs = {
  request: jest.fn<{ abort: () => void }, [WxRequest]>(),
  login: succeed('login', { code: 'wx-code-1' }),
  reLaunch: succeed('reLaunch'),
  navigateTo: succeed('navigateTo'),
  navigateBack: succeed('navigateBack'),
  showToast: succeed('showToast'),
  setKeepScreenOn: succeed('setKeepScreenOn'),
  openPrivacyContract: succeed('openPrivacyContract'),
  // Base library 2.32.3+: answers through its callback only (Taro does not promisify it).
  getPrivacySetting: jest.fn((options: Callbacks) => options.success?.({ errMsg: 'getPrivacySetting:ok', needAuthorization: privacy.needed, privacyContractName: '《社区通办用户隐私保护指引》' })),
  /** The app registers its listener once, at launch: read it before the first reset. */
  onNeedPrivacyAuthorization: jest.fn((_listener: (resolve: (option: { event: string; buttonId?: string }) => void) => void) => undefined),
};

/** Answer requests by "METHOD url-path" asynchronously, like wx.request; others 404. */
export function serveApi(routes: Record<string, Reply>): void {
  stubs.request.mockImplementation((options) => {
    const pathOnly = options.url.replace(/^https?:\/\/[^/]+/, '');
    const reply = routes[`${options.method ?? 'GET'} ${pathOnly}`] ?? {
      statusCode: 404,
      data: { error: { code: 'NOT_FOUND', message: 'not found' } },
    };
    const timer = setTimeout(() => options.success?.({ ...reply, header: {}, errMsg: 'request:ok' }));
    return { abort: () => clearTimeout(timer) };
  });
}

/** Call after miniprogram-simulate is loaded: it creates the global `wx`. */
export function installWxStubs(): void {
  const { wx } = globalThis as unknown as { wx?: Record<string, unknown> };
  if (!wx) throw new Error('no global wx: load miniprogram-simulate first');
  Object.assign(wx, stubs, {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
  });
}

export function resetWxStubs(): void {
  storage.clear();
  privacy.needed = false;
  Object.values(stubs).forEach((stub) => stub.mockClear());
  serveApi({});
}
