import type { LatLng, Role, Scope } from '@sqtb/shared';
import type { CodeStateRecord } from '../health-code/code-state';

export interface ApprovedHousehold {
  addressKey: string;
  committeeId: string;
  location: LatLng;
}

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
  /** The approved household, when the account has one on the user record (see user.model.ts). */
  household?: ApprovedHousehold;
  /** A resident's stored health code as authentication read it with the user (health-code/code-state.ts); absent before a first code. */
  healthCode?: CodeStateRecord;
  /** Set when the request comes from a computer signed in by scanning a QR code (desktop-sign-in.ts). */
  desktopSessionId?: string;
}
