import type { CandidateDecisionReply, ContactCandidates, MyPlace, MyVisits, PlaceLookup, PlaceVisits, VisitReply } from '@sqtb/shared';
import { request } from '../core/request';

/** The place an enterprise or pharmacy manages, with the token its poster carries (404 until a filing is approved). */
export const fetchMyPlace = () => request<MyPlace>('/api/places/mine');

/** A resident scans in: the gate card's content. A second scan within the hour answers the same visit. */
export const scanIn = (placeToken: string) => request<VisitReply>('/api/visits', { method: 'POST', data: { placeToken } });

/** One Shanghai day's visitors of a place (today when `date` is left out). */
export const fetchPlaceVisits = (placeId: string, date?: string) =>
  request<PlaceVisits>(`/api/places/${encodeURIComponent(placeId)}/visits`, { data: { date } });

export const fetchMyVisits = () => request<MyVisits>('/api/me/visits');

export const lookupPlaces = (q: string) => request<PlaceLookup>('/api/places/lookup', { data: { q } });
/** The place a scanned code names; no visit is recorded. */
export const lookupPlaceCode = (placeToken: string) => request<PlaceLookup>('/api/places/lookup-code', { method: 'POST', data: { placeToken } });

export const fetchContactCandidates = (caseId: string) =>
  request<ContactCandidates>(`/api/health/cases/${encodeURIComponent(caseId)}/contact-candidates`);

export type CandidateDecisionKind = 'confirm' | 'dismiss';
export const decideCandidates = (caseId: string, kind: CandidateDecisionKind, userIds: string[]) =>
  request<CandidateDecisionReply>(`/api/health/cases/${encodeURIComponent(caseId)}/contact-candidates/${kind}`, { method: 'POST', data: { userIds } });
