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
  inspections: number;
  violations: number;
  /** Patrol alerts imported, and those attached to a shop. */
  alerts: number;
  alertsAttached: number;
  /** Shops registered by the form or an import. */
  shopsAdded: number;
  complaintsNamingShop: number;
  /** Links set, corrected or cleared by handling units. */
  shopLinks: number;
  /** Complaints linked to a shop at the month's end. */
  linkedComplaints: number;
  /** Place codes read by their managers; scans taken; visits made (one per person, place and hour) and those refused as kept. */
  placesRead: number;
  scans: number;
  visits: number;
  refusedVisits: number;
  /** Scans within the hour of an earlier one: the same visit. */
  repeatScans: number;
  forgedScans: number;
  /** Case K1: candidates first listed, confirmed and dismissed, and left on the list after; case K2's candidates. */
  k1Candidates: number;
  k1Confirmed: number;
  k1Dismissed: number;
  k1Left: number;
  k2Candidates: number;
  refusals: number;
  /** Of those, refusals the plan meant to provoke. */
  plannedRefusals: number;
}

const ok = (e: LedgerEntry) => e.outcome.ok;

type ReportLines = Array<{ applied: boolean; shop?: string }>;
const appliedLines = (e: LedgerEntry) => ((e.outcome.result?.lines ?? []) as ReportLines).filter((l) => l.applied);

/** Which complaints stand linked to a shop at the end, by the answers the BFF gave. */
function linkedAtEnd(entries: LedgerEntry[]): number {
  const links = new Map<string, unknown>();
  for (const e of entries.filter(ok)) {
    if (e.kind === 'complaint.submit' && e.outcome.result?.shop) links.set(e.ref, e.outcome.result.shop);
    if (e.kind === 'complaint.linkShop') links.set(e.ref, e.outcome.result?.shop ?? null);
  }
  return [...links.values()].filter(Boolean).length;
}

/** What became of each visit, by the scan that made it: the latest scan of its hour decides whether it was refused. */
function visitsOf(entries: LedgerEntry[]): Map<string, boolean> {
  const allowed = new Map<string, boolean>();
  for (const e of entries) if (e.kind === 'visit.scan' && ok(e)) allowed.set(e.outcome.result?.visit as string, e.outcome.result?.allowed as boolean);
  return allowed;
}

const listed = (entries: LedgerEntry[], ref: string, which: 'first' | 'last') => {
  const lists = entries.filter((e) => e.kind === 'contacts.list' && e.ref === ref && ok(e));
  return ((which === 'first' ? lists[0] : lists.at(-1))?.outcome.result?.items as unknown[] | undefined)?.length ?? 0;
};

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
    inspections: of('shop.inspect'),
    violations: of('shop.inspect', (e) => e.data.outcome === 'violation'),
    alerts: ledger.entries.filter((e) => e.kind === 'alerts.import' && ok(e)).reduce((sum, e) => sum + appliedLines(e).length, 0),
    alertsAttached: ledger.entries.filter((e) => e.kind === 'alerts.import' && ok(e)).reduce((sum, e) => sum + appliedLines(e).filter((l) => l.shop).length, 0),
    shopsAdded: of('shop.create') + ledger.entries.filter((e) => e.kind === 'shop.import' && ok(e)).reduce((sum, e) => sum + appliedLines(e).length, 0),
    complaintsNamingShop: of('complaint.submit', (e) => Boolean(e.data.shop)),
    shopLinks: of('complaint.linkShop'),
    linkedComplaints: linkedAtEnd(ledger.entries),
    placesRead: of('place.mine'),
    scans: of('visit.scan'),
    visits: visitsOf(ledger.entries).size,
    refusedVisits: [...visitsOf(ledger.entries).values()].filter((allowed) => !allowed).length,
    repeatScans: of('visit.scan', (e) => e.outcome.result?.visit !== e.ref),
    forgedScans: ledger.entries.filter((e) => e.kind === 'visit.scan' && e.outcome.error === 'INVALID_PLACE_CODE').length,
    k1Candidates: listed(ledger.entries, 'K1', 'first'),
    k1Confirmed: ledger.entries.filter((e) => e.kind === 'contacts.confirm' && e.ref === 'K1' && ok(e)).reduce((sum, e) => sum + (e.outcome.result?.decided as number), 0),
    k1Dismissed: ledger.entries.filter((e) => e.kind === 'contacts.dismiss' && e.ref === 'K1' && ok(e)).reduce((sum, e) => sum + (e.outcome.result?.decided as number), 0),
    k1Left: listed(ledger.entries, 'K1', 'last'),
    k2Candidates: listed(ledger.entries, 'K2', 'first'),
    refusals: ledger.entries.filter((e) => !e.outcome.ok && e.outcome.error !== 'SKIPPED').length,
    plannedRefusals: ledger.entries.filter((e) => !e.outcome.ok && e.expectRefusal === e.outcome.error).length,
  };
}

export function summarise(ledger: Ledger, expected?: ExpectedOverview): string {
  const c = countMonth(ledger);
  const figures = expected
    ? [
        `  at the end (district): ${expected.complaints.overdueNow} overdue, ${expected.complaints.openHotspots.length} open hotspots, first-time success ${expected.complaints.firstTimeSuccess.firstTime}/${expected.complaints.firstTimeSuccess.total}; ` +
          `codes ${expected.health.totals.green} green, ${expected.health.totals.yellow} yellow, ${expected.health.totals.red} red; ${expected.filings.missingReportsToday.length} reports missing today; ` +
          `shops ${expected.shops.totals.high} high, ${expected.shops.totals.medium} medium, ${expected.shops.totals.low} low, ${expected.shops.totals.inspectionsThisWeek} inspections this week; ` +
          `visits in the last ${expected.places.days.length} days ${expected.places.total.visits} (refused ${expected.places.total.refused}), ` +
          `candidates awaiting a decision ${expected.places.candidates.awaiting} over ${expected.places.candidates.cases} confirmed cases`,
      ]
    : [];
  return [
    `${ledger.meta.days} days from ${ledger.meta.start} (seed ${ledger.meta.seed}), ${ledger.entries.length} events:`,
    `  complaints ${c.complaints} (rejected ${c.rejected}), resolutions ${c.resolutions}, ratings ${c.ratings} (1–2 stars ${c.lowRatings}), urges ${c.urges}`,
    `  registrations ${c.registrations} (reviewed ${c.registrationsReviewed}), reservations ${c.reservations}, redeemed ${c.redeemed}, expired ${c.expired}`,
    `  declarations ${c.declarations}, medical statuses set ${c.cases}, appeals ${c.appeals}`,
    `  filings ${c.filings}: returned ${c.filingsReturned}, approved ${c.filingsApproved}, rejected ${c.filingsRejected}; daily reports ${c.dailyReports}`,
    `  shops added ${c.shopsAdded}, inspections ${c.inspections} (violations ${c.violations}), alerts ${c.alerts} (attached ${c.alertsAttached}), ` +
      `complaints naming a shop ${c.complaintsNamingShop}, links set ${c.shopLinks}, complaints linked at the end ${c.linkedComplaints}`,
    `  places read ${c.placesRead}, scans ${c.scans}: visits ${c.visits} (refused ${c.refusedVisits}), repeat scans in the hour ${c.repeatScans}, forged codes refused ${c.forgedScans}; ` +
      `case K1: ${c.k1Candidates} candidates, confirmed ${c.k1Confirmed}, dismissed ${c.k1Dismissed}, left ${c.k1Left}; case K2: ${c.k2Candidates} candidates`,
    `  refused: ${c.refusals} (${c.plannedRefusals} meant to be)`,
    ...figures,
  ].join('\n');
}
