import type { ComplaintStatus } from '../complaints/complaint.machine';

/** One status change of a complaint's timeline, as the Open311 boundary reads it. */
export interface StatusChange {
  action: string;
  from?: ComplaintStatus;
  to: ComplaintStatus;
  note?: string;
}

/**
 * What an Open311 client may read about a status change: a fixed wording per
 * step, plus the note where that note is public anyway (a rejection's reason
 * and a resolution's note are the request's `status_notes`). Staff's own notes
 * on accepting or dispatching, and a resident's rating comment, stay inside.
 * Never empty: FixMyStreet reads an empty element as a value.
 */
export function publicNoteOf(change: StatusChange, unitName: string | undefined): string {
  const unit = unitName ?? '处置部门';
  switch (change.action) {
    case 'submit':
      return '已收到，等待居委受理';
    case 'accept':
      return '居委已受理';
    case 'reject':
      return change.note ? `不予受理：${change.note}` : '不予受理';
    case 'dispatch':
      return `已派至${unit}处置`;
    case 'resolve':
      return change.note ? `已办结：${change.note}` : '已办结';
    case 'rate':
      return change.to === 'closed' ? '居民确认办结，结案' : `居民不满意，已退回${unit}重新处置`;
    case 'autoClose':
      return '办结后 7 日未评价，自动结案';
    case 'archive':
    case 'autoArchive':
      return '已归档';
    default:
      return `状态：${change.to}`;
  }
}
