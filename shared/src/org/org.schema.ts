import { z } from 'zod';
import { latLngSchema } from '../core/geo.schema';

export const circleAreaSchema = z.object({
  center: latLngSchema,
  radiusMeters: z.number().positive(),
});

export const streetSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const committeeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  streetId: z.string(),
  area: circleAreaSchema,
});
export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** Complaint category codes this unit handles; routing suggests it for them. */
  categories: z.array(z.string()),
});
/** A place on the map that belongs to a committee's area: pharmacies and enterprises. */
const placeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  location: latLngSchema,
  committeeId: z.string().optional(),
});
export const pharmacySchema = placeSchema;
export const enterpriseSchema = placeSchema;

/** `GET /api/org`: the reference data pickers and maps need. */
export const orgResponseSchema = z.object({
  streets: z.array(streetSchema),
  committees: z.array(committeeSchema),
  units: z.array(unitSchema),
  pharmacies: z.array(pharmacySchema),
  enterprises: z.array(enterpriseSchema),
});
export type OrgResponse = z.infer<typeof orgResponseSchema>;
export type Committee = z.infer<typeof committeeSchema>;
export type Pharmacy = z.infer<typeof pharmacySchema>;
