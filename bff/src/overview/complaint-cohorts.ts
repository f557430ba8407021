import type { ComplaintCohort } from '@sqtb/shared';
import { HOUR_MS } from '../core/clock';
import type { Histogram, RollupView } from '../complaints/service';
import { ratio, round2 } from '../core/stats';

/** The sums of one group of complaints: counters, and the histograms its medians are read from. */
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
  /** Duration in ms → how many complaints took exactly that long (complaints/rollup.ts). */
  toDispatch: Map<number, number>;
  toResolution: Map<number, number>;
}

const SUM_FIELDS = ['received', 'closed', 'resolutions', 'lateResolutions', 'ratings', 'satisfiedRatings', 'everResolved', 'reopened', 'firstTimeClosed'] as const;

export function emptySums(): CohortSums {
  return { received: 0, closed: 0, resolutions: 0, lateResolutions: 0, ratings: 0, satisfiedRatings: 0, everResolved: 0, reopened: 0, firstTimeClosed: 0, toDispatch: new Map(), toResolution: new Map() };
}

function addHistogram(into: Map<number, number>, from: Map<number, number> | Histogram) {
  const entries = from instanceof Map ? from.entries() : Object.entries(from).map(([ms, n]) => [Number(ms), n] as const);
  for (const [ms, n] of entries) if (n > 0) into.set(ms, (into.get(ms) ?? 0) + n);
}

/** Adds one rollup (a committee's week) or another group's sums. */
export function addSums(into: CohortSums, from: CohortSums | RollupView): CohortSums {
  const counts = 'counts' in from ? from.counts : from;
  for (const f of SUM_FIELDS) into[f] += counts[f] ?? 0;
  addHistogram(into.toDispatch, from.toDispatch);
  addHistogram(into.toResolution, from.toResolution);
  return into;
}

/**
 * The median of the values a histogram counts, in hours to 2 places (the mean of
 * the two middle values for an even count, as core/stats.ts `median`); null when
 * empty. Each value is its exact duration, so this is the median of the values.
 */
export function medianHours(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const at = (index: number) => {
    let seen = 0;
    for (const [ms, n] of sorted) {
      seen += n;
      if (index < seen) return ms / HOUR_MS;
    }
    throw new Error('index beyond the histogram');
  };
  const mid = Math.floor(total / 2);
  return round2(total % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2);
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
    medianHoursToDispatch: medianHours(s.toDispatch),
    medianHoursToResolution: medianHours(s.toResolution),
  };
}
