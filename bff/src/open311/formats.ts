import type { ZodType } from 'zod';
import { open311ErrorListSchema, open311XmlReplySchema } from '@sqtb/shared';
import { defineRoute, type HttpMethod, type RouteInput, type RouteSpec } from '../core/route';
import { toXml, XML_CONTENT_TYPE } from './xml';

/**
 * One Open311 resource, declared once and mounted in both formats the
 * specification names by extension: `<path>.json` answers the reply as JSON,
 * `<path>.xml` as XML under the specification's element names (`xmlRoot`).
 * Refusals on either follow the same format (see errors.ts).
 */
export interface Open311Resource<B, Q, P, R> {
  method: HttpMethod;
  /** Without the extension: `/open311/v2/services`, `/open311/v2/requests/:id`. */
  path: string;
  summary: string;
  body?: ZodType<B>;
  /** The body's media type when not JSON: Open311 posts are form-encoded. */
  bodyType?: string;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  rateLimit?: RouteSpec['rateLimit'];
  credential?: RouteSpec['credential'];
  errors?: number[];
  reply: { status: number; description: string; schema: ZodType<R>; xmlRoot: string };
  handler(input: RouteInput<B, Q, P>): Promise<R> | R;
}

export function inBothFormats<B, Q, P, R>(resource: Open311Resource<B, Q, P, R>): RouteSpec[] {
  const { reply, handler, ...shared } = resource;
  const common = { ...shared, tag: 'open311', access: 'public' as const };
  return [
    defineRoute({
      ...common,
      path: `${resource.path}.json`,
      summary: `${resource.summary} (JSON)`,
      responses: { [reply.status]: { description: reply.description, schema: reply.schema } },
      refusal: { contentType: 'application/json', schema: open311ErrorListSchema },
      handler: async (input) => ({ status: reply.status, body: await handler(input as RouteInput<B, Q, P>) }),
    }),
    defineRoute({
      ...common,
      path: `${resource.path}.xml`,
      summary: `${resource.summary} (XML, <${reply.xmlRoot}>)`,
      responses: { [reply.status]: { description: reply.description, schema: open311XmlReplySchema, contentType: 'text/xml' } },
      refusal: { contentType: 'text/xml', schema: open311XmlReplySchema },
      handler: async (input) => ({
        status: reply.status,
        headers: { 'Content-Type': XML_CONTENT_TYPE },
        body: toXml(reply.xmlRoot, await handler(input as RouteInput<B, Q, P>)),
      }),
    }),
  ];
}
