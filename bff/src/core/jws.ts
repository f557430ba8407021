import { CompactSign, compactVerify, decodeProtectedHeader, errors } from 'jose';
import { SIGNING_ALG, type KeyRing } from './keys';

/**
 * Compact JWS signed with the server's signing keys (keys.ts, published at
 * /.well-known/jwks.json), for anything a gate or a passer-by must verify
 * offline: health codes and resumption certificates.
 */
export async function signCompactJws(keys: KeyRing, payload: Record<string, unknown>): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.signing.kid, typ: 'JWT' })
    .sign(keys.signing.key);
}

export type JwsCheck =
  | { ok: true; payload: Record<string, unknown>; kid: string }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'unknown-key'; kid?: string };

/** Checks signature, key and `exp` against the injected time; says which failed without throwing. */
export async function verifyCompactJws(keys: KeyRing, token: string, now: Date): Promise<JwsCheck> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    kid = header.kid;
    if (header.alg !== SIGNING_ALG || !kid) return { ok: false, reason: 'malformed' };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const key = await keys.verifying(kid);
  if (!key) return { ok: false, reason: 'unknown-key', kid };
  let payload: Record<string, unknown>;
  try {
    const verified = await compactVerify(token, key, { algorithms: [SIGNING_ALG] });
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWSSignatureVerificationFailed ? 'bad-signature' : 'malformed', kid };
  }
  if (typeof payload.exp !== 'number') return { ok: false, reason: 'malformed', kid };
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired', kid };
  return { ok: true, payload, kid };
}
