import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role, Scope } from '@sqtb/shared';
import { AppError } from '../core/app-error';

export interface TokenSettings {
  secret: string;
  ttlSeconds: number;
  issuer: string;
  audience: string;
}

export interface TokenClaims {
  sub: string;
  role: Role;
  scope: Scope;
  /** Set on a desktop session's token (signed in by scanning a QR code): the session, which signing out ends. */
  dsk?: string;
}

/** The only algorithm we sign with, and so the only one we accept ("alg: none" included out). */
const ALGORITHM = 'HS256' as const;

/**
 * The secret as a key object, made once: given a string, jsonwebtoken first
 * tries it as a PEM public key on every call, and that failed parse (an
 * exception with its stack) cost more than the HMAC itself.
 */
const secretKeys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function signToken(claims: TokenClaims, settings: TokenSettings, now = new Date()): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const token = jwt.sign({ role: claims.role, scope: claims.scope, iat, ...(claims.dsk ? { dsk: claims.dsk } : {}) }, secretKey(settings.secret), {
    algorithm: ALGORITHM,
    subject: claims.sub,
    expiresIn: settings.ttlSeconds,
    issuer: settings.issuer,
    audience: settings.audience,
  });
  return { token, expiresAt: new Date((iat + settings.ttlSeconds) * 1000) };
}

export function verifyToken(token: string, settings: TokenSettings): TokenClaims {
  try {
    const payload = jwt.verify(token, secretKey(settings.secret), {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
    }) as jwt.JwtPayload;
    if (typeof payload.sub !== 'string') throw new Error('no subject');
    return { sub: payload.sub, role: payload.role, scope: payload.scope ?? {}, ...(typeof payload.dsk === 'string' ? { dsk: payload.dsk } : {}) };
  } catch (err) {
    const expired = err instanceof jwt.TokenExpiredError;
    throw new AppError('UNAUTHENTICATED', expired ? 'Your session has expired; log in again' : 'The token is not valid; log in again');
  }
}
