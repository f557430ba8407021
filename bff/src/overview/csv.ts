import { COMPLAINT_STATUS_WORDS, FILING_STATUSES, findCategory, type ComplaintCohort, type Overview, type OverviewTable } from '@sqtb/shared';
import { shanghaiDateTime, writeCsv } from '../core/csv';

/** Each filing status in words (a status without words is written as it is). */
const FILING_WORDS: Record<string, string> = { submitted: '待审核', approved: '已通过', returned: '已退回', rejected: '未通过', revoked: '已撤销' };

const percent = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);
const blank = (v: number | null) => (v === null ? '' : v);

const COHORT_HEADER = ['受理', '已办结', '办理次数', '按时办理', '按时率', '评价数', '满意评价', '满意率', '曾办结', '重办', '重办率', '派单中位时长(小时)', '办结中位时长(小时)'];
const cohortCells = (c: ComplaintCohort) => [
  c.received,
  c.closed,
  c.resolutions,
  c.onTimeResolutions,
  percent(c.onTimeRate),
  c.ratings,
  c.satisfiedRatings,
  percent(c.satisfactionRate),
  c.everResolved,
  c.reopened,
  percent(c.reopenRate),
  blank(c.medianHoursToDispatch),
  blank(c.medianHoursToResolution),
];

/** Each table of the overview as rows, header first. */
const TABLES: Record<OverviewTable, (o: Overview) => Array<Array<string | number>>> = {
  'complaints-weekly': (o) => [
    ['周（周一）', '街镇', '居委', ...COHORT_HEADER],
    ...o.complaints.byWeek.map((c, i) => [o.weeks[i], '合计', '', ...cohortCells(c)]),
    ...o.complaints.byStreet.flatMap((s) => s.weeks.map((c, i) => [o.weeks[i], s.streetName, '', ...cohortCells(c)])),
    ...o.complaints.byCommittee.flatMap((r) => r.weeks.map((c, i) => [o.weeks[i], r.streetName, r.committeeName, ...cohortCells(c)])),
  ],
  'complaints-committees': (o) => [
    ['街镇', '居委', '当前超期', ...COHORT_HEADER],
    ...o.complaints.byCommittee.map((r) => [r.streetName, r.committeeName, r.overdueNow, ...cohortCells(r.total)]),
    ['合计', '', o.complaints.overdueNow, ...cohortCells(o.complaints.total)],
  ],
  overdue: (o) => [
    ['编号', '类别', '地址', '状态', '居委', '应办时间', '超期(小时)', '催办次数'],
    ...o.complaints.worstOverdue.map((i) => [i.id, i.categoryName, i.address, COMPLAINT_STATUS_WORDS[i.status], i.committeeName, shanghaiDateTime(i.dueAt), i.hoursOverdue, i.urgeCount]),
  ],
  hotspots: (o) => [
    ['网格', '居委', '纬度', '经度', '30天内问题数', '类别', '出现时间'],
    ...o.complaints.openHotspots.map((h) => [h.cell, h.committeeName, h.center.lat, h.center.lng, h.complaintsInWindow, h.categories.map((c) => findCategory(c)?.name ?? c).join('、'), shanghaiDateTime(h.openedAt)]),
  ],
  masks: (o) => [
    ['批次', '药店', '投放', '可预约', '待领取', '已领取', '已过期'],
    ...o.masks.byPharmacy.map((p) => [o.masks.round?.name ?? '', p.pharmacyName, p.stock, p.available, p.reserved, p.pickedUp, p.expired]),
  ],
  'mask-reviews': (o) => [['居委', '待审登记', '待审预约'], ...o.masks.pendingReviews.map((r) => [r.committeeName, r.registrations, r.reservations])],
  health: (o) => [
    ['居委', '绿码', '黄码', '红码'],
    ...o.health.byCommittee.map((r) => [r.committeeName, r.green, r.yellow, r.red]),
    ['合计', o.health.totals.green, o.health.totals.yellow, o.health.totals.red],
  ],
  filings: (o) => [
    ['指标', '数值'],
    ...FILING_STATUSES.map((s) => [FILING_WORDS[s] ?? s, o.filings.byStatus[s]]),
    ['审核中位天数', blank(o.filings.medianDaysToDecision)],
    ['一次通过率', percent(o.filings.firstTimeApproval.rate)],
    ['今日未报', o.filings.missingReportsToday.map((m) => m.enterpriseName).join('、')],
  ],
  shops: (o) => [
    ['居委', '高风险', '中风险', '低风险', '本周巡查'],
    ...o.shops.byCommittee.map((r) => [r.committeeName, r.high, r.medium, r.low, r.inspectionsThisWeek]),
    ['合计', o.shops.totals.high, o.shops.totals.medium, o.shops.totals.low, o.shops.totals.inspectionsThisWeek],
  ],
  // One line per committee and day, then each day's sum; candidates awaiting a decision are not per day.
  places: (o) => [
    ['日期', '居委', '到访人次', '其中非绿码', '待决定密接候选'],
    ...o.places.byCommittee.flatMap((r) => r.days.map((d, i) => [o.places.days[i], r.committeeName, d.visits, d.refused, ''])),
    ...o.places.byDay.map((d, i) => [o.places.days[i], '合计', d.visits, d.refused, '']),
    ...o.places.byCommittee.map((r) => [`近${o.places.days.length}日`, r.committeeName, r.total.visits, r.total.refused, r.candidatesAwaiting]),
    [`近${o.places.days.length}日`, '合计', o.places.total.visits, o.places.total.refused, o.places.candidates.awaiting],
  ],
};

export const CSV_FILE_NAMES: Record<OverviewTable, string> = {
  'complaints-weekly': 'complaints-weekly.csv',
  'complaints-committees': 'complaints-committees.csv',
  overdue: 'complaints-overdue.csv',
  hotspots: 'hotspots.csv',
  masks: 'masks-pharmacies.csv',
  'mask-reviews': 'masks-pending-reviews.csv',
  health: 'health-codes.csv',
  filings: 'filings.csv',
  shops: 'shops-grades.csv',
  places: 'places-visits.csv',
};

/** One table through the one CSV writer (BOM, cells neutralised, Shanghai times). */
export function overviewCsv(overview: Overview, table: OverviewTable): string {
  return writeCsv(TABLES[table](overview));
}
