import { stringify } from 'csv-stringify/sync';
import { COMPLAINT_STATUSES } from '@sqtb/shared';
import type { CommitteeRow } from './dashboard';

const percent = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

/** One row per committee, with a BOM so spreadsheet programs read the Chinese correctly. */
export function dashboardCsv(rows: CommitteeRow[]): string {
  const header = ['街镇', '居委', '总数', ...COMPLAINT_STATUSES, '当前超期', '按时办结率', '满意率', '重办率', '派单中位时长(小时)'];
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
  return '\ufeff' + stringify([header, ...body]);
}
