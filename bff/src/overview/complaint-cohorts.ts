import type { Types } from 'mongoose';
import type { ComplaintCohort } from '@sqtb/shared';
import { HOUR_MS } from '../core/clock';
import { ComplaintModel } from '../complaints/service';
import { median, ratio } from '../core/stats';

/** The sums of one group of complaints, with the raw hours its medians need. */
export interface CohortSums {
  received: number;
  closed: number;
  resolutions: number;
  lateResolutions: number;
  ratings: number;
  satisfiedRatings: number;
  everResolved: number;
  reopened: number;
  firstTimeClosed: number;
  hoursToDispatch: number[];
  hoursToResolution: number[];
}

export interface CohortGroup extends CohortSums {
  committeeId: Types.ObjectId | null;
  /** 0 for the oldest of the overview's weeks. */
  week: number;
}

const SUM_FIELDS = ['received', 'closed', 'resolutions', 'lateResolutions', 'ratings', 'satisfiedRatings', 'everResolved', 'reopened', 'firstTimeClosed'] as const;

const RESOLVED_NOW = new Set(['resolved', 'closed', 'archived']);

/**
 * The complaints received in the window, grouped by committee and week and
 * summed in one pass. A projected find over the `{createdAt}` (or
 * `{committeeId, status, createdAt}`) index rather than an aggregation: on
 * the embedded engine the same $group took 6–10 s at 100,000 complaints
 * against 1.6 s for this (BENCHMARKS.md), and medians need every value anyway.
 */
export async function cohortGroups(match: Record<string, unknown>, windowStart: Date, windowEnd: Date, weekMs: number): Promise<CohortGroup[]> {
  const complaints = await ComplaintModel.find(
    { ...match, createdAt: { $gte: windowStart, $lt: windowEnd } },
    { committeeId: 1, createdAt: 1, status: 1, closedAt: 1, reopenCount: 1, resolutions: 1, lateResolutions: 1, ratingCount: 1, satisfiedCount: 1, firstDispatchedAt: 1, resolvedAt: 1 },
  ).lean();
  const groups = new Map<string, CohortGroup>();
  for (const c of complaints) {
    const week = Math.floor((c.createdAt!.getTime() - windowStart.getTime()) / weekMs);
    const id = `${String(c.committeeId ?? null)}/${week}`;
    const g = groups.get(id) ?? { committeeId: c.committeeId ?? null, week, ...emptySums() };
    groups.set(id, g);
    const closed = !!c.closedAt;
    g.received += 1;
    g.closed += closed ? 1 : 0;
    g.firstTimeClosed += closed && !c.reopenCount ? 1 : 0;
    g.resolutions += c.resolutions ?? 0;
    g.lateResolutions += c.lateResolutions ?? 0;
    g.ratings += c.ratingCount ?? 0;
    g.satisfiedRatings += c.satisfiedCount ?? 0;
    g.everResolved += (c.resolutions ?? 0) > 0 ? 1 : 0;
    g.reopened += (c.reopenCount ?? 0) > 0 ? 1 : 0;
    if (c.firstDispatchedAt) g.hoursToDispatch.push((c.firstDispatchedAt.getTime() - c.createdAt!.getTime()) / HOUR_MS);
    if (c.resolvedAt && RESOLVED_NOW.has(c.status)) g.hoursToResolution.push((c.resolvedAt.getTime() - c.createdAt!.getTime()) / HOUR_MS);
  }
  return [...groups.values()];
}

export function emptySums(): CohortSums {
  return { received: 0, closed: 0, resolutions: 0, lateResolutions: 0, ratings: 0, satisfiedRatings: 0, everResolved: 0, reopened: 0, firstTimeClosed: 0, hoursToDispatch: [], hoursToResolution: [] };
}

export function addSums(into: CohortSums, from: CohortSums): CohortSums {
  for (const f of SUM_FIELDS) into[f] += from[f];
  into.hoursToDispatch.push(...from.hoursToDispatch);
  into.hoursToResolution.push(...from.hoursToResolution);
  return into;
}

export function toCohort(s: CohortSums): ComplaintCohort {
  const onTime = s.resolutions - s.lateResolutions;
  return {
    received: s.received,
    closed: s.closed,
    resolutions: s.resolutions,
    onTimeResolutions: onTime,
    onTimeRate: ratio(onTime, s.resolutions),
    ratings: s.ratings,
    satisfiedRatings: s.satisfiedRatings,
    satisfactionRate: ratio(s.satisfiedRatings, s.ratings),
    everResolved: s.everResolved,
    reopened: s.reopened,
    reopenRate: ratio(s.reopened, s.everResolved),
    medianHoursToDispatch: median(s.hoursToDispatch),
    medianHoursToResolution: median(s.hoursToResolution),
  };
}
