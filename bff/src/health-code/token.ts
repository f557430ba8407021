import { createHmac } from 'node:crypto';
import type { HealthColor, VerifyResponse } from '@sqtb/shared';
import { signCompactJws, verifyCompactJws } from '../core/jws';
import type { KeyRing } from '../core/keys';

/** Long enough to walk through a gate, short enough that a screenshot is soon useless. */
export const TOKEN_TTL_SECONDS = 5 * 60;

/** A stable pseudonym: gates can tell two scans apart without learning who it is. */
export function pseudonym(userId: string, key: string): string {
  return createHmac('sha256', key).update(`health-code:${userId}`).digest('base64url').slice(0, 22);
}

export async function signHealthToken(keys: KeyRing, claims: { sub: string; color: HealthColor; maskedName: string }, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + TOKEN_TTL_SECONDS;
  const token = await signCompactJws(keys, { sub: claims.sub, color: claims.color, name: claims.maskedName, iat, exp });
  return { token, expiresAt: new Date(exp * 1000) };
}

export async function verifyHealthToken(keys: KeyRing, token: string, now: Date): Promise<VerifyResponse & { kid?: string }> {
  const check = await verifyCompactJws(keys, token, now);
  if (!check.ok) return { valid: false, reason: check.reason, kid: check.kid };
  const { color, name, exp } = check.payload as { color?: string; name?: string; exp: number };
  if (color !== 'green' && color !== 'yellow' && color !== 'red') return { valid: false, reason: 'malformed', kid: check.kid };
  return { valid: true, color, maskedName: String(name ?? ''), expiresAt: new Date(exp * 1000).toISOString(), kid: check.kid };
}
