import type { LatLng } from '../core/geo';

/**
 * Hotspots (乱点) are counted on a fixed grid: cells of 0.002° latitude by
 * 0.0024° longitude, about 222 m × 228 m in Shanghai — roughly one block.
 * A fixed grid gives every complaint exactly one cell, so two BFF instances
 * counting at once agree on what a hotspot is.
 */
export const CELL_LAT_DEG = 0.002;
export const CELL_LNG_DEG = 0.0024;
/** 3 complaints in one cell within 30 days make a hotspot. */
export const HOTSPOT_THRESHOLD = 3;
export const HOTSPOT_WINDOW_DAYS = 30;
/** A hotspot with no new complaint for 90 days is closed (销项). */
export const HOTSPOT_QUIET_DAYS = 90;

export function cellOf(point: LatLng): string {
  return `${Math.floor(point.lat / CELL_LAT_DEG)}:${Math.floor(point.lng / CELL_LNG_DEG)}`;
}

export function cellCenter(cell: string): LatLng {
  const [row, col] = cell.split(':').map(Number);
  return { lat: Number(((row + 0.5) * CELL_LAT_DEG).toFixed(6)), lng: Number(((col + 0.5) * CELL_LNG_DEG).toFixed(6)) };
}
