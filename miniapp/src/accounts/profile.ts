import type { User } from '@sqtb/shared';
import { fetchOrg } from '../org/api';
import { fetchMe } from './api';
import { describeScope, type ScopeLine } from './scope-names';

export interface Profile {
  user: User;
  scope: ScopeLine[];
}

export async function loadProfile(): Promise<Profile> {
  const [user, org] = await Promise.all([fetchMe(), fetchOrg()]);
  return { user, scope: describeScope(user.scope, org) };
}

/** What to say when a user has no scope yet. */
export const noScopeText = (user: User) =>
  user.role === 'resident' && !user.registered ? '尚未登记所属居委会' : '暂无所属单位';
