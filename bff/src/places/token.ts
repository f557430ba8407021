import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import { PLACE_KINDS, type PlaceKind } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { SIGNING_ALG, type KeyRing } from '../core/keys';

/**
 * The place code (场所码) printed on a poster: a compact JWS on the health-code
 * keys (core/keys.ts), verifiable by anyone against /.well-known/jwks.json.
 *
 * It carries the place's id, kind and code version, and `typ: place-code` in
 * both the protected header and the payload, so it is never taken for a
 * health code (header typ `JWT`, colour, `exp`) and a health code is never
 * taken for it. A poster is printed once and lives long, so it has no `exp`:
 * it stands while its signing key is still published and its place still
 * active at the same code version. Rotating a key out of HEALTH_CODE_KEYS
 * retires the posters it signed: `GET /api/places/mine` always signs with the
 * current first key, so the place prints its code again.
 */
export const PLACE_CODE_TYPE = 'place-code';

/** The one refusal of a code that is not a real place's: 400, worded by the mini-program. */
export const invalidCode = (why: string) => new AppError('INVALID_PLACE_CODE', why);

export interface PlaceCodeClaims {
  placeId: string;
  kind: PlaceKind;
  version: number;
}

export async function signPlaceCode(keys: KeyRing, claims: PlaceCodeClaims, now: Date): Promise<string> {
  const payload = { typ: PLACE_CODE_TYPE, pid: claims.placeId, knd: claims.kind, ver: claims.version, iat: Math.floor(now.getTime() / 1000) };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: keys.signing.kid, typ: PLACE_CODE_TYPE })
    .sign(keys.signing.key);
}

/** The claims of a genuine place code, or null for anything else (never throws). */
export async function verifyPlaceCode(keys: KeyRing, token: string): Promise<PlaceCodeClaims | null> {
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== SIGNING_ALG || header.typ !== PLACE_CODE_TYPE || !header.kid) return null;
    const key = await keys.verifying(header.kid);
    if (!key) return null;
    const { payload } = await compactVerify(token, key, { algorithms: [SIGNING_ALG] });
    const p = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    const fine = p.typ === PLACE_CODE_TYPE && typeof p.pid === 'string' && /^[0-9a-f]{24}$/.test(p.pid) && PLACE_KINDS.includes(p.knd as PlaceKind) && Number.isInteger(p.ver);
    return fine ? { placeId: p.pid as string, kind: p.knd as PlaceKind, version: p.ver as number } : null;
  } catch {
    return null;
  }
}
