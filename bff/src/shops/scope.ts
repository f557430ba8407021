import { Types } from 'mongoose';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { ownCommittee } from '../core/viewer-scope';

/**
 * Which shops a caller sees (core/viewer-scope.ts): district staff and
 * handling units every shop, or the committee they pick; a cadre their own
 * committee only. A cadre naming another committee gets nothing, not theirs.
 */
export function shopScope(user: AuthUser, askedCommitteeId?: string): Record<string, unknown> | 'nothing' {
  switch (user.role) {
    case 'district':
    case 'handler':
      return askedCommitteeId ? { committeeId: new Types.ObjectId(askedCommitteeId) } : {};
    case 'cadre': {
      const own = ownCommittee(user);
      if (askedCommitteeId && askedCommitteeId.toLowerCase() !== own.toLowerCase()) return 'nothing';
      return { committeeId: new Types.ObjectId(own) };
    }
    default:
      throw new AppError('FORBIDDEN', 'Street shops are not open to this role');
  }
}

/** A cadre reads a shop of their own committee only: 403, as for a complaint outside what they may see. */
export function assertMaySee(user: AuthUser, shop: { committeeId?: unknown }): void {
  if (user.role === 'district' || user.role === 'handler') return;
  if (user.role === 'cadre' && shop.committeeId && String(shop.committeeId) === ownCommittee(user)) return;
  throw new AppError('FORBIDDEN', 'This shop is outside what you may see');
}
