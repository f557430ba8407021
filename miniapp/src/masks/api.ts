import type {
  LatLng,
  NearbyPharmacies,
  RegistrationBody,
  RegistrationForReview,
  RegistrationList,
  RegistrationStatus,
  RegistrationView,
  ReservationList,
  ReservationStatus,
  ReservationView,
  ReserveBody,
  StockView,
} from '@sqtb/shared';
import { isApiError } from '../core/api-error';
import { request } from '../core/request';

/** My household's registration, or null when I have not registered yet (the BFF answers 404). */
export async function fetchMyRegistration(): Promise<RegistrationView | null> {
  try {
    return await request<RegistrationView>('/api/residents/registration');
  } catch (caught) {
    if (isApiError(caught) && caught.status === 404) return null;
    throw caught;
  }
}

export const register = (body: RegistrationBody) =>
  request<RegistrationView>('/api/residents/registration', { method: 'POST', data: { ...body } });

export const fetchPharmacies = (at: LatLng) =>
  request<NearbyPharmacies>('/api/pharmacies', { data: { lat: at.lat, lng: at.lng } });

/** `key` names this reservation attempt: a retry with the same key gets the same reservation back. */
export const reserveMasks = (body: ReserveBody, key: string) =>
  request<ReservationView>('/api/mask-reservations', { method: 'POST', data: { ...body }, header: { 'Idempotency-Key': key } });

export const fetchMyReservations = async (): Promise<ReservationView[]> => (await request<ReservationList>('/api/mask-reservations/mine')).items;

/** Staff lists (cadre: own committee, pharmacy: own pharmacy); never carry pickup codes. */
export const listReservations = async (status?: ReservationStatus): Promise<ReservationView[]> =>
  (await request<ReservationList>('/api/mask-reservations', { data: { status } })).items;

export const reviewReservation = (id: string, approve: boolean) =>
  request<ReservationView>(`/api/mask-reservations/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, { method: 'POST', data: {} });

/** Cadres see the household's full phone number to call them back. */
export const listRegistrations = async (status?: RegistrationStatus): Promise<RegistrationForReview[]> =>
  (await request<RegistrationList>('/api/residents/registrations', { data: { status } })).items;

export const reviewRegistration = (id: string, approve: boolean, reason?: string) =>
  request<RegistrationForReview>(`/api/residents/registrations/${encodeURIComponent(id)}/${approve ? 'approve' : 'reject'}`, {
    method: 'POST',
    data: reason ? { reason } : {},
  });

export const redeemCode = (pickupCode: string) =>
  request<ReservationView>('/api/mask-reservations/redeem', { method: 'POST', data: { pickupCode } });

export const addStock = (pharmacyId: string, quantity: number) =>
  request<StockView>(`/api/pharmacies/${encodeURIComponent(pharmacyId)}/stock`, { method: 'POST', data: { quantity } });

export const setSoldOut = (pharmacyId: string, soldOut: boolean) =>
  request<StockView>(`/api/pharmacies/${encodeURIComponent(pharmacyId)}/sold-out`, { method: 'POST', data: { soldOut } });
