import { useCallback, useRef, useState } from 'react';
import { ApiError, asApiError } from './api-error';

export interface RequestState<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
}

export interface UseRequest<T> extends RequestState<T> {
  /** Start (or restart) the load; a newer run makes older answers irrelevant. */
  run: () => Promise<void>;
  /** Replace the data with a fresher copy (e.g. the reply of an action); drops older runs. */
  mutate: (data: T) => void;
}

/** Loading / error / data for one async load; keeps the last data while reloading. */
export function useRequest<T>(
  load: () => Promise<T>,
  onError?: (error: ApiError) => void,
): UseRequest<T> {
  const [state, setState] = useState<RequestState<T>>({ loading: false });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const run = useCallback(async () => {
    const id = ++latest.current;
    setState((prev) => ({ data: prev.data, loading: true }));
    try {
      const data = await loadRef.current();
      if (id === latest.current) setState({ data, loading: false });
    } catch (caught) {
      if (id !== latest.current) return;
      const error = asApiError(caught);
      setState((prev) => ({ data: prev.data, error, loading: false }));
      onErrorRef.current?.(error);
    }
  }, []);

  const mutate = useCallback((data: T) => {
    latest.current += 1;
    setState({ data, loading: false });
  }, []);

  return { ...state, run, mutate };
}
