import { normaliseIdNumber, shanghaiDate, type MedicalStatus } from '@sqtb/shared';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { idNumberWords } from '../core/id-number-words';
import { useSend } from '../core/use-send';
import { setCase } from './api';
import { CASE_NOTE_MAX } from './case-words';
import { medicalStatusLabel } from './words';

export interface CaseDraft {
  idNumber: string;
  status?: MedicalStatus;
  date: string;
  note: string;
}

/** Why the record cannot be sent yet, or null. */
export function caseProblem(draft: CaseDraft, today: string): string | null {
  const idProblem = idNumberWords(normaliseIdNumber(draft.idNumber));
  if (idProblem) return idProblem;
  if (!draft.status) return '请选择状态';
  if (!draft.date) return '请选择日期';
  if (draft.date > today) return '日期不能晚于今天';
  if (draft.note.trim().length > CASE_NOTE_MAX) return `备注最多 ${CASE_NOTE_MAX} 字`;
  return null;
}

/** District staff set one person's medical status by ID number; `onSaved` reloads the records. */
export function useCaseForm(onSaved: () => Promise<void>) {
  const today = shanghaiDate(new Date());
  const [draft, setDraft] = useState<CaseDraft>({ idNumber: '', date: today, note: '' });
  const saving = useSend(setCase);
  const change = (patch: Partial<CaseDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const problem = caseProblem(draft, today);
    saving.setError(problem);
    if (problem || !draft.status) return;
    const note = draft.note.trim();
    const saved = await saving.send({ idNumber: normaliseIdNumber(draft.idNumber), status: draft.status, date: draft.date, ...(note ? { note } : {}) });
    if (!saved) return;
    void Taro.showToast({ title: `已设为${medicalStatusLabel(saved.status)}`, icon: 'none' });
    setDraft({ idNumber: '', date: today, note: '' });
    await onSaved();
  };

  return { draft, change, today, submit, busy: saving.busy, error: saving.error };
}
