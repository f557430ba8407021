/** Plain geometry on the stored coordinates (GCJ-02, as WeChat's map gives them), good enough at city scale: GCJ-02 shifts a whole district by a few hundred metres alike, so distances within it hold. Open311 converts to and from WGS-84 at its boundary (shared/src/open311/datum.ts). */
export interface LatLng {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_000;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A neighbourhood committee's area: a centre and a radius. */
export interface CircleArea {
  center: LatLng;
  radiusMeters: number;
}

export function isInsideArea(point: LatLng, area: CircleArea): boolean {
  return distanceMeters(point, area.center) <= area.radiusMeters;
}
