import type { CreateInspection, InspectionReply, LatLng, PatrolList, ShopDetail, ShopList, ShopListQuery, UnattachedAlertList } from '@sqtb/shared';
import { request } from '../core/request';

/** One item of today's patrol list (a shop with its distance and days since inspection). */
export type PatrolItem = PatrolList['items'][number];

/** A page of shops: district staff see all, a cadre their committee, handling units every shop. */
export const fetchShops = (query: Partial<ShopListQuery>) => request<ShopList>('/api/shops', { data: { ...query } });

/** Patrol alerts no registered shop stood near (the last 30 days, in the viewer's committees). */
export const fetchUnattachedAlerts = () => request<UnattachedAlertList>('/api/shops/unattached-alerts');

export const fetchShop = (id: string) => request<ShopDetail>(`/api/shops/${encodeURIComponent(id)}`);

/**
 * The reply carries the shop's new grade and the one it had before, so the form can say what changed.
 * `key` names this attempt: a retry with the same key gets the same inspection back.
 */
export const recordInspection = (shopId: string, body: CreateInspection, key: string) =>
  request<InspectionReply>(`/api/shops/${encodeURIComponent(shopId)}/inspections`, {
    method: 'POST',
    data: { ...body },
    header: { 'Idempotency-Key': key },
  });

/** Today's patrol list, nearest first among equals when a point is given. */
export const fetchPatrol = (at?: LatLng, committeeId?: string) =>
  request<PatrolList>('/api/shops/patrol', { data: { ...(at ? { lat: at.lat, lng: at.lng } : {}), ...(committeeId ? { committeeId } : {}) } });
