import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { filingNoteSchema } from '@sqtb/shared';
import { fieldWords, lengthWording } from '../../core/field-problems';
import { FormFooter } from '../../core/components/form-footer';
import { maxLength } from '../../core/schema-limits';
import type { FilingView, ReviewAction } from '../api';
import type { FilingReview } from '../use-filing-review';

const NOTE_FORMS = {
  return: { label: '退回修改', title: '需要企业修改的内容（企业可见）', placeholder: '例如：防控方案缺少员工返岗前 14 天行程排查', confirm: '确认退回' },
  reject: { label: '不予通过', title: '不予通过的理由（企业可见）', placeholder: '例如：经营场所不具备复工条件', confirm: '确认不予通过' },
  revoke: { label: '撤销备案', title: '撤销的理由（企业可见；复工证明与场所码随即失效）', placeholder: '例如：现场检查发现未落实防控措施', confirm: '确认撤销' },
} as const;

const NOTE_MAX = maxLength(filingNoteSchema.shape.note);
/** Why a reviewer's note cannot be sent yet (checked by the shared schema), or null. */
const noteProblem = (note: string) =>
  fieldWords(filingNoteSchema, { note }, { note: lengthWording((min) => `请填写说明（至少 ${min} 个字）`, (max) => `说明最多 ${max} 字`) }).note ?? null;

/** A decision that needs a note: opens a text field first; the note must say something. */
function NoteAction({ action, review }: { action: keyof typeof NOTE_FORMS; review: FilingReview }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const form = NOTE_FORMS[action];
  const busy = review.pending !== null;
  if (!open) {
    return (
      <Button className={`button ${action === 'return' ? 'button--plain' : 'button--danger'}`} disabled={busy} onClick={() => setOpen(true)}>
        {form.label}
      </Button>
    );
  }
  const submit = async () => {
    const problem = noteProblem(note.trim());
    setProblem(problem);
    if (problem) return;
    if (await review.send(action, note.trim())) setOpen(false);
  };
  return (
    <View className="card">
      <Text className="section-title">{form.title}</Text>
      <Textarea className="field field--textarea" placeholder={form.placeholder} value={note} maxlength={NOTE_MAX} onInput={(e) => setNote(e.detail.value)} />
      <FormFooter error={problem} label={form.confirm} tone={action === 'return' ? 'primary' : 'danger'} busy={review.pending === action} disabled={busy} onSubmit={() => void submit()} />
      <Button className="button button--plain" onClick={() => setOpen(false)}>
        取消
      </Button>
    </View>
  );
}

/** The reviewer's decisions, exactly those the BFF lists in `actions`. */
export function ReviewPanel({ filing, review }: { filing: FilingView; review: FilingReview }) {
  const actions = filing.actions.filter((a): a is ReviewAction => a !== 'amend');
  if (actions.length === 0) return null;
  const approve = async () => {
    const red = filing.roster.filter((m) => m.healthColor !== 'green').length;
    const content = red > 0 ? `名单中有 ${red} 名员工不是绿码，确定通过吗？` : '通过后企业可领取复工证明，确定通过吗？';
    const { confirm } = await Taro.showModal({ title: '审核通过', content });
    if (confirm) await review.send('approve');
  };
  return (
    <View>
      <Text className="section-title">{actions.includes('revoke') ? '备案管理' : '审核'}</Text>
      {actions.includes('approve') && (
        <Button className="button button--primary" disabled={review.pending !== null} loading={review.pending === 'approve'} onClick={() => void approve()}>
          审核通过
        </Button>
      )}
      {actions.includes('return') && <NoteAction action="return" review={review} />}
      {actions.includes('reject') && <NoteAction action="reject" review={review} />}
      {actions.includes('revoke') && <NoteAction action="revoke" review={review} />}
    </View>
  );
}
