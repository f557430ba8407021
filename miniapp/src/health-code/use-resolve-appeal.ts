import { resolveAppealBodySchema, shanghaiDate, type MedicalStatus, type ResolveAppealBody } from '@sqtb/shared';
import { useState } from 'react';
import { errorText, type ApiError } from '../core/api-error';
import { showDone } from '../core/feedback';
import { fieldWords, lengthWording } from '../core/field-problems';
import { maxLength } from '../core/schema-limits';
import { useSend } from '../core/use-send';
import { resolveAppeal } from './api';

export interface ResolveDraft {
  outcome?: ResolveAppealBody['outcome'];
  note: string;
  status?: MedicalStatus;
  date: string;
}

/** The note's own limit, for its input. */
export const NOTE_MAX = maxLength(resolveAppealBodySchema.shape.note);

/** The resolve body, or why it cannot be sent yet (the note checked by the shared schema). */
export function resolveBody(draft: ResolveDraft, today: string): { ok: true; body: ResolveAppealBody } | { ok: false; message: string } {
  const note = draft.note.trim();
  if (!draft.outcome) return { ok: false, message: '请选择处理方式' };
  const words = fieldWords(resolveAppealBodySchema, { outcome: draft.outcome, note }, {
    note: lengthWording(() => '请填写处理说明（居民可见）', (max) => `处理说明最多 ${max} 字`),
  });
  if (words.note) return { ok: false, message: words.note };
  if (draft.outcome === 'explained') return { ok: true, body: { outcome: 'explained', note } };
  if (!draft.status) return { ok: false, message: '请选择更正后的状态' };
  if (!draft.date || draft.date > today) return { ok: false, message: '请选择不晚于今天的日期' };
  return { ok: true, body: { outcome: 'corrected', note, correction: { status: draft.status, date: draft.date } } };
}

// CONFLICT here means someone else resolved it first; every other code has its own wording.
const resolveErrorText = (error: ApiError) => (error.code === 'CONFLICT' ? '该申诉已被处理，已为您刷新' : errorText(error));

/** District staff resolve one appeal: explain why the colour stands, or correct the status. */
export function useResolveAppeal(id: string, onResolved: () => Promise<void>) {
  const today = shanghaiDate(new Date());
  const [draft, setDraft] = useState<ResolveDraft>({ note: '', date: today });
  const resolving = useSend((body: ResolveAppealBody) => resolveAppeal(id, body), resolveErrorText);
  const change = (patch: Partial<ResolveDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const built = resolveBody(draft, today);
    if (!built.ok) {
      resolving.setError(built.message);
      return;
    }
    const resolved = await resolving.send(built.body);
    if (resolved) void showDone('已处理');
    // Resolved here or by someone else first (409): either way the queue has changed.
    await onResolved();
  };

  return { draft, change, today, submit, busy: resolving.busy, error: resolving.error };
}
