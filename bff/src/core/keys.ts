import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

/**
 * The server's keys: secrets derived for one purpose each, and the signing keys
 * for what others verify offline (the health code, the resumption certificate:
 * see jws.ts), published at /.well-known/jwks.json.
 */

/** A key for one purpose derived from a secret, so no two uses share a key (development defaults, the health-code subject). */
export function deriveKey(secret: string, purpose: string): string {
  return createHmac('sha256', secret).update(`sqtb:${purpose}`).digest('base64url');
}

/**
 * The signing keys (ES256; HEALTH_CODE_KEYS in config). The first key signs;
 * every key listed verifies, so a rotated-out key keeps verifying what it
 * signed until that expires (a health code lives a few minutes): rotate by
 * putting a new key first and dropping the old one later.
 */
export interface KeyRing {
  signing: { kid: string; key: KeyLike };
  verifying(kid: string): Promise<KeyLike | undefined>;
  /** RFC 7517 key set: public parts only. */
  jwks: { keys: JWK[] };
}

export const SIGNING_ALG = 'ES256';

export async function keyRingFromJwks(privateJwks: JWK[]): Promise<KeyRing> {
  if (privateJwks.length === 0) throw new Error('no health-code signing keys');
  for (const jwk of privateJwks) {
    if (!jwk.kid || jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error('each health-code key must be a private P-256 JWK with a kid');
  }
  const publicJwks = privateJwks.map(({ d: _private, ...pub }) => ({ ...pub, alg: SIGNING_ALG, use: 'sig' }));
  const verifyKeys = new Map<string, KeyLike>();
  for (const jwk of publicJwks) verifyKeys.set(jwk.kid!, (await importJWK(jwk, SIGNING_ALG)) as KeyLike);
  return {
    signing: { kid: privateJwks[0].kid!, key: (await importJWK(privateJwks[0], SIGNING_ALG)) as KeyLike },
    verifying: async (kid) => verifyKeys.get(kid),
    jwks: { keys: publicJwks },
  };
}

export async function generatePrivateJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}

/**
 * Keys from config (HEALTH_CODE_KEYS, a JSON array of private JWKs); in
 * development one is generated once and kept in .data/ so codes survive a restart.
 */
export async function loadKeyRing(configured: JWK[] | undefined, env: string, dataDir: string): Promise<KeyRing> {
  if (configured?.length) return keyRingFromJwks(configured);
  if (env === 'production') throw new Error('HEALTH_CODE_KEYS is required in production');
  if (env === 'test') return keyRingFromJwks([await generatePrivateJwk('test-key')]);
  const file = path.join(dataDir, 'health-code-keys.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify([await generatePrivateJwk(`dev-${Date.now().toString(36)}`)]), { mode: 0o600 });
  }
  return keyRingFromJwks(JSON.parse(readFileSync(file, 'utf8')) as JWK[]);
}
