import { useEffect } from 'react';

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
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
};

/** Taro fires onShow after mount; a mounted test page is "shown" once. */
function useDidShow(callback: () => void): void {
  useEffect(() => {
    callback();
  }, []);
}

export const taroModule = { __esModule: true, default: taro, ...taro, useDidShow };

/** Fresh storage and call records for each test; unscripted requests fail loudly. */
export function resetTaro(): void {
  storage.clear();
  Object.values(taro).forEach((fn) => fn.mockClear());
  taro.request.mockReset();
  taro.request.mockImplementation(async (options) => {
    throw new Error(`unexpected request ${options.method ?? 'GET'} ${options.url}`);
  });
  taro.login.mockReset();
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
