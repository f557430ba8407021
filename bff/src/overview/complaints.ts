import type { Types } from 'mongoose';
import { FIRST_TIME_SUCCESS_TARGET, findCategory, OVERVIEW_WEEKS, WEEK_MS, type ComplaintAreaRow } from '@sqtb/shared';
import { HOUR_MS } from '../core/clock';
import { ComplaintModel, DUE_FIELDS, HotspotModel, overdueFilter } from '../complaints/service';
import { addSums, cohortGroups, emptySums, toCohort, type CohortGroup, type CohortSums } from './complaint-cohorts';
import { committeeMatch, OUTSIDE_NAME, type OverviewScope } from './scope';
import { ratio, round2 } from '../core/stats';

const key = (id: Types.ObjectId | null | undefined) => (id ? String(id) : null);

/** Sums over a set of groups: per week, and the window as a whole. */
function seriesOf(groups: CohortGroup[]) {
  const weeks = Array.from({ length: OVERVIEW_WEEKS }, emptySums);
  const total = emptySums();
  for (const g of groups) {
    addSums(weeks[g.week], g);
    addSums(total, g);
  }
  return { weeks: weeks.map(toCohort), total: toCohort(total), sums: total };
}

/** Overdue counts now, per committee (null: outside every area); each branch of the filter has its `{status, due}` index. */
async function overdueByCommittee(match: Record<string, unknown>, now: Date): Promise<Map<string | null, number>> {
  const overdue = await ComplaintModel.find({ ...match, ...overdueFilter(now) }, { committeeId: 1 }).lean();
  const counts = new Map<string | null, number>();
  for (const c of overdue) counts.set(key(c.committeeId), (counts.get(key(c.committeeId)) ?? 0) + 1);
  return counts;
}

/** The 5 longest past due: the 5 earliest per waiting step (indexed), merged. */
async function worstOverdue(match: Record<string, unknown>, now: Date, committeeName: (id: string | null) => string) {
  const perStep = await Promise.all(
    DUE_FIELDS.map(({ status, field }) =>
      ComplaintModel.find({ ...match, status, [field]: { $lt: now } }, { category: 1, address: 1, status: 1, committeeId: 1, urgeCount: 1, [field]: 1 })
        .sort({ [field]: 1, _id: 1 })
        .limit(5)
        .lean()
        .then((items) => items.map((c) => ({ c, dueAt: (c as unknown as Record<string, Date>)[field] }))),
    ),
  );
  return perStep
    .flat()
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || String(a.c._id).localeCompare(String(b.c._id)))
    .slice(0, 5)
    .map(({ c, dueAt }) => ({
      id: String(c._id),
      category: c.category,
      categoryName: findCategory(c.category)?.name ?? c.category,
      address: c.address,
      status: c.status,
      committeeName: committeeName(key(c.committeeId)),
      dueAt: dueAt.toISOString(),
      hoursOverdue: round2((now.getTime() - dueAt.getTime()) / HOUR_MS),
      urgeCount: c.urgeCount ?? 0,
    }));
}

async function openHotspots(scope: OverviewScope, committeeName: (id: string | null) => string) {
  const filter: Record<string, unknown> = { openCell: { $exists: true }, ...committeeMatch(scope) };
  const hotspots = await HotspotModel.find(filter).sort({ openedAt: 1, _id: 1 }).lean();
  return hotspots.map((h) => ({
    id: String(h._id),
    cell: h.cell,
    center: { lat: h.center!.lat, lng: h.center!.lng },
    committeeName: committeeName(key(h.committeeId)),
    complaintsInWindow: h.complaintsInWindow,
    categories: h.categories,
    openedAt: h.openedAt.toISOString(),
  }));
}

/** The complaints part of the overview: weekly cohorts per committee and street, overdue, hotspots, first-time success. */
export async function complaintsOverview(scope: OverviewScope, windowStart: Date, now: Date) {
  const match = committeeMatch(scope);
  const windowEnd = new Date(windowStart.getTime() + OVERVIEW_WEEKS * WEEK_MS);
  const [groups, overdue] = await Promise.all([cohortGroups(match, windowStart, windowEnd, WEEK_MS), overdueByCommittee(match, now)]);

  const names = new Map<string | null, string>(scope.committees.map((c) => [String(c.id), c.name]));
  const committeeName = (id: string | null) => (id === null ? OUTSIDE_NAME : (names.get(id) ?? '（已撤销的居委）'));
  const groupsOf = (ids: Array<string | null>) => groups.filter((g) => ids.includes(key(g.committeeId)));
  const overdueOf = (ids: Array<string | null>) => ids.reduce((n, id) => n + (overdue.get(id) ?? 0), 0);

  const byCommittee: ComplaintAreaRow[] = scope.committees.map((c) => {
    const street = scope.streets.find((s) => s.id.equals(c.streetId));
    return { committeeId: String(c.id), committeeName: c.name, streetId: street ? String(street.id) : null, streetName: street?.name ?? '', ...rowFigures([String(c.id)]) };
  });
  const byStreet: Array<Omit<ComplaintAreaRow, 'committeeId' | 'committeeName'>> = scope.streets.map((s) => {
    const ids = scope.committees.filter((c) => c.streetId.equals(s.id)).map((c) => String(c.id));
    return { streetId: String(s.id), streetName: s.name, ...rowFigures(ids) };
  });
  if (scope.includesOutside) {
    byCommittee.push({ committeeId: null, committeeName: OUTSIDE_NAME, streetId: null, streetName: '', ...rowFigures([null]) });
    byStreet.push({ streetId: null, streetName: OUTSIDE_NAME, ...rowFigures([null]) });
  }
  function rowFigures(ids: Array<string | null>) {
    const { weeks, total } = seriesOf(groupsOf(ids));
    return { weeks, total, overdueNow: overdueOf(ids) };
  }

  const all = seriesOf(groups);
  const sums: CohortSums = all.sums;
  return {
    byWeek: all.weeks,
    total: all.total,
    overdueNow: [...overdue.values()].reduce((n, v) => n + v, 0),
    byStreet,
    byCommittee,
    openHotspots: await openHotspots(scope, committeeName),
    worstOverdue: await worstOverdue(match, now, committeeName),
    firstTimeSuccess: { total: sums.closed, firstTime: sums.firstTimeClosed, rate: ratio(sums.firstTimeClosed, sums.closed), target: FIRST_TIME_SUCCESS_TARGET },
  };
}
