import { z } from 'zod';
import { OPEN311_DATATYPES } from './services';
import { OPEN311_EXTENDED_STATUSES } from './status';
import { w3cDateTimeSchema } from './w3c-datetime';

/**
 * Open311 GeoReport v2 replies in their JSON form. The XML form carries the
 * same fields under the specification's element names (`<services><service>`,
 * `<service_requests><request>`, `<service_definition>`, `<discovery>`,
 * `<service_requests_updates><request_update>`, `<errors><error>`). Strict:
 * a field that is not listed here (a reporter's name, say) cannot slip out.
 */

export const open311ServiceSchema = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.literal('realtime'),
    keywords: z.string(),
    group: z.string(),
  })
  .strict();
export const open311ServiceListSchema = z.array(open311ServiceSchema);

export const open311AttributeSchema = z
  .object({
    variable: z.boolean(),
    code: z.string(),
    datatype: z.enum(OPEN311_DATATYPES),
    required: z.boolean(),
    datatype_description: z.string().nullable(),
    order: z.number().int().min(1),
    description: z.string(),
    values: z.array(z.object({ key: z.string(), name: z.string() }).strict()).optional(),
  })
  .strict();
export const open311ServiceDefinitionSchema = z.object({ service_code: z.string(), attributes: z.array(open311AttributeSchema) }).strict();

/** One service request: public fields only, coordinates in WGS-84. */
export const open311RequestSchema = z
  .object({
    service_request_id: z.string(),
    status: z.enum(OPEN311_EXTENDED_STATUSES),
    status_notes: z.string().nullable(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string().nullable(),
    service_notice: z.string().nullable(),
    requested_datetime: w3cDateTimeSchema,
    updated_datetime: w3cDateTimeSchema,
    expected_datetime: w3cDateTimeSchema.nullable(),
    address: z.string(),
    lat: z.number().min(-90).max(90),
    long: z.number().min(-180).max(180),
    media_url: z.string().nullable(),
  })
  .strict();
export const open311RequestListSchema = z.array(open311RequestSchema);

/** `POST requests` answers a list of one: the new request's id. */
export const open311PostReplySchema = z.array(
  z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() }).strict(),
);

/** One status change (mySociety's `servicerequestupdates`); `media_url` only when there is a photo. */
export const open311UpdateSchema = z
  .object({
    update_id: z.string(),
    service_request_id: z.string(),
    status: z.enum(OPEN311_EXTENDED_STATUSES),
    updated_datetime: w3cDateTimeSchema,
    description: z.string().min(1),
    media_url: z.string().optional(),
  })
  .strict();
export const open311UpdateListSchema = z.array(open311UpdateSchema);

export const open311DiscoverySchema = z
  .object({
    changeset: w3cDateTimeSchema,
    contact: z.string(),
    key_service: z.string(),
    endpoints: z.array(
      z
        .object({
          specification: z.string(),
          url: z.string(),
          changeset: w3cDateTimeSchema,
          type: z.enum(['production', 'test']),
          formats: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();

/** Every XML answer (and XML refusal): a document under the specification's element names, text/xml in UTF-8. */
export const open311XmlReplySchema = z.string().describe('XML (text/xml, UTF-8) under the GeoReport v2 element names');

/** Every refusal on an Open311 path: a list of `{code, description}`, `code` being the HTTP status. */
export const open311ErrorListSchema = z.array(z.object({ code: z.number().int(), description: z.string() }).strict()).min(1);
