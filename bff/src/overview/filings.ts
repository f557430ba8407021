import { FILING_STATUSES, FIRST_TIME_SUCCESS_TARGET, shanghaiDate, type FilingStatus } from '@sqtb/shared';
import { DAY_MS } from '../core/clock';
import { DailyReportModel, FilingModel, missingToday } from '../filings/service';
import { committeeMatch, type OverviewScope } from './scope';
import { median, ratio } from '../core/stats';

/** Filings by status, how long decisions take, today's missing reports, and approvals that needed no return. */
export async function filingsOverview(scope: OverviewScope, now: Date) {
  // The whole timeline: the embedded engine (CongoDB) answers a projection into an array ('timeline.at') with an object of arrays.
  const filings = await FilingModel.find(committeeMatch(scope), { status: 1, enterpriseName: 1, committeeId: 1, reopenDate: 1, decidedAt: 1, timeline: 1 }).lean();
  const byStatus = Object.fromEntries(FILING_STATUSES.map((s) => [s, 0])) as Record<FilingStatus, number>;
  for (const f of filings) byStatus[f.status as FilingStatus] += 1;

  // From the first submission (the first timeline entry) to the final decision.
  const decided = filings.filter((f) => (f.status === 'approved' || f.status === 'rejected') && f.decidedAt && f.timeline.length > 0);
  const daysToDecision = decided.map((f) => (f.decidedAt!.getTime() - f.timeline[0].at!.getTime()) / DAY_MS);

  const today = shanghaiDate(now);
  const approved = filings.filter((f) => f.status === 'approved');
  const reported = new Set((await DailyReportModel.find({ filingId: { $in: approved.map((f) => f._id) }, date: today }, { filingId: 1 }).lean()).map((r) => String(r.filingId)));
  const names = new Map(scope.committees.map((c) => [String(c.id), c.name]));
  const missingReportsToday = approved
    .filter((f) => missingToday(f, today, now, reported.has(String(f._id))))
    .map((f) => ({ id: String(f._id), enterpriseName: f.enterpriseName, committeeName: names.get(String(f.committeeId)) ?? '' }))
    .sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh') || a.id.localeCompare(b.id));

  const firstTime = approved.filter((f) => !f.timeline.some((t) => t.action === 'return')).length;
  return {
    byStatus,
    medianDaysToDecision: median(daysToDecision),
    missingReportsToday,
    firstTimeApproval: { total: approved.length, firstTime, rate: ratio(firstTime, approved.length), target: FIRST_TIME_SUCCESS_TARGET },
  };
}
