import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { errorText } from '../core/api-error';
import { useReloadOnShowAndPull } from '../core/page-events';
import { useSend } from '../core/use-send';
import { fileAppeal, listAppeals } from './api';
import { useRetryKey } from '../core/retry-key';

export const REASON_MIN = 5;
export const REASON_MAX = 500;

/** Why an appeal reason cannot be sent yet, or null. */
export function appealReasonProblem(reason: string): string | null {
  const length = reason.trim().length;
  if (length < REASON_MIN) return `请说明申诉理由（至少 ${REASON_MIN} 个字）`;
  if (length > REASON_MAX) return `申诉理由最多 ${REASON_MAX} 字`;
  return null;
}


/** A resident's appeals (reloaded on show and pull-down) and the form to file a new one. */
export function useAppeal() {
  const appeals = useSignedInRequest(() => listAppeals());
  useReloadOnShowAndPull(appeals.run);
  const [reason, setReason] = useState('');
  const withKey = useRetryKey();
  const filing = useSend((text: string) => withKey((key) => fileAppeal(text, key)), errorText);

  const submit = async () => {
    const problem = appealReasonProblem(reason);
    filing.setError(problem);
    if (problem) return;
    if (!(await filing.send(reason.trim()))) return;
    setReason('');
    void Taro.showToast({ title: '申诉已提交', icon: 'success' });
    await appeals.run();
  };

  const hasOpen = !!appeals.data?.some((a) => a.status === 'open');
  return { appeals, reason, setReason, sending: filing.busy, problem: filing.error, submit, hasOpen };
}
