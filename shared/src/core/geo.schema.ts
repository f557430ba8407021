import { z } from 'zod';

/** Degrees either side of zero (stored as GCJ-02: see geo.ts). */
const LAT_LIMIT = 90;
const LNG_LIMIT = 180;

/** A point sent by a client: each coordinate within its range. */
export const latLngSchema = z.object({
  lat: z.number().min(-LAT_LIMIT).max(LAT_LIMIT),
  lng: z.number().min(-LNG_LIMIT).max(LNG_LIMIT),
});

/** `?lat=&lng=`: a point in a query string, where the numbers arrive as text. */
export const latLngQuerySchema = z
  .object({
    lat: z.coerce.number().min(-LAT_LIMIT).max(LAT_LIMIT),
    lng: z.coerce.number().min(-LNG_LIMIT).max(LNG_LIMIT),
  })
  .strict();

/** A point in a reply (a stored location, a hotspot's centre). */
export const latLngViewSchema = z.object({ lat: z.number(), lng: z.number() });
