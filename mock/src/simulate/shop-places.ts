import { ALERT_ATTACH_METERS, distanceMeters, type BusinessType } from '@sqtb/shared';
import { SHOPS } from '../seed/shops';
import type { LatLng } from './ledger';
import { committeeAt } from './population';
import type { Rng } from './rng';

/**
 * The street shops the month knows by code: the seed's 32 (S01…) and the four
 * district staff add (N1 by the form, N2–N4 by a CSV import, N3 outside every
 * committee's area), each more than 100 m from any other, so a point within
 * 30 m of one is within 30 m of no other. The planner and the replay both
 * read the places from here.
 */
export interface SimShop {
  code: string;
  name: string;
  businessType: BusinessType;
  address: string;
  location: LatLng;
  licenceNumber?: string;
}

export const SEED_SHOPS: SimShop[] = SHOPS.map(({ code, name, businessType, address, location, licenceNumber }) => ({
  code,
  name,
  businessType,
  address,
  location,
  ...(licenceNumber ? { licenceNumber } : {}),
}));

export const NEW_SHOPS: SimShop[] = [
  { code: 'N1', name: '南泉路臭豆腐摊', businessType: 'street_food', address: '南泉路 150 号旁', location: { lat: 31.2262, lng: 121.5325 } },
  { code: 'N2', name: '梅园炒货店', businessType: 'grocery', address: '乳山路 118 号', location: { lat: 31.2395, lng: 121.5165 }, licenceNumber: '92310115MA1B0C0201' },
  { code: 'N3', name: '张杨路砂锅馆', businessType: 'restaurant', address: '张杨路 560 号', location: { lat: 31.2332, lng: 121.5298 } },
  { code: 'N4', name: '崂山东路锁具维修', businessType: 'repair', address: '崂山东路 120 号', location: { lat: 31.2445, lng: 121.5035 } },
];

export const ALL_SHOPS: SimShop[] = [...SEED_SHOPS, ...NEW_SHOPS];
export const shopByCode = (code: string): SimShop | undefined => ALL_SHOPS.find((s) => s.code === code);

/** The committee (code) whose area holds the shop, as the BFF places it; null outside every area. */
export const committeeOfShop = (shop: SimShop): string | null => committeeAt(shop.location)?.code ?? null;

const METERS_PER_DEG_LAT = 111_320;

/** A point `meters` from `center` in a random direction, to 6 decimals (about 0.1 m). */
export function pointAround(rng: Rng, center: LatLng, meters: number): LatLng {
  const theta = 2 * Math.PI * rng.next();
  const lat = center.lat + (meters * Math.cos(theta)) / METERS_PER_DEG_LAT;
  const lng = center.lng + (meters * Math.sin(theta)) / (METERS_PER_DEG_LAT * Math.cos((center.lat * Math.PI) / 180));
  return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) };
}

/** The shops within `meters` of a point, nearest first. */
export function shopsWithin(point: LatLng, meters: number, shops: readonly SimShop[]): SimShop[] {
  return shops
    .map((shop) => ({ shop, m: distanceMeters(point, shop.location) }))
    .filter((s) => s.m <= meters)
    .sort((a, b) => a.m - b.m)
    .map((s) => s.shop);
}

/** Where a patrol alert attaches by place alone: the nearest registered shop within ALERT_ATTACH_METERS. */
export const attachedShop = (point: LatLng, registered: readonly SimShop[]): SimShop | undefined => shopsWithin(point, ALERT_ATTACH_METERS, registered)[0];
