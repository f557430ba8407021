import type { NearbyPharmacies, OrgResponse, RegistrationView, ReservationStatus, ReservationView } from '@sqtb/shared';
import { useSignedInRequest } from '../accounts/use-signed-in-request';
import { useReloadOnShowAndPull } from '../core/page-events';
import { fetchOrg } from '../org/api';
import { fetchMyRegistration, fetchMyReservations, fetchPharmacies } from './api';
import { committeeCentre } from './registration-draft';

export interface ReservePageData {
  org: OrgResponse;
  /** Null until the household registers. */
  registration: RegistrationView | null;
  /** Pharmacies nearest the household's committee, with live stock (once registered). */
  pharmacies?: NearbyPharmacies;
  /** The reservation already made in the open round, if any. */
  current?: ReservationView;
}

/** Reservations that still hold the household's quota in their round. */
const HOLDS_QUOTA: readonly ReservationStatus[] = ['pending_review', 'applied', 'approved', 'redeemed'];

/**
 * Everything the reserve page shows. The registration view carries no location,
 * so pharmacies are ordered from the household's committee centre.
 */
export async function loadReservePage(): Promise<ReservePageData> {
  const [org, registration] = await Promise.all([fetchOrg(), fetchMyRegistration()]);
  if (!registration) return { org, registration };
  const centre = committeeCentre(org, registration.committeeId);
  if (!centre) return { org, registration };
  const [pharmacies, mine] = await Promise.all([fetchPharmacies(centre), fetchMyReservations()]);
  const current = mine.find((r) => r.roundId === pharmacies.roundId && HOLDS_QUOTA.includes(r.status));
  return { org, registration, pharmacies, current };
}

export function useReservePage() {
  const page = useSignedInRequest(loadReservePage);
  useReloadOnShowAndPull(page.run);
  return page;
}
