import { Types } from 'mongoose';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { viewedArea } from '../core/viewer-scope';
import { Committee, Street } from '../org/org.model';
import { HotspotModel } from './hotspot.model';
import { ComplaintModel } from './complaint.model';
import { overdueFilter } from './filters';
import { median, ratio } from '../core/stats';

export interface DashboardFilter {
  streetId?: string;
  committeeId?: string;
  category?: string;
  from?: Date;
  to?: Date;
}

export interface ComplaintFigures {
  total: number;
  byStatus: Record<ComplaintStatus, number>;
  overdueNow: number;
  /** Share of resolutions made by their deadline; null when nothing was resolved yet. */
  onTimeRate: number | null;
  /** Share of satisfied ratings (shared `isSatisfied`) among all ratings given. */
  satisfactionRate: number | null;
  /** Share of resolved matters sent back at least once by a 1–2 star rating. */
  reopenRate: number | null;
  medianHoursToDispatch: number | null;
}

export interface CommitteeRow extends ComplaintFigures {
  committeeId: string | null;
  committeeName: string;
  streetName: string;
}

/** The match for a viewer: the area they see (core/viewer-scope.ts), narrowed by category and dates. */
function matchFor(user: AuthUser, filter: DashboardFilter): Record<string, unknown> {
  const match: Record<string, unknown> = {};
  const area = viewedArea(user, filter);
  if ('committeeId' in area) match.committeeId = new Types.ObjectId(area.committeeId);
  else if ('streetId' in area) match.streetId = new Types.ObjectId(area.streetId);
  if (filter.category) match.category = filter.category;
  if (filter.from || filter.to) match.createdAt = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
  return match;
}

/** Counts by committee in one aggregation; medians from the dispatch times. */
async function figuresByCommittee(match: Record<string, unknown>, now: Date) {
  const statusSums = Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, { $sum: { $cond: [{ $eq: ['$status', s] }, 1, 0] } }]));
  const groups = await ComplaintModel.aggregate<Record<string, number> & { _id: Types.ObjectId | null }>([
    { $match: match },
    {
      $group: {
        _id: '$committeeId',
        total: { $sum: 1 },
        ...statusSums,
        resolutions: { $sum: '$resolutions' },
        lateResolutions: { $sum: '$lateResolutions' },
        ratingCount: { $sum: '$ratingCount' },
        satisfiedCount: { $sum: '$satisfiedCount' },
        everResolved: { $sum: { $cond: [{ $gt: ['$resolutions', 0] }, 1, 0] } },
        reopened: { $sum: { $cond: [{ $gt: ['$reopenCount', 0] }, 1, 0] } },
      },
    },
  ]);
  const overdue = await ComplaintModel.aggregate<{ _id: Types.ObjectId | null; n: number }>([
    { $match: { ...match, ...overdueFilter(now) } },
    { $group: { _id: '$committeeId', n: { $sum: 1 } } },
  ]);
  const dispatched = await ComplaintModel.find({ ...match, firstDispatchedAt: { $exists: true } }, { committeeId: 1, createdAt: 1, firstDispatchedAt: 1 }).lean();
  return { groups, overdue, dispatched };
}

function toFigures(g: Record<string, number> | undefined, overdueNow: number, hoursToDispatch: number[]): ComplaintFigures {
  const get = (k: string) => g?.[k] ?? 0;
  return {
    total: get('total'),
    byStatus: Object.fromEntries(COMPLAINT_STATUSES.map((s) => [s, get(s)])) as Record<ComplaintStatus, number>,
    overdueNow,
    onTimeRate: ratio(get('resolutions') - get('lateResolutions'), get('resolutions')),
    satisfactionRate: ratio(get('satisfiedCount'), get('ratingCount')),
    reopenRate: ratio(get('reopened'), get('everResolved')),
    medianHoursToDispatch: median(hoursToDispatch),
  };
}

function sumGroups(groups: Array<Record<string, number>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const g of groups) for (const [k, v] of Object.entries(g)) if (typeof v === 'number') total[k] = (total[k] ?? 0) + v;
  return total;
}

export async function complaintDashboard(user: AuthUser, filter: DashboardFilter, now: Date) {
  const match = matchFor(user, filter);
  const { groups, overdue, dispatched } = await figuresByCommittee(match, now);
  const hours = (d: { createdAt: Date; firstDispatchedAt?: Date | null }) => (d.firstDispatchedAt!.getTime() - d.createdAt.getTime()) / 3_600_000;

  const [committees, streets] = await Promise.all([Committee.find().lean(), Street.find().lean()]);
  const rows: CommitteeRow[] = groups.map((g) => {
    const key = g._id ? String(g._id) : null;
    const committee = committees.find((c) => String(c._id) === key);
    const street = committee && streets.find((s) => String(s._id) === String(committee.streetId));
    return {
      committeeId: key,
      committeeName: committee?.name ?? '（区直管：不在任何居委范围内）',
      streetName: street?.name ?? '',
      ...toFigures(
        g,
        overdue.find((o) => (o._id ? String(o._id) : null) === key)?.n ?? 0,
        dispatched.filter((d) => (d.committeeId ? String(d.committeeId) : null) === key).map(hours),
      ),
    };
  });
  rows.sort((a, b) => a.committeeName.localeCompare(b.committeeName, 'zh'));

  const hotspotFilter: Record<string, unknown> = { openCell: { $exists: true } };
  if (match.committeeId) hotspotFilter.committeeId = match.committeeId;
  return {
    generatedAt: now.toISOString(),
    ...toFigures(sumGroups(groups), overdue.reduce((n, o) => n + o.n, 0), dispatched.map(hours)),
    openHotspots: await HotspotModel.countDocuments(hotspotFilter),
    byCommittee: rows,
  };
}
