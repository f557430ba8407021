import type { AuthUser } from '../accounts/auth-user';
import { AppError } from './app-error';

/**
 * Who sees which part of the district, written once for every list and
 * dashboard: a cadre is held to their own committee and a handler to their own
 * unit, whatever they ask for; district staff see the whole district, or the
 * committee or street they pick.
 */

/** The committee a cadre works for; FORBIDDEN for a cadre attached to none. */
export function ownCommittee(user: AuthUser): string {
  if (!user.scope.committeeId) throw new AppError('FORBIDDEN', 'You are not attached to a committee');
  return user.scope.committeeId;
}

/** The handling unit a handler works for; FORBIDDEN for a handler attached to none. */
export function ownUnit(user: AuthUser): string {
  if (!user.scope.unitId) throw new AppError('FORBIDDEN', 'You are not attached to a handling unit');
  return user.scope.unitId;
}

/** The part of the district a dashboard shows its viewer. */
export type ViewedArea = { committeeId: string } | { streetId: string } | { district: true };

/** A cadre sees their own committee whatever they ask; district staff the committee or street they ask for, else the district. */
export function viewedArea(user: AuthUser, asked: { committeeId?: string; streetId?: string } = {}): ViewedArea {
  if (user.role === 'cadre') return { committeeId: ownCommittee(user) };
  if (asked.committeeId) return { committeeId: asked.committeeId };
  if (asked.streetId) return { streetId: asked.streetId };
  return { district: true };
}
