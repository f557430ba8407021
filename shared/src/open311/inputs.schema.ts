import { z } from 'zod';
import { categoryCodeSchema } from '../complaints/complaint.schema';
import { objectIdSchema } from '../core/ids';
import { OPEN311_STATUSES } from './status';
import { w3cDateTimeInputSchema } from './w3c-datetime';

/**
 * What Open311 GeoReport v2 clients send (FixMyStreet's set included), as
 * they send it: query strings and form fields, all text.
 */

/** The jurisdiction this endpoint serves; a client that names another is refused. */
export const OPEN311_JURISDICTION_ID = 'pudong';

/** Accepted when sent (FixMyStreet always sends it), checked against ours. */
const jurisdictionIdSchema = z.literal(OPEN311_JURISDICTION_ID, { error: `this endpoint serves the jurisdiction '${OPEN311_JURISDICTION_ID}' only` }).optional();
/** Needed to post; some clients send it on every read as well, where it is checked too. */
const apiKeySchema = z.string().max(200).optional();
/** `extended_statuses=true`: mySociety's extended statuses (investigating, in_progress, fixed) instead of open/closed. */
const extendedStatusesSchema = z.enum(['true', 'false']).optional();

/** Text of `min` to `max` characters, trimmed. */
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
/** A field a client may send empty (FixMyStreet sends `last_name=` for a one-word name). */
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** `a,b,c`: a comma list of up to `max` items, each checked. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .string()
    .max(max * 30)
    .transform((list) => list.split(','))
    .pipe(z.array(item).min(1).max(max));

/** A WGS-84 coordinate as form text; a missing one is a missing location. */
const coordinate = (name: 'lat' | 'long', limit: number) =>
  z
    .string({ error: 'required: a request needs its location as lat and long (WGS-84)' })
    .trim()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, `decimal degrees (WGS-84), such as ${name === 'lat' ? '31.2291' : '121.5231'}`)
    .transform(Number)
    .pipe(z.number().min(-limit).max(limit));

/** `GET discovery`, `GET services`: nothing but the jurisdiction (and an api_key some clients always send). */
export const open311ReadQuerySchema = z.object({ jurisdiction_id: jurisdictionIdSchema, api_key: apiKeySchema }).strict();
export type Open311ReadQuery = z.infer<typeof open311ReadQuerySchema>;

/** `GET services/{service_code}`: any code; one we do not have is a 404. */
export const open311ServiceCodeParamsSchema = z.object({ service_code: z.string().min(1).max(100) }).strict();

/** `GET requests/{service_request_id}`. */
export const open311RequestIdParamsSchema = z.object({ id: objectIdSchema }).strict();

/** `GET requests/{id}`: the jurisdiction, an api_key, and which statuses to speak. */
export const open311RequestQuerySchema = z
  .object({ jurisdiction_id: jurisdictionIdSchema, api_key: apiKeySchema, extended_statuses: extendedStatusesSchema })
  .strict();
export type Open311RequestQuery = z.infer<typeof open311RequestQuerySchema>;

/** The window and the client, as both listing resources take them. */
const windowQueryFields = {
  start_date: w3cDateTimeInputSchema.optional(),
  end_date: w3cDateTimeInputSchema.optional(),
  jurisdiction_id: jurisdictionIdSchema,
  api_key: apiKeySchema,
  extended_statuses: extendedStatusesSchema,
};

/**
 * `GET requests`: the specification's filters. `service_request_id` (up to
 * 100) overrides the others; without it the window is `start_date` to
 * `end_date`, by default the 90 days before now, and at most 1,000 come back.
 */
export const open311RequestsQuerySchema = z
  .object({
    service_request_id: commaList(objectIdSchema, 100).optional(),
    service_code: commaList(categoryCodeSchema, 20).optional(),
    status: commaList(z.enum(OPEN311_STATUSES), 2).optional(),
    ...windowQueryFields,
  })
  .strict();
export type Open311RequestsQuery = z.infer<typeof open311RequestsQuerySchema>;

/**
 * `GET servicerequestupdates` (mySociety's extension): every status change
 * from `start_date` to `end_date` (by default the 90 days before now), oldest
 * first, at most 1,000.
 */
export const open311UpdatesQuerySchema = z.object(windowQueryFields).strict();
export type Open311UpdatesQuery = z.infer<typeof open311UpdatesQuerySchema>;

/**
 * `POST requests`, form-encoded, with what FixMyStreet sends. The location is
 * `lat` and `long` (WGS-84): we route a report by where it is. `email`,
 * `first_name`, `last_name`, `phone`, `device_id` and `account_id` are
 * accepted and not kept: the client keeps its own users. `attribute[code]`
 * answers the service definition's questions. A missing or unknown `api_key`
 * is refused with 403 by the route, not here.
 */
export const open311PostRequestSchema = z
  .object({
    api_key: apiKeySchema,
    jurisdiction_id: jurisdictionIdSchema,
    service_code: categoryCodeSchema,
    lat: coordinate('lat', 90),
    long: coordinate('long', 180),
    address_string: text(2, 200).optional(),
    description: text(5, 4000),
    media_url: z.url({ protocol: /^https?$/, error: 'an http(s) address of the photo' }).max(2000).optional(),
    attribute: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.string().max(500))
      .refine((answers) => Object.keys(answers).length <= 50, 'at most 50 attributes')
      .optional(),
    email: optionalText(200),
    first_name: optionalText(100),
    last_name: optionalText(100),
    phone: optionalText(40),
    device_id: optionalText(200),
    account_id: optionalText(200),
  })
  .strict();
export type Open311PostRequest = z.infer<typeof open311PostRequestSchema>;
