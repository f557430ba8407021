import { Types } from 'mongoose';
import type { HealthColor, Reason } from '@sqtb/shared';
import { UserModel } from '../accounts/user.model';

/**
 * A resident's health code kept as its current state: what `evaluate()` said
 * over their records, stored on the user (`healthCode`, accounts/user.model.ts)
 * whenever something touched those records. Authentication reads the user
 * anyway, so issuing a code reads nothing more and signs.
 *
 * Two counters keep a stale result from overwriting a fresher one:
 * - `inputVersion` goes up (`$inc`) whenever an input of this resident changes
 *   (before the change: the state is marked out of date), and once more by each
 *   recompute after the change, before that recompute reads anything;
 * - `computedVersion` is the `inputVersion` a stored result claimed before it
 *   read its inputs. The result is written only over an older one, so the
 *   result standing is always the one that read last.
 * A state with `computedVersion < inputVersion` is out of date (a change is in
 * flight, or its recompute was lost): it is not served, it is recomputed.
 */
export interface StoredCode {
  color: HealthColor;
  reasons: Reason[];
  nextChangeOn?: string;
  rulesVersion: string;
  maskedName?: string;
  identified: boolean;
  idHash?: string;
  evaluatedFor: string;
  recomputeOn: string;
}

/** A stored state as read: the code's fields are absent until a first result is stored. */
export type CodeStateRecord = Partial<StoredCode> & { inputVersion: number; computedVersion: number };

/** The stored state of someone other than the caller (a gate's employee check, say); the caller's comes with authentication. */
export async function readCodeState(userId: string): Promise<CodeStateRecord | null> {
  const user = await UserModel.collection.findOne<{ healthCode?: CodeStateRecord }>({ _id: new Types.ObjectId(userId) }, { projection: { healthCode: 1 } });
  return user?.healthCode ?? null;
}

type Residents = { userId: string } | { idHash: string } | { userId: { $in: unknown[] } };

/** Marks states out of date before one of their inputs changes (so a lost recompute is healed at the next issue). No state yet: nothing to mark. */
export async function markOutOfDate(residents: Residents): Promise<void> {
  const filter = 'idHash' in residents ? { 'healthCode.idHash': residents.idHash } : { _id: residents.userId, healthCode: { $exists: true } };
  await UserModel.updateMany(filter, { $inc: { 'healthCode.inputVersion': 1 } });
}

/**
 * The version a recompute claims, before it reads any input: every change made before this call is visible to the reads after it.
 * Null when the user is gone: there is nowhere to keep a result.
 */
export async function claimVersion(userId: string): Promise<number | null> {
  // $max sets computedVersion to 0 on a first claim and leaves a stored one alone.
  const user = await UserModel.findOneAndUpdate(
    { _id: userId },
    { $inc: { 'healthCode.inputVersion': 1 }, $max: { 'healthCode.computedVersion': 0 } },
    { new: true, projection: { 'healthCode.inputVersion': 1 } },
  ).lean();
  return user?.healthCode?.inputVersion ?? null;
}

/** Stores a result computed after claiming `version`, unless a result that claimed a later version is there already. */
export async function storeIfNewer(userId: string, version: number, code: StoredCode): Promise<boolean> {
  const set: Record<string, unknown> = { 'healthCode.computedVersion': version };
  const unset: Record<string, 1> = {};
  for (const [field, value] of Object.entries(code)) {
    if (value === undefined) unset[`healthCode.${field}`] = 1;
    else set[`healthCode.${field}`] = value;
  }
  for (const optional of ['maskedName', 'nextChangeOn', 'idHash'] as const) if (!(optional in code)) unset[`healthCode.${optional}`] = 1;
  const written = await UserModel.updateOne(
    { _id: userId, 'healthCode.computedVersion': { $lt: version } },
    { $set: set, ...(Object.keys(unset).length ? { $unset: unset } : {}) },
  );
  return written.matchedCount === 1;
}
