import { useCallback, useState } from 'react';
import type { ComplaintView } from '@sqtb/shared';
import { leaveIfUnauthenticated } from '../accounts/sign-out';
import { asApiError, errorText } from '../core/api-error';
import { showDone } from '../core/feedback';
import type { ActionEntry } from './actions';
import { actOn, meToo } from './api';

export interface ComplaintActionState {
  /** The action being sent, if any: one at a time. */
  pending: ActionEntry['action'] | null;
  error: string | null;
  send: (entry: ActionEntry, body?: Record<string, unknown>) => Promise<void>;
}

/**
 * Sends one step of the workflow. The reply is the complaint after the step, so
 * the page shows it without reloading. A 409 means someone acted first: say so
 * and reload, so the page shows what the matter is now and which steps are left.
 */
export function useComplaintAction(id: string, onUpdated: (view: ComplaintView) => void, reload: () => Promise<void>): ComplaintActionState {
  const [pending, setPending] = useState<ActionEntry['action'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = useCallback(
    async (entry: ActionEntry, body: Record<string, unknown> = {}) => {
      setPending(entry.action);
      setError(null);
      try {
        if (entry.action === 'metoo') {
          await meToo(id);
          await reload();
        } else if (entry.action === 'autoClose' || entry.action === 'autoArchive') {
          return;
        } else {
          onUpdated(await actOn(id, entry.action, body));
        }
        void showDone(entry.done);
      } catch (caught) {
        const failure = asApiError(caught);
        leaveIfUnauthenticated(failure);
        if (failure.code === 'CONFLICT') {
          setError('该事项状态已变化，已为您刷新');
          await reload();
        } else {
          setError(errorText(failure));
        }
      } finally {
        setPending(null);
      }
    },
    [id, onUpdated, reload],
  );

  return { pending, error, send };
}
