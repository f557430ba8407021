import { COMPLAINT_STATUS_WORDS, COMPLAINT_STATUSES } from '@sqtb/shared';
import { writeCsv } from '../core/csv';
import type { CommitteeRow } from './dashboard';

const percent = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);


/** One row per committee, through the one CSV writer (BOM, Chinese heads, cells neutralised). */
export function dashboardCsv(rows: CommitteeRow[]): string {
  const header = ['街镇', '居委', '总数', ...COMPLAINT_STATUSES.map((s) => COMPLAINT_STATUS_WORDS[s]), '当前超期', '按时办结率', '满意率', '重办率', '派单中位时长(小时)'];
  const body = rows.map((r) => [
    r.streetName,
    r.committeeName,
    r.total,
    ...COMPLAINT_STATUSES.map((s) => r.byStatus[s]),
    r.overdueNow,
    percent(r.onTimeRate),
    percent(r.satisfactionRate),
    percent(r.reopenRate),
    r.medianHoursToDispatch ?? '',
  ]);
  return writeCsv([header, ...body]);
}
