import type { LatLng } from '@sqtb/shared';

/**
 * The H5 schematic of the map page: coordinates drawn into a square box, with
 * no map tiles behind them (none can be loaded offline). Positions are
 * percentages of the box, so the same numbers serve any screen width.
 */

/** Metres per degree of latitude (and of longitude at the equator): plenty for a district. */
const METERS_PER_DEGREE = 111_320;
/** Room left around the outermost circle or point, as a share of the drawn span. */
const MARGIN = 0.06;
/** The span drawn when everything stands on one point. */
const MIN_SPAN_METERS = 500;

export interface Circle {
  center: LatLng;
  radiusMeters: number;
}

/** A point's place in the box, in percent from its left and top edges. */
export interface BoxPoint {
  left: number;
  top: number;
}

/** A circle's place in the box: its bounding square's corner and side, in percent. */
export interface BoxCircle extends BoxPoint {
  size: number;
}

export interface SchematicFrame {
  point: (at: LatLng) => BoxPoint;
  circle: (area: Circle) => BoxCircle;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A frame that fits every circle and point into the square box, keeping
 * distances true to scale in both directions (longitude shrinks with latitude).
 */
export function schematicFrame(circles: readonly Circle[], points: readonly LatLng[]): SchematicFrame {
  const all = [...circles.map((c) => c.center), ...points];
  const lat0 = all.length ? all.reduce((sum, p) => sum + p.lat, 0) / all.length : 0;
  const xPerDegree = METERS_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  // Metres east and north of an origin at 0°, 0° (only differences matter).
  const x = (p: LatLng) => p.lng * xPerDegree;
  const y = (p: LatLng) => p.lat * METERS_PER_DEGREE;

  const extents = [
    ...circles.map((c) => ({ x: x(c.center), y: y(c.center), r: c.radiusMeters })),
    ...points.map((p) => ({ x: x(p), y: y(p), r: 0 })),
  ];
  if (extents.length === 0) extents.push({ x: 0, y: 0, r: MIN_SPAN_METERS / 2 });
  const west = Math.min(...extents.map((e) => e.x - e.r));
  const east = Math.max(...extents.map((e) => e.x + e.r));
  const south = Math.min(...extents.map((e) => e.y - e.r));
  const north = Math.max(...extents.map((e) => e.y + e.r));
  const content = Math.max(east - west, north - south, MIN_SPAN_METERS);
  const span = content * (1 + 2 * MARGIN);
  // Centre the content in the square: the narrower direction gets equal room either side.
  const left0 = (west + east) / 2 - span / 2;
  const top0 = (south + north) / 2 + span / 2;

  const percent = (meters: number) => (meters / span) * 100;
  const point = (at: LatLng): BoxPoint => ({ left: round(percent(x(at) - left0)), top: round(percent(top0 - y(at))) });
  const circle = (area: Circle): BoxCircle => {
    const centre = point(area.center);
    const radius = percent(area.radiusMeters);
    return { left: round(centre.left - radius), top: round(centre.top - radius), size: round(2 * radius) };
  };
  return { point, circle };
}
