import { z } from 'zod';
import { objectIdSchema } from '@sqtb/shared';
import type { Clock } from '../core/clock';
import { defineRoute, type RouteSpec } from '../core/route';
import {
  getRequest,
  listRequests,
  listServices,
  open311ListQuerySchema,
  open311PostSchema,
  open311RequestSchema,
  open311ServiceSchema,
  postRequest,
} from './open311';
import type { ComplaintDeps } from './service';

export function open311Routes(deps: ComplaintDeps & { clock: Clock; apiKeys: Map<string, string> }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/open311/v2/services.json',
      tag: 'open311',
      summary: 'Open311 GeoReport v2: the service list (our complaint categories)',
      access: 'public',
      query: z.object({ jurisdiction_id: z.string().max(100).optional() }).strict(),
      responses: { 200: { description: 'Services', schema: z.array(open311ServiceSchema) } },
      handler: () => ({ body: listServices() }),
    }),
    defineRoute({
      method: 'post',
      path: '/open311/v2/requests.json',
      tag: 'open311',
      summary: 'Open311 GeoReport v2: post a service request (application/x-www-form-urlencoded, with api_key)',
      access: 'public',
      body: open311PostSchema,
      // Partner systems (a hotline, a city platform) post from their own servers, one address
      // each and no user: 120 a minute lets a backlog through at 2 a second, and keeps a
      // leaked api_key or a looping client from burying the committees' queues.
      rateLimit: { name: 'open311-post', perIp: { limit: 120, windowMs: 60_000 } },
      responses: { 201: { description: 'Accepted', schema: z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() })) } },
      errors: [403],
      handler: async ({ body }) => ({ status: 201, body: await postRequest(body, deps.apiKeys, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/open311/v2/requests.json',
      tag: 'open311',
      summary: 'Open311 GeoReport v2: service requests (default: the last 90 days, at most 1000)',
      access: 'public',
      query: open311ListQuerySchema,
      responses: { 200: { description: 'Requests, newest first', schema: z.array(open311RequestSchema) } },
      handler: async ({ query }) => ({ body: await listRequests(query, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/open311/v2/requests/:id.json',
      tag: 'open311',
      summary: 'Open311 GeoReport v2: one service request',
      access: 'public',
      params: z.object({ id: objectIdSchema }).strict(),
      responses: { 200: { description: 'The request, as a one-element list', schema: z.array(open311RequestSchema) } },
      errors: [404],
      handler: async ({ params }) => ({ body: await getRequest(params.id) }),
    }),
  ];
}
