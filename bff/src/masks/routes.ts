import { z } from 'zod';
import {
  addStockBodySchema,
  objectIdSchema,
  redeemBodySchema,
  registrationBodySchema,
  registrationViewSchema,
  reservationViewSchema,
  reserveBodySchema,
  roundBodySchema,
  roundViewSchema,
  RESERVATION_STATUSES,
} from '@sqtb/shared';
import type { Clock } from '../core/clock';
import { AppError } from '../core/app-error';
import { defineRoute, type RouteSpec } from '../core/route';
import { listRegistrations, myRegistration, register, reviewRegistration } from './registration';
import { list, mine, redeem, reserve, review } from './reservations';
import { addStock, currentRound, openRound, pharmaciesNear, setSoldOut } from './rounds';
import { drawResult, drawRound } from './lottery';

const idParams = z.object({ id: objectIdSchema }).strict();
const stockSchema = z.object({ available: z.number(), total: z.number(), soldOut: z.boolean(), updatedAt: z.string() });
const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export function maskRoutes(deps: { clock: Clock; idKey: string }): RouteSpec[] {
  const registrationReview = (approve: boolean) =>
    defineRoute({
      method: 'post',
      path: `/api/residents/registrations/:id/${approve ? 'approve' : 'reject'}`,
      tag: 'masks',
      summary: approve ? 'The cadre approves a registration under review' : 'The cadre rejects a registration under review',
      access: ['cadre', 'district'],
      params: idParams,
      body: z.object({ reason: z.string().trim().min(2).max(200).optional() }).strict(),
      responses: { 200: { description: 'Settled', schema: registrationViewSchema } },
      errors: [403, 404, 409],
      handler: async ({ user, params, body }) => ({ body: await reviewRegistration(user, params.id, approve, body.reason, deps.clock) }),
    });
  const reservationReview = (approve: boolean) =>
    defineRoute({
      method: 'post',
      path: `/api/mask-reservations/:id/${approve ? 'approve' : 'reject'}`,
      tag: 'masks',
      summary: approve ? 'The cadre approves a reservation under review; stock is taken now' : 'The cadre rejects a reservation under review',
      access: ['cadre', 'district'],
      params: idParams,
      body: z.object({}).strict(),
      responses: { 200: { description: 'Settled', schema: reservationViewSchema } },
      errors: [403, 404, 409],
      handler: async ({ user, params }) => ({ body: await review(user, params.id, approve, deps.clock) }),
    });

  return [
    defineRoute({
      method: 'post',
      path: '/api/residents/registration',
      tag: 'masks',
      summary: 'A household registers with its committee (approved at once, or reviewed by the cadre)',
      access: ['resident'],
      body: registrationBodySchema,
      responses: { 201: { description: 'Registered', schema: registrationViewSchema } },
      errors: [409],
      handler: async ({ user, body }) => ({ status: 201, body: await register(user, body, deps.idKey, deps.clock) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/residents/registration',
      tag: 'masks',
      summary: 'My household registration',
      access: ['resident'],
      responses: { 200: { description: 'The registration', schema: registrationViewSchema } },
      errors: [404],
      handler: async ({ user }) => ({ body: await myRegistration(user) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/residents/registrations',
      tag: 'masks',
      summary: 'Registrations of my committee (cadre) or all (district)',
      access: ['cadre', 'district'],
      query: z.object({ status: z.enum(['approved', 'pending_review', 'rejected']).optional() }).strict(),
      responses: { 200: { description: 'Registrations', schema: z.object({ items: z.array(registrationViewSchema.extend({ phone: z.string().optional() })) }) } },
      handler: async ({ user, query }) => ({ body: await listRegistrations(user, query.status) }),
    }),
    registrationReview(true),
    registrationReview(false),
    defineRoute({
      method: 'post',
      path: '/api/mask-rounds',
      tag: 'masks',
      summary: 'Open a round: times, masks per household, pickup window and stock per pharmacy',
      access: ['district', 'cadre'],
      body: roundBodySchema,
      responses: { 201: { description: 'Opened', schema: z.object({ id: z.string(), name: z.string(), opensAt: z.string(), closesAt: z.string(), masksPerHousehold: z.number(), pickupWindowHours: z.number(), lottery: z.boolean() }) } },
      handler: async ({ user, body }) => ({ status: 201, body: await openRound(user, body) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/mask-rounds/current',
      tag: 'masks',
      summary: 'The round open now, if any',
      access: 'any-user',
      responses: { 200: { description: 'The open round, or null', schema: z.object({ round: roundViewSchema.nullable() }) } },
      handler: async () => ({ body: { round: await currentRound(deps.clock.now()) } }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/mask-rounds/:id/draw',
      tag: 'masks',
      summary: 'Draw a closed lottery round now (the scheduled job does it too); publishes the seed',
      access: ['district'],
      params: idParams,
      body: z.object({}).strict(),
      responses: { 200: { description: 'Drawn', schema: z.object({ seed: z.string(), winners: z.number(), losers: z.number() }) } },
      errors: [404, 409],
      handler: async ({ params }) => ({ body: await drawRound(params.id, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/mask-rounds/:id/draw',
      tag: 'masks',
      summary: 'The published draw: seed, applications and winners, so anyone can re-run it',
      access: 'any-user',
      params: idParams,
      responses: { 200: { description: 'The draw', schema: z.object({ seed: z.string(), drawnAt: z.string(), applications: z.array(z.string()), winners: z.array(z.string()), method: z.string() }) } },
      errors: [404, 409],
      handler: async ({ params }) => ({ body: await drawResult(params.id) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/pharmacies',
      tag: 'masks',
      summary: 'Pharmacies nearest first, with live stock in the open round',
      access: 'any-user',
      query: z.object({ lat: z.coerce.number().min(-90).max(90), lng: z.coerce.number().min(-180).max(180) }).strict(),
      responses: {
        200: {
          description: 'Pharmacies',
          schema: z.object({ roundId: z.string().nullable(), items: z.array(z.object({ id: z.string(), name: z.string(), address: z.string(), location: z.object({ lat: z.number(), lng: z.number() }), distanceMeters: z.number(), stock: stockSchema.nullable() })) }),
        },
      },
      handler: async ({ query }) => ({ body: await pharmaciesNear({ lat: query.lat, lng: query.lng }, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/pharmacies/:id/stock',
      tag: 'masks',
      summary: 'A pharmacy adds stock to the open round',
      access: ['pharmacy', 'district'],
      params: idParams,
      body: addStockBodySchema,
      responses: { 200: { description: 'The stock now', schema: stockSchema } },
      errors: [403, 409],
      handler: async ({ user, params, body }) => ({ body: await addStock(user, params.id, body.quantity, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/pharmacies/:id/sold-out',
      tag: 'masks',
      summary: 'A pharmacy marks itself sold out (or open again)',
      access: ['pharmacy', 'district'],
      params: idParams,
      body: z.object({ soldOut: z.boolean() }).strict(),
      responses: { 200: { description: 'The stock now', schema: stockSchema } },
      errors: [403, 404, 409],
      handler: async ({ user, params, body }) => ({ body: await setSoldOut(user, params.id, body.soldOut, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/mask-reservations',
      tag: 'masks',
      summary: 'Reserve masks (header Idempotency-Key): approved at once with the nearest pharmacy with stock, or sent for review',
      access: ['resident'],
      rateLimit: { name: 'reserve', perIp: { limit: 600, windowMs: 60_000 }, perUser: { limit: 10, windowMs: 60_000 } },
      body: reserveBodySchema,
      responses: { 201: { description: 'Reserved (approved or pending_review)', schema: reservationViewSchema } },
      errors: [409],
      handler: async ({ user, body, ctx }) => {
        const key = ctx.get('Idempotency-Key') || undefined;
        const parsedKey = key === undefined ? undefined : idempotencyKeySchema.safeParse(key);
        if (parsedKey && !parsedKey.success) throw new AppError('VALIDATION_FAILED', 'Idempotency-Key must be 8–64 letters, digits, _ or -');
        return reserve(user, body, key, deps.clock);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/mask-reservations/mine',
      tag: 'masks',
      summary: 'My reservations with pickup code and pharmacy',
      access: ['resident'],
      responses: { 200: { description: 'Reservations', schema: z.object({ items: z.array(reservationViewSchema) }) } },
      handler: async ({ user }) => ({ body: await mine(user) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/mask-reservations',
      tag: 'masks',
      summary: 'Reservations: a cadre their committee, a pharmacy its own, district all (no pickup codes)',
      access: ['cadre', 'pharmacy', 'district'],
      query: z.object({ status: z.enum(RESERVATION_STATUSES).optional() }).strict(),
      responses: { 200: { description: 'Reservations', schema: z.object({ items: z.array(reservationViewSchema) }) } },
      handler: async ({ user, query }) => ({ body: await list(user, query.status) }),
    }),
    reservationReview(true),
    reservationReview(false),
    defineRoute({
      method: 'post',
      path: '/api/mask-reservations/redeem',
      tag: 'masks',
      summary: 'The pharmacy redeems a pickup code, once',
      access: ['pharmacy'],
      body: redeemBodySchema,
      responses: { 200: { description: 'Redeemed', schema: reservationViewSchema } },
      errors: [403, 404, 409],
      handler: async ({ user, body }) => ({ body: await redeem(user, body.pickupCode, deps.clock) }),
    }),
  ];
}
