import type { ComplaintStatus } from './complaint.machine';

/** How each status reads to people (tags, CSV heads and cells): the resident's words, not the workflow's. */
export const COMPLAINT_STATUS_WORDS: Record<ComplaintStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  dispatched: '处置中',
  resolved: '待评价',
  closed: '已结案',
  archived: '已归档',
};
