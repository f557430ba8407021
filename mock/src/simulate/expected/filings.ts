import { FILING_STATUSES, FIRST_TIME_SUCCESS_TARGET, shanghaiDate, type Overview } from '@sqtb/shared';
import type { Ledger } from '../ledger';
import { DAY_MS, shanghaiHour } from '../time';
import type { FilingsModel } from './filings-model';
import type { ScopeView } from './scope';
import { median, rate } from './stats';

/** Daily reports are due by 10:00 Shanghai time. */
const REPORT_DUE_HOUR = 10;

/**
 * The filings section: filings in scope by status now, days from the first
 * submission to the final decision, approved enterprises that have reopened
 * and not reported today by 10:00, and approvals that needed no return.
 */
export function expectedFilings(ledger: Ledger, model: FilingsModel, view: ScopeView, now: Date): Overview['filings'] {
  const { org, ids } = ledger;
  const today = shanghaiDate(now);
  const filings = [...model.filings.values()].filter((f) => view.has(f.committee));
  const count = (status: string) => filings.filter((f) => f.status === status).length;
  const decided = filings.filter((f) => f.status === 'approved' || f.status === 'rejected');
  const approved = filings.filter((f) => f.status === 'approved');
  const pastDue = shanghaiHour(now) >= REPORT_DUE_HOUR;
  const firstTime = approved.filter((f) => !f.everReturned).length;
  return {
    byStatus: Object.fromEntries(FILING_STATUSES.map((s) => [s, count(s)])) as Overview['filings']['byStatus'],
    medianDaysToDecision: median(decided.map((f) => (f.decidedAt! - f.firstSubmittedAt) / DAY_MS)),
    missingReportsToday: approved
      .filter((f) => pastDue && f.reopenDate <= today && !f.reports.has(today))
      .map((f) => ({ id: ids[f.ref], enterpriseName: f.name, committeeName: org.committees[f.committee].name }))
      .sort((a, b) => a.enterpriseName.localeCompare(b.enterpriseName, 'zh') || a.id.localeCompare(b.id)),
    firstTimeApproval: { total: approved.length, firstTime, rate: rate(firstTime, approved.length), target: FIRST_TIME_SUCCESS_TARGET },
  };
}
