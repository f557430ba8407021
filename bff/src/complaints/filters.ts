import { Types } from 'mongoose';
import { endOfShanghaiDay, type ListComplaintsQuery } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { ownCommittee, ownUnit } from '../core/viewer-scope';

/** The queries that pick complaints: who may list which, what a list asks for, which are overdue. */

/** What each role may list: their own reports, their committee, their unit's matters, or everything. */
function scopeFilter(user: AuthUser): Record<string, unknown> {
  switch (user.role) {
    case 'resident':
      return { reporterId: new Types.ObjectId(user.id) };
    case 'cadre':
      return { committeeId: new Types.ObjectId(ownCommittee(user)) };
    case 'handler':
      return { unitId: new Types.ObjectId(ownUnit(user)) };
    case 'district':
      return {};
    default:
      throw new AppError('FORBIDDEN', 'Complaints are not open to this role');
  }
}

/** The step a matter waits on in each open status, and the field holding when it was due. */
export const DUE_FIELDS = [
  { status: 'submitted', field: 'acceptBy' },
  { status: 'accepted', field: 'dispatchBy' },
  { status: 'dispatched', field: 'deadline' },
] as const;

/** Matters whose red light is on at `now` (see shared sla.ts). */
export function overdueFilter(now: Date): { $or: Record<string, unknown>[] } {
  return { $or: DUE_FIELDS.map(({ status, field }) => ({ status, [field]: { $lt: now } })) };
}

/** A list's query as a filter, inside what the user may list; only district staff pick a committee, a street or the matters outside every area. */
export function listFilter(user: AuthUser, query: ListComplaintsQuery, now: Date): Record<string, unknown> {
  const filter: Record<string, unknown> = { ...scopeFilter(user) };
  if (query.status) filter.status = query.status;
  if (query.category) filter.category = query.category;
  if (query.committeeId && user.role === 'district') filter.committeeId = new Types.ObjectId(query.committeeId);
  if (query.streetId && user.role === 'district') filter.streetId = new Types.ObjectId(query.streetId);
  if (query.outside && user.role === 'district') filter.committeeId = { $exists: false };
  if (query.closed) filter.closedAt = { $exists: query.closed === 'true' };
  if (query.receivedFrom || query.receivedTo)
    filter.createdAt = {
      ...(query.receivedFrom ? { $gte: new Date(`${query.receivedFrom}T00:00:00+08:00`) } : {}),
      ...(query.receivedTo ? { $lte: endOfShanghaiDay(query.receivedTo) } : {}),
    };
  if (query.overdue === 'true') Object.assign(filter, overdueFilter(now));
  if (query.overdue === 'false') filter.$nor = overdueFilter(now).$or;
  return filter;
}
