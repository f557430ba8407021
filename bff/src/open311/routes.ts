import {
  open311Discovery,
  open311DiscoverySchema,
  open311PostReplySchema,
  open311PostRequestSchema,
  open311ReadQuerySchema,
  open311RequestIdParamsSchema,
  open311RequestListSchema,
  open311RequestQuerySchema,
  open311RequestsQuerySchema,
  open311ServiceCodeParamsSchema,
  open311ServiceDefinition,
  open311ServiceDefinitionSchema,
  open311ServiceListSchema,
  open311Services,
  open311UpdateListSchema,
  open311UpdatesQuerySchema,
} from '@sqtb/shared';
import type Koa from 'koa';
import { AppError } from '../core/app-error';
import type { Clock } from '../core/clock';
import type { RouteSpec } from '../core/route';
import type { ComplaintDeps } from '../complaints/service';
import { keyIfSent, keyRequired, type Open311Keys } from './clients';
import { inBothFormats } from './formats';
import { getRequest, listRequests, postRequest } from './requests';
import { listUpdates } from './updates';

export interface Open311Deps extends ComplaintDeps {
  clock: Clock;
  apiKeys: Open311Keys;
  /** What discovery calls this endpoint. */
  endpointType: 'production' | 'test';
}

const V2 = '/open311/v2';

/** This server as the client reached it (behind TRUST_PROXY, as the proxy says). */
const originOf = (ctx: Koa.Context) => `${ctx.protocol}://${ctx.host}`;

/** Open311 GeoReport v2, every resource in JSON and XML, and mySociety's `servicerequestupdates`. */
export function open311Routes(deps: Open311Deps): RouteSpec[] {
  return [
    ...inBothFormats({
      method: 'get',
      path: `${V2}/discovery`,
      summary: 'Open311 GeoReport v2: this endpoint, its specification, formats and changeset date',
      query: open311ReadQuerySchema,
      reply: { status: 200, description: 'Discovery', schema: open311DiscoverySchema, xmlRoot: 'discovery' },
      credential: keyIfSent(deps.apiKeys),
      handler: ({ ctx }) => open311Discovery(`${originOf(ctx)}${V2}`, deps.endpointType),
    }),
    ...inBothFormats({
      method: 'get',
      path: `${V2}/services`,
      summary: 'Open311 GeoReport v2: the services (our complaint categories); metadata: true where a definition has attributes',
      query: open311ReadQuerySchema,
      reply: { status: 200, description: 'Services', schema: open311ServiceListSchema, xmlRoot: 'services' },
      credential: keyIfSent(deps.apiKeys),
      handler: () => open311Services(),
    }),
    ...inBothFormats({
      method: 'get',
      path: `${V2}/services/:service_code`,
      summary: 'Open311 GeoReport v2: a service definition (its attributes); 404 for a code we do not have',
      params: open311ServiceCodeParamsSchema,
      query: open311ReadQuerySchema,
      errors: [404],
      reply: { status: 200, description: 'The service definition', schema: open311ServiceDefinitionSchema, xmlRoot: 'service_definition' },
      credential: keyIfSent(deps.apiKeys),
      handler: ({ params }) => {
        const definition = open311ServiceDefinition(params.service_code);
        if (!definition) throw new AppError('NOT_FOUND', `No service ${params.service_code}`);
        return definition;
      },
    }),
    ...inBothFormats({
      method: 'post',
      path: `${V2}/requests`,
      summary: 'Open311 GeoReport v2: post a service request (form-encoded, with api_key; lat/long in WGS-84)',
      body: open311PostRequestSchema,
      bodyType: 'application/x-www-form-urlencoded',
      // Partner systems (a hotline, a city platform) post from their own servers, one address
      // each and no user: 120 a minute lets a backlog through at 2 a second, and keeps a
      // leaked api_key or a looping client from burying the committees' queues. One budget for both formats.
      rateLimit: { name: 'open311-post', perIp: { limit: 120, windowMs: 60_000 } },
      errors: [403],
      reply: { status: 201, description: 'Accepted: the new service_request_id', schema: open311PostReplySchema, xmlRoot: 'service_requests' },
      credential: keyRequired(deps.apiKeys),
      handler: ({ body }) => postRequest(body, deps.apiKeys, deps),
    }),
    ...inBothFormats({
      method: 'get',
      path: `${V2}/requests`,
      summary: 'Open311 GeoReport v2: service requests (service_request_id, service_code, status, start_date/end_date: default the last 90 days, at most 1000)',
      query: open311RequestsQuerySchema,
      errors: [403],
      reply: { status: 200, description: 'Requests, newest first', schema: open311RequestListSchema, xmlRoot: 'service_requests' },
      credential: keyIfSent(deps.apiKeys),
      handler: ({ query }) => listRequests(query, deps.clock.now()),
    }),
    ...inBothFormats({
      method: 'get',
      path: `${V2}/requests/:id`,
      summary: 'Open311 GeoReport v2: one service request',
      params: open311RequestIdParamsSchema,
      query: open311RequestQuerySchema,
      errors: [403, 404],
      reply: { status: 200, description: 'The request, as a list of one', schema: open311RequestListSchema, xmlRoot: 'service_requests' },
      credential: keyIfSent(deps.apiKeys),
      handler: ({ params, query }) => getRequest(params.id, query),
    }),
    ...inBothFormats({
      method: 'get',
      path: `${V2}/servicerequestupdates`,
      summary: "mySociety's extension: every status change from start_date to end_date (default the last 90 days), oldest first, at most 1000",
      query: open311UpdatesQuerySchema,
      errors: [403],
      reply: { status: 200, description: 'Status changes, oldest first', schema: open311UpdateListSchema, xmlRoot: 'service_requests_updates' },
      credential: keyIfSent(deps.apiKeys),
      handler: ({ query, ctx }) => listUpdates(query, { origin: originOf(ctx), urlSecret: deps.urlSecret, now: deps.clock.now() }),
    }),
  ];
}
