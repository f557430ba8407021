import { createHmac } from 'node:crypto';
import { maskIdNumber, normaliseIdNumber } from '@sqtb/shared';
import { ResidentIdentity } from './identity.model';

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
