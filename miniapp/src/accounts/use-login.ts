import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ApiError, asApiError } from '../core/api-error';
import { ROUTES } from '../core/routes';

export interface LoginState {
  /** Which login is in flight ('wechat' or a dev account's openid), if any. */
  pending: string | null;
  error: ApiError | null;
  login: (key: string, attempt: () => Promise<unknown>) => Promise<void>;
}

/** Runs one login attempt at a time; on success the app restarts at home. */
export function useLogin(): LoginState {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const login = useCallback(async (key: string, attempt: () => Promise<unknown>) => {
    setPending(key);
    setError(null);
    try {
      await attempt();
      void Taro.reLaunch({ url: ROUTES.home });
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setPending(null);
    }
  }, []);

  return { pending, error, login };
}
