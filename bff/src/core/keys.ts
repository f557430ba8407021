import { createHmac } from 'node:crypto';

/** A separate key for each purpose, derived from one secret, so no two uses share a key. */
export function deriveKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`sqtb:${purpose}`).digest('base64url');
}
