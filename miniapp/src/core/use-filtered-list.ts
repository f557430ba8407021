import { useEffect, useRef } from 'react';
import type { ApiError } from './api-error';
import { useListPageEvents } from './page-events';
import { usePagedList, type PageReply } from './use-paged-list';

/**
 * A paged list that follows a filter: it reloads when the filter (by its key)
 * changes, when the page shows again, and on pull-down (with `alsoReload`, for
 * the rest of the page); more at the bottom. The first load comes from the page
 * showing (useDidShow), so a change of filter is only acted on after that.
 */
export function useFilteredList<T, R extends PageReply<T> = PageReply<T>>(
  fetchPage: (page: number) => Promise<R>,
  filterKey: string,
  onError: (error: ApiError) => void,
  ...alsoReload: Array<() => Promise<unknown>>
) {
  const list = usePagedList<T, R>(fetchPage, onError);
  const mounted = useRef(false);
  const { refresh } = list;
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    void refresh();
  }, [filterKey, refresh]);
  useListPageEvents(list, ...alsoReload);
  return list;
}
