import { Types } from 'mongoose';
import type { OverviewQuery } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { viewedArea } from '../core/viewer-scope';
import { Committee, Street } from '../org/org.model';

export interface OrgRef {
  id: Types.ObjectId;
  name: string;
}

/** What one viewer's overview covers: the committees (and streets) in it, and whether it is the whole district. */
export interface OverviewScope {
  level: 'district' | 'street' | 'committee';
  id: string | null;
  name: string;
  committees: Array<OrgRef & { streetId: Types.ObjectId }>;
  streets: OrgRef[];
  /** True at district level: matters outside every committee's area are in scope too. */
  includesOutside: boolean;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh');

/** The area the viewer sees (core/viewer-scope.ts), with its committees and streets by name. */
export async function resolveScope(user: AuthUser, query: OverviewQuery): Promise<OverviewScope> {
  const [allCommittees, allStreets] = await Promise.all([Committee.find({}, { name: 1, streetId: 1 }).lean(), Street.find({}, { name: 1 }).lean()]);
  const committees = allCommittees.map((c) => ({ id: c._id, name: c.name, streetId: c.streetId })).sort(byName);
  const streets = allStreets.map((s) => ({ id: s._id, name: s.name })).sort(byName);

  const area = viewedArea(user, query);
  if ('committeeId' in area) {
    const committee = committees.find((c) => String(c.id) === area.committeeId);
    if (!committee) throw new AppError('NOT_FOUND', 'No such committee');
    return { level: 'committee', id: area.committeeId, name: committee.name, committees: [committee], streets: streets.filter((s) => s.id.equals(committee.streetId)), includesOutside: false };
  }
  if ('streetId' in area) {
    const street = streets.find((s) => String(s.id) === area.streetId);
    if (!street) throw new AppError('NOT_FOUND', 'No such street');
    return { level: 'street', id: area.streetId, name: street.name, committees: committees.filter((c) => c.streetId.equals(street.id)), streets: [street], includesOutside: false };
  }
  return { level: 'district', id: null, name: '全区', committees, streets, includesOutside: true };
}

/** The filter on a record's `committeeId` for this scope. */
export function committeeMatch(scope: OverviewScope): Record<string, unknown> {
  const ids = scope.committees.map((c) => c.id);
  return scope.includesOutside ? {} : { committeeId: { $in: ids } };
}

export const OUTSIDE_NAME = '（区直管：不在任何居委范围内）';
