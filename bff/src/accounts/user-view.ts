import type { Scope, User } from '@sqtb/shared';
import type { UserRecord } from './user.model';

/** A stored user, as a mongoose document or as a plain (lean) read. */
type UserFields = Pick<UserRecord, '_id' | 'role' | 'displayName' | 'scope' | 'registered'>;

/** A stored user as the API shows it. */
export function toUser(user: UserFields): User {
  const scope: Scope = {};
  for (const key of ['streetId', 'committeeId', 'unitId', 'pharmacyId', 'enterpriseId'] as const) {
    const value = user.scope?.[key];
    if (value) scope[key] = String(value);
  }
  return { id: String(user._id), role: user.role, displayName: user.displayName, scope, registered: user.registered };
}
