import { createHmac } from 'node:crypto';
import type { Types } from 'mongoose';
import { maskIdNumber, normaliseIdNumber } from '@sqtb/shared';
import { ResidentIdentity } from './identity.model';
import { isDuplicateKey } from '../db/duplicate-key';

/** Keyed, so a leaked database alone cannot be searched by ID number. */
export function hashIdNumber(idNumber: string, key: string): string {
  return createHmac('sha256', key).update(normaliseIdNumber(idNumber)).digest('base64url');
}

export function identityFields(idNumber: string, key: string) {
  const id = normaliseIdNumber(idNumber);
  return { idHash: hashIdNumber(id, key), idMasked: maskIdNumber(id) };
}

export async function identityOf(userId: string) {
  return ResidentIdentity.findOne({ userId }).lean();
}

/** Records (or updates) who a user is; idempotent, for the seed and registration. */
export async function recordIdentity(userId: unknown, name: string, idNumber: string, key: string) {
  await ResidentIdentity.updateOne({ userId }, { $set: { name, ...identityFields(idNumber, key) } }, { upsert: true });
}

/**
 * What claiming an ID number for an account found:
 * - `claimed`: this call recorded it (undo with `releaseIdentityClaim` if what follows fails);
 * - `already-yours`: the account held this number already (nothing to undo);
 * - `taken`: another account holds it;
 * - `yours-differs`: the account holds another ID number.
 */
export type IdentityClaim =
  | { outcome: 'claimed'; claimId: Types.ObjectId }
  | { outcome: 'already-yours' }
  | { outcome: 'taken' }
  | { outcome: 'yours-differs' };

/**
 * Claims an ID number for an account in one insert: the unique indexes on
 * `idHash` and `userId` decide, so two accounts claiming one number at once
 * get one winner, whatever the order. Never overwrites an identity on record.
 */
export async function claimIdentity(userId: string, name: string, fields: { idHash: string; idMasked: string }): Promise<IdentityClaim> {
  // A loser looks at who holds the number; if that holder let go meanwhile, it tries again.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const claim = await ResidentIdentity.create({ userId, name, ...fields });
      return { outcome: 'claimed', claimId: claim._id };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const holder = await ResidentIdentity.findOne({ idHash: fields.idHash }, { userId: 1 }).lean();
    if (holder) return String(holder.userId) === String(userId) ? { outcome: 'already-yours' } : { outcome: 'taken' };
    if (await ResidentIdentity.exists({ userId })) return { outcome: 'yours-differs' };
  }
  return { outcome: 'taken' };
}

/** Undoes a claim this process made, and only that one, unchanged since. */
export async function releaseIdentityClaim(claimId: Types.ObjectId, userId: string, idHash: string): Promise<void> {
  await ResidentIdentity.deleteOne({ _id: claimId, userId, idHash });
}
