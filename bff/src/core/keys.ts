import { createHmac } from 'node:crypto';

/** A separate key for each purpose, derived from one secret, so no two uses share a key. */
export function deriveKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`sqtb:${purpose}`).digest('base64url');
}

/** The keyed hash of ID numbers must be the same wherever it is computed: seed, cases, registration. */
export const idNumberKey = (secret: string) => deriveKey(secret, 'id-number-hash');
