import { useEffect, useRef } from 'react';

/**
 * An in-memory stand-in for the parts of `@tarojs/taro` the app uses.
 * Use in a test file with:
 *   jest.mock('@tarojs/taro', () => require('<path>/test-support/taro-mock').taroModule);
 * and import `taro` from here to script replies and inspect calls.
 */
const storage = new Map<string, unknown>();

export interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
}

export interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
}

export interface Reply {
  statusCode: number;
  data: unknown;
}

export const taro = {
  request: jest.fn<Promise<Reply>, [RequestOptions]>(),
  login: jest.fn<Promise<{ code: string }>, []>(),
  reLaunch: jest.fn((_: { url: string }) => Promise.resolve()),
  navigateTo: jest.fn((_: { url: string }) => Promise.resolve()),
  showToast: jest.fn((_: { title: string; icon?: string }) => Promise.resolve()),
  showModal: jest.fn((_: { title?: string; content?: string }) =>
    Promise.resolve({ confirm: true, cancel: false }),
  ),
  redirectTo: jest.fn((_: { url: string }) => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  stopPullDownRefresh: jest.fn(() => undefined),
  previewImage: jest.fn((_: { urls: string[]; current?: string }) => Promise.resolve()),
  /** Scripted per test; by default the user cancels. */
  chooseMedia: jest.fn<Promise<{ tempFiles: Array<{ tempFilePath: string; size: number; fileType?: string }>; type?: string }>, [unknown]>(),
  chooseLocation: jest.fn<Promise<{ latitude: number; longitude: number; name: string; address: string }>, [unknown]>(),
  uploadFile: jest.fn<Promise<{ statusCode: number; data: string }>, [UploadOptions]>(),
  /** Scripted per test; by default the user cancels. */
  scanCode: jest.fn<Promise<{ result: string; scanType?: string }>, [unknown]>(),
  setClipboardData: jest.fn((_: { data: string }) => Promise.resolve()),
  setKeepScreenOn: jest.fn((_: { keepScreenOn: boolean }) => Promise.resolve()),
  /**
   * Answers through its callback only, as on weapp (Taro does not promisify it):
   * the agreement is needed while `setPrivacyNeeded(true)`.
   */
  getPrivacySetting: jest.fn((options?: { success?: (result: { needAuthorization: boolean; errMsg: string }) => void }) => {
    options?.success?.({ needAuthorization: privacy.needed, errMsg: 'getPrivacySetting:ok' });
  }),
  onNeedPrivacyAuthorization: jest.fn((_: (resolve: (option: { event: string; buttonId?: string }) => void) => void) => undefined),
  openPrivacyContract: jest.fn((options?: { success?: (result: { errMsg: string }) => void }) => {
    options?.success?.({ errMsg: 'openPrivacyContract:ok' });
  }),
  /** Scripted per test; by default the user answers nothing for any template. */
  requestSubscribeMessage: jest.fn<Promise<Record<string, string>>, [{ tmplIds: string[] }]>(),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
};

/** Whether WeChat still wants the privacy agreement (reset to false for each test). */
const privacy = { needed: false };
export function setPrivacyNeeded(needed: boolean): void {
  privacy.needed = needed;
}

/** Taro fires onShow after mount; a mounted test page is "shown" once. */
function useDidShow(callback: () => void): void {
  useEffect(() => {
    callback();
  }, []);
}

/** onHide: fired by `hidePage()` (the user switched away); onUnload: when the page unmounts. */
const hideListeners = new Set<() => void>();
function useDidHide(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const listener = () => latest.current();
    hideListeners.add(listener);
    return () => void hideListeners.delete(listener);
  }, []);
}
export const hidePage = () => hideListeners.forEach((listener) => listener());
function useUnload(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => () => latest.current(), []);
}

/** The page's query (`useRouter().params`); set it before rendering a page that reads one. */
let routerParams: Record<string, string> = {};
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}
const useRouter = () => ({ params: routerParams, path: '' });

/** Page events the test can fire: pull-down and reaching the bottom. */
const pageEvents: { pullDown?: () => void; reachBottom?: () => void } = {};
function usePullDownRefresh(callback: () => void): void {
  pageEvents.pullDown = callback;
}
function useReachBottom(callback: () => void): void {
  pageEvents.reachBottom = callback;
}
export const pullDown = () => pageEvents.pullDown?.();
export const reachBottom = () => pageEvents.reachBottom?.();

export const taroModule = { __esModule: true, default: taro, ...taro, useDidShow, useDidHide, useUnload, useRouter, usePullDownRefresh, useReachBottom };

/** Fresh storage and call records for each test; unscripted requests fail loudly. */
export function resetTaro(): void {
  storage.clear();
  Object.values(taro).forEach((fn) => fn.mockClear());
  taro.request.mockReset();
  taro.request.mockImplementation(async (options) => {
    throw new Error(`unexpected request ${options.method ?? 'GET'} ${options.url}`);
  });
  taro.login.mockReset();
  taro.chooseMedia.mockReset();
  taro.chooseMedia.mockRejectedValue({ errMsg: 'chooseMedia:fail cancel' });
  taro.requestSubscribeMessage.mockReset();
  taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' });
  privacy.needed = false;
  hideListeners.clear();
  taro.chooseLocation.mockReset();
  taro.chooseLocation.mockRejectedValue({ errMsg: 'chooseLocation:fail cancel' });
  taro.scanCode.mockReset();
  taro.scanCode.mockRejectedValue({ errMsg: 'scanCode:fail cancel' });
  taro.uploadFile.mockReset();
  taro.uploadFile.mockImplementation(async (options) => {
    throw new Error(`unexpected upload to ${options.url}`);
  });
  routerParams = {};
  pageEvents.pullDown = undefined;
  pageEvents.reachBottom = undefined;
  taro.showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }));
}

type Route = Reply | ((options: RequestOptions) => Reply | Promise<Reply>);

/**
 * Answer requests by "METHOD /path". Routes not listed get the BFF's 404 shape.
 * Returns the mock so tests can inspect calls.
 */
export function serveApi(routes: Record<string, Route>) {
  taro.request.mockImplementation(async (options) => {
    const route = routes[`${options.method ?? 'GET'} ${options.url}`];
    if (!route) return reply(404, { error: { code: 'NOT_FOUND', message: '接口不存在' } });
    return typeof route === 'function' ? route(options) : route;
  });
  return taro.request;
}

export const reply = (statusCode: number, data: unknown): Reply => ({ statusCode, data });
