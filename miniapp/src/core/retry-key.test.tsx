import { renderHook } from '@testing-library/react';
import { ApiError } from './api-error';
import { useRetryKey } from './retry-key';

/** The key of one attempt at a create: kept while the outcome is unknown, retired once an answer settles it. */
describe('useRetryKey', () => {
  const attempt = async (withKey: ReturnType<typeof useRetryKey>, outcome: ApiError | 'ok') => {
    let sent = '';
    await withKey(async (key) => {
      sent = key;
      if (outcome !== 'ok') throw outcome;
      return 'filed';
    }).catch(() => undefined);
    return sent;
  };

  it('sends the same key again after a lost reply or while the first request is still running, and a new one once settled', async () => {
    const { result } = renderHook(() => useRetryKey());
    const first = await attempt(result.current, new ApiError(0, 'NETWORK', 'offline'));
    expect(await attempt(result.current, new ApiError(409, 'CONFLICT', 'still running', { reason: 'idempotency-key-in-progress' }))).toBe(first);
    expect(await attempt(result.current, new ApiError(503, 'DATABASE_UNAVAILABLE', 'down'))).toBe(first);
    expect(await attempt(result.current, 'ok')).toBe(first);
    const next = await attempt(result.current, new ApiError(400, 'VALIDATION_FAILED', 'bad'));
    expect(next).not.toBe(first);
    expect(await attempt(result.current, 'ok')).not.toBe(next);
  });
});
