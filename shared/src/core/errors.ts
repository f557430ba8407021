import { z } from 'zod';

/**
 * Stable error codes: clients branch on these, never on messages.
 * The HTTP status for each lives here too so client and server agree.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  WECHAT_LOGIN_FAILED: 401,
  /** The code from a `getPhoneNumber` button was refused by WeChat (used, expired or made up). */
  PHONE_CODE_INVALID: 400,
  /** A scanned place code that is not one: forged, a health code, unreadable, or its place revoked. */
  INVALID_PLACE_CODE: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** A desktop sign-in ticket that does not exist, has expired or was already collected. */
  DESKTOP_TICKET_EXPIRED: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  /** A desktop sign-in ticket another phone (or this one) already confirmed. */
  DESKTOP_TICKET_USED: 409,
  QUOTA_EXCEEDED: 409,
  OUT_OF_STOCK: 409,
  ROUND_CLOSED: 409,
  REGISTRATION_NOT_APPROVED: 409,
  ID_NUMBER_TAKEN: 409,
  APPEAL_OPEN: 409,
  /** An appeal cannot be resolved by correcting the status: the resident has no ID number on record. */
  NO_ID_NUMBER_ON_RECORD: 409,
  IDEMPOTENCY_KEY_REUSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_UNAVAILABLE: 502,
  DATABASE_UNAVAILABLE: 503,
  SHUTTING_DOWN: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** The one shape every refusal takes: `{"error":{"code","message","details"}}`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
