import type { ExpectedOverview } from './expected/overview';
import type { Ledger, LedgerEntry } from './ledger';

/**
 * What the month contained, in counts: for the CLI's report and the test's
 * proof that the comparison was not vacuous.
 */
export interface MonthCounts {
  complaints: number;
  rejected: number;
  resolutions: number;
  ratings: number;
  lowRatings: number;
  urges: number;
  registrations: number;
  registrationsReviewed: number;
  reservations: number;
  redeemed: number;
  expired: number;
  declarations: number;
  cases: number;
  appeals: number;
  filings: number;
  filingsReturned: number;
  filingsApproved: number;
  filingsRejected: number;
  dailyReports: number;
  refusals: number;
  /** Of those, refusals the plan meant to provoke. */
  plannedRefusals: number;
}

const ok = (e: LedgerEntry) => e.outcome.ok;

export function countMonth(ledger: Ledger): MonthCounts {
  const of = (kind: string, more: (e: LedgerEntry) => boolean = () => true) => ledger.entries.filter((e) => e.kind === kind && ok(e) && more(e)).length;
  const jobs = ledger.entries.filter((e) => e.kind === 'jobs.run' && ok(e));
  return {
    complaints: of('complaint.submit'),
    rejected: of('complaint.reject'),
    resolutions: of('complaint.resolve'),
    ratings: of('complaint.rate'),
    lowRatings: of('complaint.rate', (e) => (e.data.stars as number) <= 2),
    urges: of('complaint.urge'),
    registrations: of('registration.submit'),
    registrationsReviewed: of('registration.approve') + of('registration.reject'),
    reservations: of('reservation.submit'),
    redeemed: of('reservation.redeem'),
    expired: jobs.reduce((sum, e) => sum + (((e.outcome.result?.['masks.expire-unclaimed'] as { expired?: number }) ?? {}).expired ?? 0), 0),
    declarations: of('health.declare'),
    cases: of('health.case'),
    appeals: of('appeal.file'),
    filings: of('filing.submit'),
    filingsReturned: of('filing.return'),
    filingsApproved: of('filing.approve'),
    filingsRejected: of('filing.reject'),
    dailyReports: of('filing.report'),
    refusals: ledger.entries.filter((e) => !e.outcome.ok && e.outcome.error !== 'SKIPPED').length,
    plannedRefusals: ledger.entries.filter((e) => !e.outcome.ok && e.expectRefusal === e.outcome.error).length,
  };
}

export function summarise(ledger: Ledger, expected?: ExpectedOverview): string {
  const c = countMonth(ledger);
  const figures = expected
    ? [
        `  at the end (district): ${expected.complaints.overdueNow} overdue, ${expected.complaints.openHotspots.length} open hotspots, first-time success ${expected.complaints.firstTimeSuccess.firstTime}/${expected.complaints.firstTimeSuccess.total}; ` +
          `codes ${expected.health.totals.green} green, ${expected.health.totals.yellow} yellow, ${expected.health.totals.red} red; ${expected.filings.missingReportsToday.length} reports missing today`,
      ]
    : [];
  return [
    `${ledger.meta.days} days from ${ledger.meta.start} (seed ${ledger.meta.seed}), ${ledger.entries.length} events:`,
    `  complaints ${c.complaints} (rejected ${c.rejected}), resolutions ${c.resolutions}, ratings ${c.ratings} (1–2 stars ${c.lowRatings}), urges ${c.urges}`,
    `  registrations ${c.registrations} (reviewed ${c.registrationsReviewed}), reservations ${c.reservations}, redeemed ${c.redeemed}, expired ${c.expired}`,
    `  declarations ${c.declarations}, medical statuses set ${c.cases}, appeals ${c.appeals}`,
    `  filings ${c.filings}: returned ${c.filingsReturned}, approved ${c.filingsApproved}, rejected ${c.filingsRejected}; daily reports ${c.dailyReports}`,
    `  refused: ${c.refusals} (${c.plannedRefusals} meant to be)`,
    ...figures,
  ].join('\n');
}
