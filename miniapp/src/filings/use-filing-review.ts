import { useCallback, useState } from 'react';
import { redEmployeesRefusalSchema, type RedEmployee } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { asApiError, errorText } from '../core/api-error';
import { showDone } from '../core/feedback';
import { reviewFiling, type FilingView, type ReviewAction } from './api';
import { redEmployeesText } from './words';

export interface FilingReview {
  pending: ReviewAction | null;
  error: string | null;
  send: (action: ReviewAction, note?: string) => Promise<boolean>;
}

const DONE: Record<ReviewAction, string> = { approve: '已通过', return: '已退回', reject: '已驳回', revoke: '已撤销' };

/** The employees on red a refused approval names (read with the shared schema of its details). */
const redEmployeesOf = (details: unknown): RedEmployee[] | undefined => {
  const parsed = redEmployeesRefusalSchema.safeParse(details);
  return parsed.success ? parsed.data.redEmployees : undefined;
};

/**
 * One review decision. The reply is the filing after it, shown without reloading.
 * An approval refused because employees hold a red code says who; any other 409
 * means someone decided first: say so and reload.
 */
export function useFilingReview(id: string, revision: number | undefined, onUpdated: (view: FilingView) => void, reload: () => Promise<void>): FilingReview {
  const [pending, setPending] = useState<ReviewAction | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(
    async (action: ReviewAction, note?: string) => {
      setPending(action);
      setError(null);
      try {
        onUpdated(await reviewFiling(id, action, revision, note));
        void showDone(DONE[action]);
        return true;
      } catch (caught) {
        const failure = asApiError(caught);
        leaveIfUnauthenticated(failure);
        const red = failure.status === 409 ? redEmployeesOf(failure.details) : undefined;
        if (red && red.length > 0) {
          setError(redEmployeesText(red));
          await reload();
        } else if (failure.code === 'CONFLICT') {
          setError('该备案已被他人处理或刚有改动，已为您刷新，请查看后再决定');
          await reload();
        } else {
          setError(errorText(failure));
        }
        return false;
      } finally {
        setPending(null);
      }
    },
    [id, revision, onUpdated, reload],
  );

  return { pending, error, send };
}
