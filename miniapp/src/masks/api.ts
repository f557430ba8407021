import type { registrationBodySchema, registrationViewSchema, ReservationStatus, ReservationView } from '@sqtb/shared';
import { isApiError } from '../core/api-error';
import { request } from '../core/request';

export type RegistrationBody = ReturnType<typeof registrationBodySchema.parse>;
export type Registration = ReturnType<typeof registrationViewSchema.parse>;
/** Cadres see the household's full phone number to call them back. */
export type RegistrationForReview = Registration & { phone?: string };
export type RegistrationStatus = Registration['status'];
export type { ReservationView };

// The BFF declares these reply shapes in its routes, not in shared/: mirrored here.
export interface PharmacyStock {
  available: number;
  total: number;
  soldOut: boolean;
  updatedAt: string;
}
export interface NearbyPharmacy {
  id: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
  distanceMeters: number;
  /** Null when the pharmacy has no stock in the open round. */
  stock: PharmacyStock | null;
}
export interface NearbyPharmacies {
  /** Null when no round is open. */
  roundId: string | null;
  items: NearbyPharmacy[];
}

/** My household's registration, or null when I have not registered yet (the BFF answers 404). */
export async function fetchMyRegistration(): Promise<Registration | null> {
  try {
    return await request<Registration>('/api/residents/registration');
  } catch (caught) {
    if (isApiError(caught) && caught.status === 404) return null;
    throw caught;
  }
}

export const register = (body: RegistrationBody) =>
  request<Registration>('/api/residents/registration', { method: 'POST', data: { ...body } });

export const fetchPharmacies = (at: { lat: number; lng: number }) =>
  request<NearbyPharmacies>('/api/pharmacies', { data: { lat: at.lat, lng: at.lng } });

/** `key` names this reservation attempt: a retry with the same key gets the same reservation back. */
export const reserveMasks = (body: { roundId?: string; pharmacyId?: string }, key: string) =>
  request<ReservationView>('/api/mask-reservations', { method: 'POST', data: { ...body }, header: { 'Idempotency-Key': key } });

export const fetchMyReservations = async (): Promise<ReservationView[]> =>
  (await request<{ items: ReservationView[] }>('/api/mask-reservations/mine')).items;

/** Staff lists (cadre: own committee, pharmacy: own pharmacy); never carry pickup codes. */
export const listReservations = async (status?: ReservationStatus): Promise<ReservationView[]> =>
  (await request<{ items: ReservationView[] }>('/api/mask-reservations', { data: { status } })).items;

export const reviewReservation = (id: string, approve: boolean) =>
  request<ReservationView>(`/api/mask-reservations/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, { method: 'POST', data: {} });

export const listRegistrations = async (status?: RegistrationStatus): Promise<RegistrationForReview[]> =>
  (await request<{ items: RegistrationForReview[] }>('/api/residents/registrations', { data: { status } })).items;

export const reviewRegistration = (id: string, approve: boolean, reason?: string) =>
  request<RegistrationForReview>(`/api/residents/registrations/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, {
    method: 'POST',
    data: reason ? { reason } : {},
  });

export const redeemCode = (pickupCode: string) =>
  request<ReservationView>('/api/mask-reservations/redeem', { method: 'POST', data: { pickupCode } });

export const addStock = (pharmacyId: string, quantity: number) =>
  request<PharmacyStock>(`/api/pharmacies/${encodeURIComponent(pharmacyId)}/stock`, { method: 'POST', data: { quantity } });

export const setSoldOut = (pharmacyId: string, soldOut: boolean) =>
  request<PharmacyStock>(`/api/pharmacies/${encodeURIComponent(pharmacyId)}/sold-out`, { method: 'POST', data: { soldOut } });
