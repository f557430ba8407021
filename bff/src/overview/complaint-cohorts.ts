import type { Types } from 'mongoose';
import type { ComplaintCohort } from '@sqtb/shared';
import { HOUR_MS } from '../core/clock';
import { ComplaintModel } from '../complaints/model';
import { median, ratio } from './stats';

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

// `$gt: [field, null]` would do on MongoDB, but not every engine orders dates above null; this works on all.
const isSet = (field: string) => ({ $ne: [{ $ifNull: [field, null] }, null] });
const flag = (condition: unknown) => ({ $cond: [condition, 1, 0] });
const hoursSince = (field: string) => ({ $divide: [{ $subtract: [field, '$createdAt'] }, HOUR_MS] });

/**
 * One aggregation: the complaints received in the window, grouped by
 * committee and week, summed. Hours are pushed as arrays (null where the step
 * has not happened) because medians need every value.
 */
export async function cohortGroups(match: Record<string, unknown>, windowStart: Date, windowEnd: Date, weekMs: number): Promise<CohortGroup[]> {
  const resolvedNow = { $in: ['$status', ['resolved', 'closed', 'archived']] };
  const rows = await ComplaintModel.aggregate<Record<string, unknown>>([
    { $match: { ...match, createdAt: { $gte: windowStart, $lt: windowEnd } } },
    {
      $project: {
        committeeId: 1,
        week: { $floor: { $divide: [{ $subtract: ['$createdAt', windowStart] }, weekMs] } },
        closed: flag(isSet('$closedAt')),
        firstTimeClosed: flag({ $and: [isSet('$closedAt'), { $eq: ['$reopenCount', 0] }] }),
        resolutions: '$resolutions',
        lateResolutions: '$lateResolutions',
        ratings: '$ratingCount',
        satisfiedRatings: '$satisfiedCount',
        everResolved: flag({ $gt: ['$resolutions', 0] }),
        reopened: flag({ $gt: ['$reopenCount', 0] }),
        hoursToDispatch: { $cond: [isSet('$firstDispatchedAt'), hoursSince('$firstDispatchedAt'), null] },
        hoursToResolution: { $cond: [{ $and: [resolvedNow, isSet('$resolvedAt')] }, hoursSince('$resolvedAt'), null] },
      },
    },
    {
      $group: {
        _id: { committeeId: '$committeeId', week: '$week' },
        received: { $sum: 1 },
        ...Object.fromEntries(SUM_FIELDS.filter((f) => f !== 'received').map((f) => [f, { $sum: `$${f}` }])),
        hoursToDispatch: { $push: '$hoursToDispatch' },
        hoursToResolution: { $push: '$hoursToResolution' },
      },
    },
  ]);
  return rows.map((row) => {
    const id = row._id as { committeeId?: Types.ObjectId | null; week: number };
    const numbers = (key: string) => ((row[key] as Array<number | null>) ?? []).filter((h): h is number => typeof h === 'number');
    return {
      committeeId: id.committeeId ?? null,
      week: Number(id.week),
      ...(Object.fromEntries(SUM_FIELDS.map((f) => [f, Number(row[f] ?? 0)])) as Record<(typeof SUM_FIELDS)[number], number>),
      hoursToDispatch: numbers('hoursToDispatch'),
      hoursToResolution: numbers('hoursToResolution'),
    };
  });
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
