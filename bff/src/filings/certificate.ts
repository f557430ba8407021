import { maskCreditCode } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { signCompactJws, verifyCompactJws } from '../core/jws';
import type { KeyRing } from '../core/keys';
import { FilingModel } from './filing.model';

const CERTIFICATE_TYPE = 'resumption-certificate';
const CERTIFICATE_DAYS = 365;

/**
 * The resumption certificate: a compact JWS signed with the same keys as the
 * health code (verifiable offline against /.well-known/jwks.json), carrying the
 * enterprise's name, its masked credit code and when it was approved.
 */
export async function certificate(user: AuthUser, id: string, keys: KeyRing, now: Date) {
  const filing = await FilingModel.findById(id).lean();
  if (!filing) throw new AppError('NOT_FOUND', 'No such filing');
  const mayView =
    user.role === 'district' ||
    (user.role === 'cadre' && String(filing.committeeId) === user.scope.committeeId) ||
    (user.role === 'enterprise' && String(filing.enterpriseId) === user.scope.enterpriseId);
  if (!mayView) throw new AppError('FORBIDDEN', 'This filing is outside your area');
  if (filing.status !== 'approved' || !filing.decidedAt) throw new AppError('CONFLICT', 'Only an approved filing has a certificate', { currentStatus: filing.status });
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + CERTIFICATE_DAYS * 86_400;
  const approvedAt = filing.decidedAt.toISOString();
  const token = await signCompactJws(keys, { typ: CERTIFICATE_TYPE, sub: String(filing._id), name: filing.enterpriseName, code: maskCreditCode(filing.creditCode), approvedAt, iat, exp });
  return { token, enterpriseName: filing.enterpriseName, approvedAt, expiresAt: new Date(exp * 1000).toISOString() };
}

/** Anyone can check a certificate; a filing that is no longer approved makes it invalid. */
export async function verifyCertificate(token: string, keys: KeyRing, now: Date) {
  const check = await verifyCompactJws(keys, token, now);
  if (!check.ok) return { valid: false as const, reason: check.reason };
  const p = check.payload as { typ?: string; sub?: string; name?: string; code?: string; approvedAt?: string };
  if (p.typ !== CERTIFICATE_TYPE || typeof p.sub !== 'string' || !/^[0-9a-f]{24}$/.test(p.sub)) return { valid: false as const, reason: 'malformed' as const };
  const filing = await FilingModel.findById(p.sub, { status: 1 }).lean();
  if (filing?.status !== 'approved') return { valid: false as const, reason: 'revoked' as const };
  return { valid: true as const, enterpriseName: String(p.name), creditCodeMasked: String(p.code), approvedAt: String(p.approvedAt) };
}
