import type { PlaceKind } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import type { PlaceRecord } from './place.model';

/**
 * Who runs a place: an enterprise user the place of `scope.enterpriseId`, a
 * pharmacy user that of `scope.pharmacyId`, a cadre their committee's service
 * station. District staff see every place but run none.
 */
function placeRefOf(user: AuthUser): { kind: PlaceKind; refId: string } | undefined {
  const [kind, refId] =
    user.role === 'enterprise' ? ['enterprise' as const, user.scope.enterpriseId]
    : user.role === 'pharmacy' ? ['pharmacy' as const, user.scope.pharmacyId]
    : user.role === 'cadre' ? ['service_station' as const, user.scope.committeeId]
    : [undefined, undefined];
  return kind && refId ? { kind, refId } : undefined;
}

/** The place this user runs; FORBIDDEN for an account that runs none. */
export function managedRef(user: AuthUser): { kind: PlaceKind; refId: string } {
  const ref = placeRefOf(user);
  if (!ref) throw new AppError('FORBIDDEN', 'Your account runs no place');
  return ref;
}

/** Whether this user runs this place. */
export function runsPlace(user: AuthUser, place: Pick<PlaceRecord, 'kind' | 'refId'>): boolean {
  const ref = placeRefOf(user);
  return !!ref && ref.kind === place.kind && ref.refId === String(place.refId);
}
