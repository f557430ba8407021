import { COMPLAINT_STATUSES, type ComplaintDashboard } from '@sqtb/shared';
import { STATUS_LABELS } from './status';

/** A 0–1 rate as a whole percentage; "—" when there is nothing to rate yet (null). */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 100)}%`;
}

export function hoursText(hours: number | null | undefined): string {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return '—';
  return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} 小时`;
}

export interface Figure {
  key: string;
  label: string;
  value: string;
  /** Drawn red: something is late. */
  alarm?: boolean;
}

/** The headline figures of the dashboard, in reading order. */
export function headlineFigures(d: ComplaintDashboard): Figure[] {
  return [
    { key: 'total', label: '反映总数', value: String(d.total) },
    { key: 'overdue', label: '当前超期', value: String(d.overdueNow), alarm: d.overdueNow > 0 },
    { key: 'onTime', label: '按时办结率', value: percent(d.onTimeRate) },
    { key: 'satisfaction', label: '满意率', value: percent(d.satisfactionRate) },
    { key: 'reopen', label: '重办率', value: percent(d.reopenRate) },
    { key: 'dispatch', label: '派单用时（中位）', value: hoursText(d.medianHoursToDispatch) },
    { key: 'hotspots', label: '在管乱点', value: String(d.openHotspots), alarm: d.openHotspots > 0 },
  ];
}

/** Counts per status, every status shown (zeros too) in workflow order. */
export function statusCounts(byStatus: Partial<Record<string, number>>): Array<{ status: string; label: string; count: number }> {
  return COMPLAINT_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], count: byStatus[status] ?? 0 }));
}

export interface CommitteeBar {
  key: string;
  name: string;
  street: string;
  total: number;
  overdue: number;
  satisfaction: string;
  /** Bar width as a CSS percentage of the busiest committee. */
  width: string;
}

/** One bar per committee, busiest first, widths relative to the busiest. */
export function committeeBars(rows: ComplaintDashboard['byCommittee']): CommitteeBar[] {
  const max = Math.max(0, ...rows.map((r) => r.total));
  return [...rows]
    .sort((a, b) => b.total - a.total)
    .map((r) => ({
      key: r.committeeId ?? 'none',
      name: r.committeeName,
      street: r.streetName,
      total: r.total,
      overdue: r.overdueNow,
      satisfaction: percent(r.satisfactionRate),
      width: max === 0 ? '0%' : `${Math.round((r.total / max) * 100)}%`,
    }));
}
