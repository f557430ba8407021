import type { Types } from 'mongoose';
import { FIRST_TIME_SUCCESS_TARGET, findCategory, OVERVIEW_WEEKS, type ComplaintAreaRow } from '@sqtb/shared';
import { HOUR_MS } from '../core/clock';
import { HotspotModel, overdueAt, readRollups, type RollupView, type WaitEntry } from '../complaints/service';
import { addSums, emptySums, toCohort, type CohortSums } from './complaint-cohorts';
import { committeeMatch, OUTSIDE_NAME, type OverviewScope } from './scope';
import { ratio, round2 } from '../core/stats';

const key = (id: Types.ObjectId | null | undefined) => (id ? String(id) : null);

/** Sums over a set of rollups: per week shown, and those weeks as a whole. */
function seriesOf(rollups: RollupView[], weeks: string[]) {
  const byWeek = Array.from({ length: OVERVIEW_WEEKS }, emptySums);
  const total = emptySums();
  for (const r of rollups) {
    const week = weeks.indexOf(r.week);
    if (week < 0) continue; // an older week, read for its waiting matters only
    addSums(byWeek[week], r);
    addSums(total, r);
  }
  return { weeks: byWeek.map(toCohort), total: toCohort(total), sums: total };
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

/**
 * The complaints part of the overview, from the complaint rollups (complaints/rollup.ts):
 * weekly cohorts per committee and street, red lights now, the longest past due, hotspots
 * and first-time success. Two reads whatever the number of complaints: the rollups of the
 * weeks shown (and of older weeks still holding waiting matters), and the open hotspots.
 */
export async function complaintsOverview(scope: OverviewScope, weeks: string[], now: Date) {
  const names = new Map<string | null, string>(scope.committees.map((c) => [String(c.id), c.name]));
  const committeeName = (id: string | null) => (id === null ? OUTSIDE_NAME : (names.get(id) ?? '（已撤销的居委）'));
  const [rollups, hotspots] = await Promise.all([readRollups(weeks, scope.includesOutside ? undefined : scope.committees.map((c) => c.id)), openHotspots(scope, committeeName)]);
  const rollupsOf = (ids: Array<string | null>) => rollups.filter((r) => ids.includes(key(r.committeeId)));

  const overdue = new Map<string | null, number>();
  const pastDue: Array<{ w: WaitEntry; committeeId: string | null }> = [];
  for (const r of rollups) {
    const { count, earliest } = overdueAt(r, now);
    overdue.set(key(r.committeeId), (overdue.get(key(r.committeeId)) ?? 0) + count);
    for (const w of earliest) pastDue.push({ w, committeeId: key(r.committeeId) });
  }
  const overdueOf = (ids: Array<string | null>) => ids.reduce((n, id) => n + (overdue.get(id) ?? 0), 0);

  function rowFigures(ids: Array<string | null>) {
    const { weeks: series, total } = seriesOf(rollupsOf(ids), weeks);
    return { weeks: series, total, overdueNow: overdueOf(ids) };
  }
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

  const all = seriesOf(rollups, weeks);
  const sums: CohortSums = all.sums;
  const worstOverdue = pastDue
    .sort((a, b) => a.w.due.getTime() - b.w.due.getTime() || a.w.c.localeCompare(b.w.c))
    .slice(0, 5)
    .map(({ w, committeeId }) => ({
      id: w.c,
      category: w.category,
      categoryName: findCategory(w.category)?.name ?? w.category,
      address: w.address,
      status: w.s,
      committeeName: committeeName(committeeId),
      dueAt: w.due.toISOString(),
      hoursOverdue: round2((now.getTime() - w.due.getTime()) / HOUR_MS),
      urgeCount: w.urgeCount,
    }));
  return {
    byWeek: all.weeks,
    total: all.total,
    overdueNow: [...overdue.values()].reduce((n, v) => n + v, 0),
    byStreet,
    byCommittee,
    openHotspots: hotspots,
    worstOverdue,
    firstTimeSuccess: { total: sums.closed, firstTime: sums.firstTimeClosed, rate: ratio(sums.firstTimeClosed, sums.closed), target: FIRST_TIME_SUCCESS_TARGET },
  };
}
