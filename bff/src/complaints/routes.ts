import type { ZodType } from 'zod';
import {
  acceptComplaintSchema,
  archiveComplaintSchema,
  complaintListSchema,
  complaintViewSchema,
  createComplaintSchema,
  dispatchComplaintSchema,
  idParamsSchema,
  linkComplaintShopSchema,
  listComplaintsQuerySchema,
  meTooReplySchema,
  nearbyComplaintsSchema,
  nearbyQuerySchema,
  nearbyShopsQuerySchema,
  nearbyShopsSchema,
  noFieldsSchema,
  rateComplaintSchema,
  rejectComplaintSchema,
  resolveComplaintSchema,
  urgeComplaintSchema,
  type Role,
} from '@sqtb/shared';
import { defineRoute, type RouteSpec } from '../core/route';
import { shopsNear } from '../shops/service';
import { act, fileComplaint, getComplaint, linkShop, listComplaints, meToo, nearby, urge, type ComplaintDeps } from './service';

const STAFF_AND_RESIDENTS: Role[] = ['resident', 'cadre', 'handler', 'district'];
const viewResponse = { 200: { description: 'The complaint after the step', schema: complaintViewSchema } };

/** The workflow steps share one shape: POST /api/complaints/:id/<step> with that step's body. */
const step = (
  deps: ComplaintDeps,
  event: 'accept' | 'reject' | 'dispatch' | 'resolve' | 'rate' | 'archive',
  access: Role[],
  body: ZodType<Record<string, unknown>>,
  summary: string,
) =>
  defineRoute({
    method: 'post',
    path: `/api/complaints/:id/${event}`,
    tag: 'complaints',
    summary,
    access,
    params: idParamsSchema,
    body,
    responses: viewResponse,
    errors: [403, 404, 409],
    handler: async ({ user, params, body: input }) => ({ body: await act(user, params.id, event, input, deps) }),
  });

export function complaintRoutes(deps: ComplaintDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/complaints',
      tag: 'complaints',
      summary: 'A resident reports a neighbourhood problem',
      access: ['resident'],
      body: createComplaintSchema,
      idempotent: true,
      // A resident walking the neighbourhood may file a handful in a row, never dozens: 10 per
      // 10 minutes each stops a script flooding the cadres' queue. Per address it is generous,
      // because a carrier's NAT puts a whole compound behind one IP and an incident (a burst
      // pipe, a power cut) brings many residents at once: 300 per 10 minutes.
      rateLimit: { name: 'complaint-file', perIp: { limit: 300, windowMs: 600_000 }, perUser: { limit: 10, windowMs: 600_000 } },
      responses: { 201: { description: 'Filed', schema: complaintViewSchema } },
      handler: async ({ user, body }) => ({ status: 201, body: await fileComplaint(user, body, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/complaints',
      tag: 'complaints',
      summary: 'Complaints in my scope: a resident their own, a cadre the committee, a unit its matters, the district all',
      access: STAFF_AND_RESIDENTS,
      query: listComplaintsQuerySchema,
      responses: { 200: { description: 'A page of complaints, newest first', schema: complaintListSchema } },
      handler: async ({ user, query }) => ({ body: await listComplaints(user, query, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/complaints/nearby',
      tag: 'complaints',
      summary: 'Open complaints of a category within 100 m, to add "me too" instead of a duplicate',
      access: STAFF_AND_RESIDENTS,
      query: nearbyQuerySchema,
      responses: { 200: { description: 'Nearest first', schema: nearbyComplaintsSchema } },
      handler: async ({ user, query }) => ({ body: await nearby(user, { lat: query.lat, lng: query.lng }, query.category) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/complaints/nearby-shops',
      tag: 'complaints',
      summary: 'The registered street shops within 150 m, by name only: a report may name the one it is about',
      access: STAFF_AND_RESIDENTS,
      query: nearbyShopsQuerySchema,
      responses: { 200: { description: 'Nearest first, at most 10', schema: nearbyShopsSchema } },
      handler: async ({ query }) => ({ body: { items: await shopsNear({ lat: query.lat, lng: query.lng }) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/complaints/:id',
      tag: 'complaints',
      summary: 'One complaint with its timeline, deadline and red light',
      access: STAFF_AND_RESIDENTS,
      params: idParamsSchema,
      responses: { 200: { description: 'The complaint', schema: complaintViewSchema } },
      errors: [403, 404],
      handler: async ({ user, params }) => ({ body: await getComplaint(user, params.id, deps) }),
    }),
    step(deps, 'accept', ['cadre', 'district'], acceptComplaintSchema, 'Accept a submitted complaint (受理)'),
    step(deps, 'reject', ['cadre', 'district'], rejectComplaintSchema, 'Reject a submitted complaint with a reason the resident sees'),
    step(deps, 'dispatch', ['cadre', 'district'], dispatchComplaintSchema, 'Dispatch an accepted complaint to a handling unit (派单); sets the deadline'),
    step(deps, 'resolve', ['handler'], resolveComplaintSchema, 'The assigned unit reports the result, with optional photos'),
    step(deps, 'rate', ['resident'], rateComplaintSchema, 'The reporter rates 1–5 stars: 3–5 closes, 1–2 sends it back to the unit'),
    step(deps, 'archive', ['cadre', 'district'], archiveComplaintSchema, 'Archive a closed or rejected complaint'),
    defineRoute({
      method: 'post',
      path: '/api/complaints/:id/urge',
      tag: 'complaints',
      summary: 'District staff urge an overdue matter (催办); the waiting party is notified',
      access: ['district'],
      params: idParamsSchema,
      body: urgeComplaintSchema,
      responses: viewResponse,
      errors: [404, 409],
      handler: async ({ user, params, body }) => ({ body: await urge(user, params.id, body.note, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/complaints/:id/link-shop',
      tag: 'complaints',
      summary: 'The unit the matter is dispatched to links it to a street shop, corrects the link, or clears it (null); the shops are regraded',
      access: ['handler'],
      params: idParamsSchema,
      body: linkComplaintShopSchema,
      responses: viewResponse,
      errors: [400, 403, 404, 409],
      handler: async ({ user, params, body }) => ({ body: await linkShop(user, params.id, body.shopId, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/complaints/:id/metoo',
      tag: 'complaints',
      summary: 'A neighbour adds "me too" to an open report (once each)',
      access: ['resident'],
      params: idParamsSchema,
      body: noFieldsSchema,
      responses: { 200: { description: 'Counted', schema: meTooReplySchema } },
      errors: [404, 409],
      handler: async ({ user, params }) => ({ body: await meToo(user, params.id, deps) }),
    }),
  ];
}
