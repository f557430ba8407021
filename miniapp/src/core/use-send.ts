import { useCallback, useRef, useState } from 'react';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { asApiError, errorText, type ApiError } from './api-error';

export interface Send<A extends unknown[], T> {
  busy: boolean;
  /** Why the last send failed, in words for people; null after a success. */
  error: string | null;
  setError: (text: string | null) => void;
  /** Resolves with the reply, or undefined when it failed (the error is then set). */
  send: (...args: A) => Promise<T | undefined>;
}

/**
 * One write to the BFF from a form: busy while it runs, the failure in words
 * (`wording` for codes the form explains better), and a 401 back to login.
 */
export function useSend<A extends unknown[], T>(action: (...args: A) => Promise<T>, wording: (error: ApiError) => string = errorText): Send<A, T> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actionRef = useRef(action);
  actionRef.current = action;
  const wordingRef = useRef(wording);
  wordingRef.current = wording;

  const send = useCallback(async (...args: A) => {
    setBusy(true);
    setError(null);
    try {
      return await actionRef.current(...args);
    } catch (caught) {
      const failure = asApiError(caught);
      leaveIfUnauthenticated(failure);
      setError(wordingRef.current(failure));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, error, setError, send };
}
