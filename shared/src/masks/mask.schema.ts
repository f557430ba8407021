import { z } from 'zod';
import { objectIdSchema } from '../core/ids';
import { latLngSchema } from '../org/org.schema';
import { idNumberSchema } from '../health-code/health.schema';
import { RESERVATION_STATUSES } from './reservation.machine';
import { REGISTRATION_STATUSES } from './registration.machine';

export const phoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, 'a mainland mobile number, 11 digits');

/** `POST /api/residents/registration` (居民信息登记) */
export const registrationBodySchema = z
  .object({
    name: z.string().trim().min(1).max(30),
    idNumber: idNumberSchema,
    phone: phoneSchema,
    committeeId: objectIdSchema,
    address: z.string().trim().min(4).max(120),
    location: latLngSchema.strict(),
    householdSize: z.number().int().min(1).max(20),
  })
  .strict();

export const registrationViewSchema = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  reason: z.string().optional(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  committeeId: z.string(),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }),
  householdSize: z.number(),
  createdAt: z.string(),
});

const isoInstant = z.iso.datetime({ offset: true });
/** `POST /api/mask-rounds` */
export const roundBodySchema = z
  .object({
    name: z.string().trim().min(2).max(60),
    opensAt: isoInstant,
    closesAt: isoInstant,
    masksPerHousehold: z.number().int().min(1).max(50),
    pickupWindowHours: z.number().int().min(1).max(168),
    /** Applications during the window; winners drawn after it closes. */
    lottery: z.boolean().default(false),
    stock: z.array(z.object({ pharmacyId: objectIdSchema, quantity: z.number().int().min(0).max(1_000_000) }).strict()).min(1).max(200),
  })
  .strict()
  .refine((r) => Date.parse(r.closesAt) > Date.parse(r.opensAt), { message: 'closesAt must be after opensAt', path: ['closesAt'] });

export const reserveBodySchema = z.object({ roundId: objectIdSchema.optional(), pharmacyId: objectIdSchema.optional() }).strict();
export const redeemBodySchema = z.object({ pickupCode: z.string().regex(/^\d{8}$/, 'an 8-digit pickup code') }).strict();
export const addStockBodySchema = z.object({ quantity: z.number().int().min(1).max(1_000_000) }).strict();

export const reservationViewSchema = z.object({
  id: z.string(),
  status: z.enum(RESERVATION_STATUSES),
  roundId: z.string(),
  reason: z.string().optional(),
  pharmacy: z.object({ id: z.string(), name: z.string(), address: z.string() }).optional(),
  pickupCode: z.string().optional(),
  pickupBy: z.string().optional(),
  quantity: z.number(),
  createdAt: z.string(),
});
export type ReservationView = z.infer<typeof reservationViewSchema>;

export const roundViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  masksPerHousehold: z.number(),
  pickupWindowHours: z.number(),
  lottery: z.boolean(),
});
