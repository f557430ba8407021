import type Koa from 'koa';
import type { ZodType, z } from 'zod';
import type { Role } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import type { RateLimit } from './rate-limit';

/**
 * A route is declared as data: method, path, who may call it, and the shared
 * schemas of what it takes and returns. The same declarations mount the Koa
 * routes, build the OpenAPI document and drive the authorization checks, so
 * the three can never disagree.
 */
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** `'public'`: anyone; `'any-user'`: any logged-in user; else the roles allowed. */
export type Access = 'public' | 'any-user' | readonly Role[];

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  /** Set on every route whose access is not public. */
  user: AuthUser;
  ctx: Koa.ParameterizedContext;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  /** The body's media type when it is not JSON (e.g. text/csv); anything else is refused with 415. */
  bodyType?: string;
  /** Requests allowed per IP and per logged-in user; over it: 429 with Retry-After. */
  rateLimit?: { name: string; perIp: RateLimit; perUser?: RateLimit };
  /**
   * A credential that is not a user's token (Open311's api_key), checked after the rate limit
   * and before the input is read: a caller without it learns nothing of what the input should be.
   */
  credential?(ctx: Koa.ParameterizedContext): void;
  /**
   * A create a phone may retry: the optional `Idempotency-Key` header makes a
   * repeat from the same user get the first 2xx answer instead of running
   * again (see idempotency.ts). Only for routes with a user and a JSON reply.
   */
  idempotent?: boolean;
  /** A multipart upload instead of a JSON body: the file's field name, for the document. */
  multipart?: { field: string };
  /** Success responses by status, for the OpenAPI document. */
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>;
  /** Refusals this route can answer with, by status (the error shape), for the document. */
  errors?: number[];
  /** The refusals' body when it is not the one error shape (Open311's own, under /open311/), for the document. */
  refusal?: { contentType: string; schema: ZodType };
  handler(input: RouteInput<B, Q, P>): Promise<RouteResult> | RouteResult;
}

/** Keeps the schema types flowing into the handler's input without casts at the call site. */
export function defineRoute<
  BS extends ZodType = ZodType<undefined>,
  QS extends ZodType = ZodType<undefined>,
  PS extends ZodType = ZodType<undefined>,
>(
  spec: Omit<RouteSpec<z.infer<BS>, z.infer<QS>, z.infer<PS>>, 'body' | 'query' | 'params'> & {
    body?: BS;
    query?: QS;
    params?: PS;
  },
): RouteSpec {
  return spec as unknown as RouteSpec;
}
