import { useCallback, useRef, useState } from 'react';
import { ApiError, asApiError } from './api-error';

/** The page shape every list endpoint of the BFF answers with. */
export interface PageReply<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A list that stops counting (complaints: at 1,000) says so: `total` is then the cap, and there are more. */
  totalCapped?: boolean;
}

/** A total for people: "1,000+" when the list stopped counting there. */
export const totalText = (total: number, capped: boolean) => `${String(total).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${capped ? '+' : ''}`;

export interface PagedList<T, R extends PageReply<T> = PageReply<T>> {
  items: T[];
  /** Every match, as the last reply counted them; once all are loaded, the number loaded. */
  total: number;
  /** The list stopped counting at `total` (there are more): say `totalText`. */
  totalCapped: boolean;
  /** The total for people: "1,000+" when capped. */
  totalText: string;
  /** The latest reply, for figures that come with the page (e.g. an unread count). */
  last?: R;
  /** True once the first page has arrived (so an empty list can be told from loading). */
  loaded: boolean;
  /** 'first' while page 1 loads, 'more' while a later page loads. */
  loading: false | 'first' | 'more';
  error?: ApiError;
  /** Which load failed: page 1 ('first') or a later page ('more'). */
  errorOn?: 'first' | 'more';
  hasMore: boolean;
  /** Load page 1 again and replace the list (pull-to-refresh, a new filter, onShow). */
  refresh: () => Promise<void>;
  /** Append the next page, if there is one and nothing is loading. */
  loadMore: () => Promise<void>;
  /** Change items in place (e.g. mark a message read) without reloading. */
  update: (change: (items: T[]) => T[]) => void;
}

interface State<T, R> {
  items: T[];
  total: number;
  totalCapped: boolean;
  /** The last page came back short: nothing after it (a capped count cannot say). */
  ended: boolean;
  page: number;
  last?: R;
  loaded: boolean;
  loading: false | 'first' | 'more';
  error?: ApiError;
  errorOn?: 'first' | 'more';
}

/**
 * A paginated list: page 1 on refresh, the next page on loadMore. A refresh
 * makes answers of earlier loads irrelevant, so a slow "more" cannot append
 * to a list that was reloaded meanwhile. `load` also gets the last item loaded,
 * for a list that pages by cursor (`after=`), which new items cannot shift.
 */
export function usePagedList<T, R extends PageReply<T> = PageReply<T>>(
  load: (page: number, after?: T) => Promise<R>,
  onError?: (error: ApiError) => void,
): PagedList<T, R> {
  const [state, setState] = useState<State<T, R>>({ items: [], total: 0, totalCapped: false, ended: false, page: 0, loaded: false, loading: false });
  const loadRef = useRef(load);
  loadRef.current = load;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const latest = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback(async (page: number) => {
    const id = ++latest.current;
    const after = page === 1 ? undefined : stateRef.current.items.at(-1);
    setState((prev) => ({ ...prev, loading: page === 1 ? 'first' : 'more', error: undefined, errorOn: undefined }));
    try {
      const reply = await loadRef.current(page, after);
      if (id !== latest.current) return;
      setState((prev) => ({
        items: page === 1 ? reply.items : [...prev.items, ...reply.items],
        total: reply.total,
        totalCapped: reply.totalCapped === true,
        ended: reply.items.length < reply.pageSize,
        page,
        last: reply,
        loaded: true,
        loading: false,
      }));
    } catch (caught) {
      if (id !== latest.current) return;
      const error = asApiError(caught);
      setState((prev) => ({ ...prev, loading: false, error, errorOn: page === 1 ? 'first' : 'more' }));
      onErrorRef.current?.(error);
    }
  }, []);

  const refresh = useCallback(() => fetchPage(1), [fetchPage]);
  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (current.loading || !moreAfter(current)) return;
    await fetchPage(current.page + 1);
  }, [fetchPage]);
  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((prev) => ({ ...prev, items: change(prev.items) }));
  }, []);

  // A capped list loaded to its end knows its total: the items loaded.
  const counted = state.totalCapped && !moreAfter(state);
  const total = counted ? state.items.length : state.total;
  const capped = state.totalCapped && !counted;
  return {
    items: state.items,
    total,
    totalCapped: capped,
    totalText: totalText(total, capped),
    last: state.last,
    loaded: state.loaded,
    loading: state.loading,
    error: state.error,
    errorOn: state.errorOn,
    hasMore: moreAfter(state),
    refresh,
    loadMore,
    update,
  };
}

/**
 * Whether another page may follow: not after a short page (the end, even when the
 * count grew meanwhile: new items come first, not after a cursor), and either fewer
 * loaded than counted or a capped count.
 */
function moreAfter(s: Pick<State<unknown, unknown>, 'loaded' | 'items' | 'total' | 'totalCapped' | 'ended'>): boolean {
  return s.loaded && !s.ended && (s.items.length < s.total || s.totalCapped);
}
