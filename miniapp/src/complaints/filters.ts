import type { ComplaintFilter } from './api';

export interface ListFilter {
  key: string;
  label: string;
  query: ComplaintFilter;
}

/** A cadre's queue: what waits on the committee first (受理, then 派单). */
export const QUEUE_FILTERS: readonly ListFilter[] = [
  { key: 'submitted', label: '待受理', query: { status: 'submitted' } },
  { key: 'accepted', label: '待派单', query: { status: 'accepted' } },
  { key: 'overdue', label: '超期', query: { overdue: 'true' } },
  { key: 'dispatched', label: '处置中', query: { status: 'dispatched' } },
  { key: 'resolved', label: '待评价', query: { status: 'resolved' } },
  { key: 'closed', label: '已结案', query: { status: 'closed' } },
  { key: 'rejected', label: '不予受理', query: { status: 'rejected' } },
  { key: 'all', label: '全部', query: {} },
];

/** A handling unit's tasks: what it must still solve first. */
export const TASK_FILTERS: readonly ListFilter[] = [
  { key: 'dispatched', label: '待处置', query: { status: 'dispatched' } },
  { key: 'overdue', label: '超期', query: { overdue: 'true' } },
  { key: 'resolved', label: '已办结待评价', query: { status: 'resolved' } },
  { key: 'closed', label: '已结案', query: { status: 'closed' } },
  { key: 'all', label: '全部', query: {} },
];

export const findFilter = (filters: readonly ListFilter[], key: string): ListFilter => filters.find((f) => f.key === key) ?? filters[0];
