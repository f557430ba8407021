import type { ComplaintStatus } from '@sqtb/shared';

/** How a status reads in a message to a resident. */
export const STATUS_WORDS: Record<ComplaintStatus, string> = {
  submitted: '提交',
  accepted: '受理',
  rejected: '不予受理',
  dispatched: '派单处置',
  resolved: '办结，请评价',
  closed: '结案',
  archived: '归档',
};
