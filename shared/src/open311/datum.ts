/**
 * WGS-84 ↔ GCJ-02. The product stores what the mini-program's map picker
 * (`wx.chooseLocation`) gives, and that is GCJ-02, the datum every map of China
 * is drawn in: a point ~300–600 m off its WGS-84 position in Shanghai. Open311
 * clients (FixMyStreet and the like) speak WGS-84, the GPS datum, so the Open311
 * boundary converts both ways. Outside China the two datums are the same.
 *
 * The forward formula is the published one (Krasovsky ellipsoid plus the
 * trigonometric offset); the inverse has no closed form and is found by
 * iteration to well under a millimetre.
 */
export interface LatLngPoint {
  lat: number;
  lng: number;
}

const KRASOVSKY_A = 6_378_245.0;
const KRASOVSKY_EE = 0.00669342162296594323;

/** The box GCJ-02 applies in; outside it a point is left as it is. */
export function outsideChina(p: LatLngPoint): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let d = 20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI);
  d += 20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI);
  d += 160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30);
  return (d * 2) / 3 - 100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
}

function offsetLng(x: number, y: number): number {
  let d = 20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI);
  d += 20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI);
  d += 150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI);
  return (d * 2) / 3 + 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
}

/** GCJ-02 minus WGS-84 at a WGS-84 point, in degrees. */
function gcjOffset(p: LatLngPoint): LatLngPoint {
  const radLat = (p.lat / 180) * Math.PI;
  const magic = 1 - KRASOVSKY_EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  return {
    lat: (offsetLat(p.lng - 105, p.lat - 35) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI),
    lng: (offsetLng(p.lng - 105, p.lat - 35) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  };
}

/** A GPS (WGS-84) point as the product stores it (GCJ-02). */
export function wgs84ToGcj02(p: LatLngPoint): LatLngPoint {
  if (outsideChina(p)) return { lat: p.lat, lng: p.lng };
  const d = gcjOffset(p);
  return { lat: p.lat + d.lat, lng: p.lng + d.lng };
}

/** A stored (GCJ-02) point in WGS-84: the WGS-84 point whose GCJ-02 image it is. */
export function gcj02ToWgs84(p: LatLngPoint): LatLngPoint {
  if (outsideChina(p)) return { lat: p.lat, lng: p.lng };
  let wgs = { lat: p.lat, lng: p.lng };
  // Each round moves by the error of the last guess; the offset changes slowly, so a handful suffice.
  for (let i = 0; i < 30; i++) {
    const image = wgs84ToGcj02(wgs);
    const error = { lat: image.lat - p.lat, lng: image.lng - p.lng };
    wgs = { lat: wgs.lat - error.lat, lng: wgs.lng - error.lng };
    if (Math.abs(error.lat) < 1e-10 && Math.abs(error.lng) < 1e-10) break;
  }
  return wgs;
}
