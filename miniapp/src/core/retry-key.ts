import { useCallback, useRef } from 'react';
import { NETWORK, type ApiError } from './api-error';

/** A fresh Idempotency-Key: 8–64 of [A-Za-z0-9_-] (no crypto.randomUUID on every mini-program base library). */
export function newIdempotencyKey(): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `r-${Date.now().toString(36)}-${random()}${random()}`;
}

/** The BFF's answer to a repeat whose first request is still running: the key must be kept for the next tap. */
const stillRunning = (error: ApiError) => (error.details as { reason?: string } | undefined)?.reason === 'idempotency-key-in-progress';

/** Only a reply that settles the attempt retires its key; after a lost reply, or while the first is still running, the retry must reuse it. */
const settles = (error: ApiError) => error.code !== NETWORK && error.status < 500 && !stillRunning(error);

/**
 * One Idempotency-Key per attempt at a create: when the answer was lost
 * (network, 5xx) the next tap sends the same key, so the BFF answers with what
 * it may already have made instead of making it twice.
 */
export function useRetryKey() {
  const key = useRef<string | null>(null);
  return useCallback(async <T>(call: (key: string) => Promise<T>): Promise<T> => {
    const attempt = key.current ?? newIdempotencyKey();
    key.current = attempt;
    try {
      const answer = await call(attempt);
      key.current = null;
      return answer;
    } catch (caught) {
      if (settles(caught as ApiError)) key.current = null;
      throw caught;
    }
  }, []);
}
