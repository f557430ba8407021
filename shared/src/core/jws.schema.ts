import { z } from 'zod';

/** A compact JWS: three base64url parts. Anything else is not a code at all (health codes, resumption certificates). */
export const compactJwsSchema = z
  .string()
  .max(4000)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'not a signed code (compact JWS)');
