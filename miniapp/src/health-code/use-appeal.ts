import { useState } from 'react';
import { appealBodySchema } from '@sqtb/shared';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { errorText } from '../core/api-error';
import { fieldWords, lengthWording } from '../core/field-problems';
import { useReloadOnShowAndPull } from '../core/page-events';
import { maxLength } from '../core/schema-limits';
import { useSend } from '../core/use-send';
import { useStatusUpdatesOffer } from '../notifications/subscribe-offer';
import { fileAppeal, listAppeals } from './api';
import { useRetryKey } from '../core/retry-key';

/** The reason field's own limit, for its input. */
export const REASON_MAX = maxLength(appealBodySchema.shape.reason);

/** Why an appeal reason cannot be sent yet (checked by the shared schema), or null. */
export function appealReasonProblem(reason: string): string | null {
  const words = fieldWords(appealBodySchema, { reason: reason.trim() }, {
    reason: lengthWording((min) => `请说明申诉理由（至少 ${min} 个字）`, (max) => `申诉理由最多 ${max} 字`),
  });
  return words.reason ?? null;
}

/** A resident's appeals (reloaded on show and pull-down) and the form to file a new one. */
export function useAppeal() {
  const appeals = useSignedInRequest(() => listAppeals());
  useReloadOnShowAndPull(appeals.run);
  const [reason, setReason] = useState('');
  const withKey = useRetryKey();
  const offerUpdates = useStatusUpdatesOffer();
  const filing = useSend((text: string) => withKey((key) => fileAppeal(text, key)), errorText);

  const submit = async () => {
    const problem = appealReasonProblem(reason);
    filing.setError(problem);
    if (problem) return;
    if (!(await filing.send(reason.trim()))) return;
    setReason('');
    await Promise.all([offerUpdates('申诉已提交'), appeals.run()]);
  };

  const hasOpen = !!appeals.data?.some((a) => a.status === 'open');
  return { appeals, reason, setReason, sending: filing.busy, problem: filing.error, submit, hasOpen };
}
