import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';

type Reload = () => Promise<unknown>;

/**
 * Load when the page shows (also when coming back from a page that changed
 * something) and again on pull-down. The app's one pull-to-refresh: pages do not
 * call `usePullDownRefresh` themselves. The page config must set
 * `enablePullDownRefresh: true`.
 */
export function useReloadOnShowAndPull(...reloads: Reload[]): void {
  const reloadAll = () => Promise.all(reloads.map((reload) => reload()));
  useDidShow(() => void reloadAll());
  usePullDownRefresh(() => {
    void reloadAll().finally(() => void Taro.stopPullDownRefresh());
  });
}

/** A list page: reload on show and pull-down, the next page at the bottom. */
export function useListPageEvents(list: { refresh: Reload; loadMore: Reload }, ...alsoReload: Reload[]): void {
  useReloadOnShowAndPull(list.refresh, ...alsoReload);
  useReachBottom(() => void list.loadMore());
}
