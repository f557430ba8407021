import type { Role, Scope } from '@sqtb/shared';

/** The caller, as every service sees it once the token has been checked. */
export interface AuthUser {
  id: string;
  role: Role;
  displayName: string;
  scope: Scope;
}
