import type { Role, Scope } from '@sqtb/shared';

/**
 * The caller, as every service sees it once the token has been checked: the
 * whole user, read once per request by authentication (so /api/me reads nothing more).
 */
export interface AuthUser {
  id: string;
  role: Role;
  displayName: string;
  scope: Scope;
  registered: boolean;
  /** Set when the request comes from a computer signed in by scanning a QR code (desktop-sign-in.ts). */
  desktopSessionId?: string;
}
