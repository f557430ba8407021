import { z } from 'zod';
import { latLngSchema, latLngViewSchema } from '../core/geo.schema';
import { idNumberSchema } from '../core/id-number.schema';
import { objectIdSchema } from '../core/ids';
import { phoneSchema } from '../core/phone.schema';
import { addressSchema, personNameSchema } from '../core/text.schema';
import { RESERVATION_STATUSES } from './reservation.machine';
import { REGISTRATION_STATUSES } from './registration.machine';

/** The most masks one pharmacy's stock line, or one addition to it, may carry. */
export const STOCK_QUANTITY_MAX = 1_000_000;

/** `POST /api/residents/registration` (居民信息登记) */
export const registrationBodySchema = z
  .object({
    name: personNameSchema,
    idNumber: idNumberSchema,
    /** Optional when the resident's number was verified with WeChat (POST /api/me/phone): that one is used. */
    phone: phoneSchema.optional(),
    committeeId: objectIdSchema,
    address: addressSchema,
    location: latLngSchema.strict(),
    householdSize: z.number().int().min(1).max(20),
  })
  .strict();
export type RegistrationBody = z.infer<typeof registrationBodySchema>;

export const registrationViewSchema = z.object({
  id: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  reason: z.string().optional(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  committeeId: z.string(),
  address: z.string(),
  location: latLngViewSchema,
  householdSize: z.number(),
  createdAt: z.string(),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

/** `GET /api/residents/registrations`: a cadre also sees the phone in full. */
export const registrationListQuerySchema = z.object({ status: z.enum(REGISTRATION_STATUSES).optional() }).strict();
export const registrationForReviewSchema = registrationViewSchema.extend({ phone: z.string().optional() });
export type RegistrationForReview = z.infer<typeof registrationForReviewSchema>;
export const registrationListSchema = z.object({ items: z.array(registrationForReviewSchema) });
export type RegistrationList = z.infer<typeof registrationListSchema>;
/** `POST /api/residents/registrations/:id/approve|reject` */
export const registrationReviewBodySchema = z.object({ reason: z.string().trim().min(2).max(200).optional() }).strict();

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
    stock: z.array(z.object({ pharmacyId: objectIdSchema, quantity: z.number().int().min(0).max(STOCK_QUANTITY_MAX) }).strict()).min(1).max(200),
  })
  .strict()
  .refine((r) => Date.parse(r.closesAt) > Date.parse(r.opensAt), { message: 'closesAt must be after opensAt', path: ['closesAt'] });

export const reserveBodySchema = z.object({ roundId: objectIdSchema.optional(), pharmacyId: objectIdSchema.optional() }).strict();
export type ReserveBody = z.infer<typeof reserveBodySchema>;
/** A pickup code: this many digits, shown to the resident and typed (or scanned) at the pharmacy. */
export const PICKUP_CODE_LENGTH = 8;
export const PICKUP_CODE_PATTERN = new RegExp(`^\\d{${PICKUP_CODE_LENGTH}}$`);
export const redeemBodySchema = z.object({ pickupCode: z.string().regex(PICKUP_CODE_PATTERN, `an ${PICKUP_CODE_LENGTH}-digit pickup code`) }).strict();
export const addStockBodySchema = z.object({ quantity: z.number().int().min(1).max(STOCK_QUANTITY_MAX) }).strict();
export const soldOutBodySchema = z.object({ soldOut: z.boolean() }).strict();
/**
 * `POST /api/mask-reservations`: its own Idempotency-Key, stored with the
 * reservation (older and stricter than the generic one of idempotent routes).
 */
export const reservationIdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

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
/** `GET /api/mask-reservations` and `GET /api/mask-reservations/mine` */
export const reservationListQuerySchema = z.object({ status: z.enum(RESERVATION_STATUSES).optional() }).strict();
export const reservationListSchema = z.object({ items: z.array(reservationViewSchema) });
export type ReservationList = z.infer<typeof reservationListSchema>;

export const roundViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  masksPerHousehold: z.number(),
  pickupWindowHours: z.number(),
  lottery: z.boolean(),
});
export type RoundView = z.infer<typeof roundViewSchema>;
/** `GET /api/mask-rounds/current` */
export const currentRoundSchema = z.object({ round: roundViewSchema.nullable() });
export type CurrentRound = z.infer<typeof currentRoundSchema>;

/** `POST /api/mask-rounds/:id/draw` */
export const drawOutcomeSchema = z.object({ seed: z.string(), winners: z.number(), losers: z.number() });
export type DrawOutcome = z.infer<typeof drawOutcomeSchema>;
/** `GET /api/mask-rounds/:id/draw`: everything needed to re-run the draw. */
export const drawResultSchema = z.object({ seed: z.string(), drawnAt: z.string(), applications: z.array(z.string()), winners: z.array(z.string()), method: z.string() });
export type DrawResult = z.infer<typeof drawResultSchema>;

/** A pharmacy's stock in the open round. */
export const stockViewSchema = z.object({ available: z.number(), total: z.number(), soldOut: z.boolean(), updatedAt: z.string() });
export type StockView = z.infer<typeof stockViewSchema>;
/** A pharmacy near the caller; `stock` is null when it has none in the open round. */
export const nearbyPharmacySchema = z.object({ id: z.string(), name: z.string(), address: z.string(), location: latLngViewSchema, distanceMeters: z.number(), stock: stockViewSchema.nullable() });
export type NearbyPharmacy = z.infer<typeof nearbyPharmacySchema>;
/** `GET /api/pharmacies?lat=&lng=`: nearest first; `roundId` is null when no round is open. */
export const nearbyPharmaciesSchema = z.object({
  roundId: z.string().nullable(),
  items: z.array(nearbyPharmacySchema),
});
export type NearbyPharmacies = z.infer<typeof nearbyPharmaciesSchema>;
