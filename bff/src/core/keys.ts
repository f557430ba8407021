import { createHmac } from 'node:crypto';

/** A key for one purpose derived from a secret, so no two uses share a key (development defaults, the health-code subject). */
export function deriveKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`sqtb:${purpose}`).digest('base64url');
}
