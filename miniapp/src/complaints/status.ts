import { COMPLAINT_STATUS_WORDS, type ComplaintStatus, type ComplaintView } from '@sqtb/shared';

/** How each status reads on a tag (the same words as the CSV exports). */
export const STATUS_LABELS = COMPLAINT_STATUS_WORDS;

/** Tag colours: waiting on staff (blue/orange), waiting on the resident (green), finished (grey). */
export type Tone = 'blue' | 'orange' | 'green' | 'grey' | 'red';
export const STATUS_TONES: Record<ComplaintStatus, Tone> = {
  submitted: 'orange',
  accepted: 'blue',
  rejected: 'grey',
  dispatched: 'blue',
  resolved: 'green',
  closed: 'grey',
  archived: 'grey',
};

export const OVERDUE_LABELS: Record<NonNullable<ComplaintView['overdueReason']>, string> = {
  'not-accepted': '超期未受理',
  'not-dispatched': '超期未派单',
  'not-resolved': '超期未办结',
};

/** The red light's words, or null when the matter is within its time limit. */
export function overdueText(c: Pick<ComplaintView, 'overdue' | 'overdueReason'>): string | null {
  if (!c.overdue) return null;
  return c.overdueReason ? OVERDUE_LABELS[c.overdueReason] : '已超期';
}

type Limits = Pick<ComplaintView, 'status' | 'acceptBy' | 'dispatchBy' | 'deadline'>;

/** The time limit of the step the matter waits on, if any: 受理 → 派单 → 办结. */
export function currentLimit(c: Limits): { label: string; at: string } | null {
  if (c.status === 'submitted' && c.acceptBy) return { label: '受理时限', at: c.acceptBy };
  if (c.status === 'accepted' && c.dispatchBy) return { label: '派单时限', at: c.dispatchBy };
  if (c.status === 'dispatched' && c.deadline) return { label: '办结时限', at: c.deadline };
  return null;
}
