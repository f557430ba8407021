import { findCategory, FIRST_TIME_SUCCESS_TARGET, OVERVIEW_WEEKS, overdueReason, overviewWeekStarts, startOfShanghaiDate, WEEK_MS, type ComplaintCohort, type Overview } from '@sqtb/shared';
import type { Ledger } from '../ledger';
import type { ComplaintState, ComplaintsModel } from './complaints-model';
import type { ScopeView } from './scope';
import { median, rate, round2 } from './stats';

/**
 * The complaints section from the model: cohorts by the week each matter was
 * received, per committee, per street and in total; red lights now; the
 * worst five overdue; open hotspots; first-time success.
 */
type ComplaintsSection = Overview['complaints'];
const HOUR_MS = 3_600_000;

/** The contract does not name what lies outside every area: the comparison leaves such names out. */
export const UNNAMED = '‹not named by the contract›';

export function cohortOf(items: ComplaintState[]): ComplaintCohort {
  const closedNow = (c: ComplaintState) => c.status === 'closed' || (c.status === 'archived' && c.closedAt !== undefined);
  const resolvedNow = (c: ComplaintState) => ['resolved', 'closed', 'archived'].includes(c.status) && c.resolvedAt !== undefined;
  const sum = (f: (c: ComplaintState) => number) => items.reduce((s, c) => s + f(c), 0);
  const resolutions = sum((c) => c.resolutions);
  const onTime = sum((c) => c.resolutions - c.lateResolutions);
  const ratings = sum((c) => c.ratings);
  const satisfied = sum((c) => c.satisfiedRatings);
  const everResolved = items.filter((c) => c.resolutions > 0).length;
  const reopened = items.filter((c) => c.reopenCount > 0).length;
  return {
    received: items.length,
    closed: items.filter(closedNow).length,
    resolutions,
    onTimeResolutions: onTime,
    onTimeRate: rate(onTime, resolutions),
    ratings,
    satisfiedRatings: satisfied,
    satisfactionRate: rate(satisfied, ratings),
    everResolved,
    reopened,
    reopenRate: rate(reopened, everResolved),
    medianHoursToDispatch: median(items.filter((c) => c.firstDispatchedAt !== undefined).map((c) => (c.firstDispatchedAt! - c.createdAt) / HOUR_MS)),
    medianHoursToResolution: median(items.filter(resolvedNow).map((c) => (c.resolvedAt! - c.createdAt) / HOUR_MS)),
  };
}

/** When the step a matter now waits on was due, if that has passed. */
export function overdueSince(c: ComplaintState, now: Date): number | undefined {
  const d = (n?: number) => (n === undefined ? null : new Date(n));
  const reason = overdueReason({ status: c.status, acceptBy: d(c.acceptBy), dispatchBy: d(c.dispatchBy), deadline: d(c.deadline) }, now);
  if (reason === 'not-accepted') return c.acceptBy;
  if (reason === 'not-dispatched') return c.dispatchBy;
  if (reason === 'not-resolved') return c.deadline;
  return undefined;
}

export function expectedComplaints(ledger: Ledger, model: ComplaintsModel, view: ScopeView, now: Date): ComplaintsSection {
  const { org, ids } = ledger;
  const weekStarts = overviewWeekStarts(now).map((w) => startOfShanghaiDate(w).getTime());
  const windowEnd = weekStarts[OVERVIEW_WEEKS - 1] + WEEK_MS;
  const weekOf = (c: ComplaintState) => (c.createdAt >= weekStarts[0] && c.createdAt < windowEnd ? Math.floor((c.createdAt - weekStarts[0]) / WEEK_MS) : -1);
  const all = [...model.complaints.values()].filter((c) => view.has(c.committee));
  const inWindow = all.filter((c) => weekOf(c) >= 0);
  const overdueCount = (items: ComplaintState[]) => items.filter((c) => overdueSince(c, now) !== undefined).length;

  const row = (match: (c: ComplaintState) => boolean) => {
    const items = inWindow.filter(match);
    return {
      weeks: Array.from({ length: OVERVIEW_WEEKS }, (_, w) => cohortOf(items.filter((c) => weekOf(c) === w))),
      total: cohortOf(items),
      overdueNow: overdueCount(all.filter(match)),
    };
  };
  const committeeName = (code: string | null) => (code ? org.committees[code].name : UNNAMED);

  const byCommittee: ComplaintsSection['byCommittee'] = view.committees.map((code) => {
    const street = org.committees[code].streetCode;
    return { committeeId: org.committees[code].id, committeeName: org.committees[code].name, streetId: org.streets[street].id, streetName: org.streets[street].name, ...row((c) => c.committee === code) };
  });
  const byStreet: ComplaintsSection['byStreet'] = view.streets.map((code) => ({
    streetId: org.streets[code].id,
    streetName: org.streets[code].name,
    ...row((c) => c.street === code && view.has(c.committee)),
  }));
  if (view.includesOutside) {
    byCommittee.push({ committeeId: null, committeeName: UNNAMED, streetId: null, streetName: UNNAMED, ...row((c) => c.committee === null) });
    byStreet.push({ streetId: null, streetName: UNNAMED, ...row((c) => c.committee === null) });
  }

  const worstOverdue = all
    .map((c) => ({ c, due: overdueSince(c, now) }))
    .filter((x): x is { c: ComplaintState; due: number } => x.due !== undefined)
    .sort((a, b) => a.due - b.due || ids[a.c.ref].localeCompare(ids[b.c.ref]))
    .slice(0, 5)
    .map(({ c, due }) => ({
      id: ids[c.ref],
      // The contract does not say code or name; the BFF (and the page) give the catalogue's name, as shared categories.ts has it.
      category: c.category,
      categoryName: findCategory(c.category)?.name ?? c.category,
      address: c.address,
      status: c.status,
      committeeName: committeeName(c.committee),
      dueAt: new Date(due).toISOString(),
      hoursOverdue: round2((now.getTime() - due) / HOUR_MS),
      urgeCount: c.urgeCount,
    }));

  const openHotspots = [...model.hotspots.values()]
    .filter((h) => h.open && view.has(h.committee))
    .map((h) => ({ h, id: ids[`hotspot:${h.cell}`] ?? `(no id seen for cell ${h.cell})` }))
    .sort((a, b) => a.h.openedAt - b.h.openedAt || a.id.localeCompare(b.id))
    .map(({ h, id }) => ({
      id,
      cell: h.cell,
      center: h.center,
      committeeName: committeeName(h.committee),
      complaintsInWindow: h.complaintsInWindow,
      categories: h.categories,
      openedAt: new Date(h.openedAt).toISOString(),
    }));

  const closed = inWindow.filter((c) => c.status === 'closed' || (c.status === 'archived' && c.closedAt !== undefined));
  const firstTime = closed.filter((c) => c.reopenCount === 0).length;
  return {
    byWeek: Array.from({ length: OVERVIEW_WEEKS }, (_, w) => cohortOf(inWindow.filter((c) => weekOf(c) === w))),
    total: cohortOf(inWindow),
    overdueNow: overdueCount(all),
    byStreet,
    byCommittee,
    openHotspots,
    worstOverdue,
    firstTimeSuccess: { total: closed.length, firstTime, rate: rate(firstTime, closed.length), target: FIRST_TIME_SUCCESS_TARGET },
  };
}
