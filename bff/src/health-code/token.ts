import { createHmac } from 'node:crypto';
import { CompactSign, compactVerify, decodeProtectedHeader, errors } from 'jose';
import type { HealthColor, VerifyResponse } from '@sqtb/shared';
import { HEALTH_CODE_ALG, type KeyRing } from './keys';

/** Long enough to walk through a gate, short enough that a screenshot is soon useless. */
export const TOKEN_TTL_SECONDS = 5 * 60;

interface Payload {
  sub: string;
  color: HealthColor;
  name: string;
  iat: number;
  exp: number;
}

/** A stable pseudonym: gates can tell two scans apart without learning who it is. */
export function pseudonym(userId: string, key: string): string {
  return createHmac('sha256', key).update(`health-code:${userId}`).digest('base64url').slice(0, 22);
}

export async function signHealthToken(keys: KeyRing, claims: { sub: string; color: HealthColor; maskedName: string }, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const payload: Payload = { sub: claims.sub, color: claims.color, name: claims.maskedName, iat, exp: iat + TOKEN_TTL_SECONDS };
  const token = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: HEALTH_CODE_ALG, kid: keys.signing.kid, typ: 'JWT' })
    .sign(keys.signing.key);
  return { token, expiresAt: new Date(payload.exp * 1000) };
}

/** Checks signature, key and expiry; says which failed without throwing. */
export async function verifyHealthToken(keys: KeyRing, token: string, now: Date): Promise<VerifyResponse & { kid?: string }> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    kid = header.kid;
    if (header.alg !== HEALTH_CODE_ALG || !kid) return { valid: false, reason: 'malformed' };
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  const key = await keys.verifying(kid);
  if (!key) return { valid: false, reason: 'unknown-key', kid };
  let payload: Payload;
  try {
    const verified = await compactVerify(token, key, { algorithms: [HEALTH_CODE_ALG] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Payload;
  } catch (err) {
    return { valid: false, reason: err instanceof errors.JWSSignatureVerificationFailed ? 'bad-signature' : 'malformed', kid };
  }
  if (typeof payload.exp !== 'number' || !['green', 'yellow', 'red'].includes(payload.color)) return { valid: false, reason: 'malformed', kid };
  if (payload.exp * 1000 <= now.getTime()) return { valid: false, reason: 'expired', kid };
  return { valid: true, color: payload.color, maskedName: payload.name, expiresAt: new Date(payload.exp * 1000).toISOString(), kid };
}
