import { Schema, Types, model } from 'mongoose';
import type { HealthColor, Reason } from '@sqtb/shared';
import { isDuplicateKey } from '../db/duplicate-key';

/**
 * A resident's health code kept as its current state: what `evaluate()` said
 * over their records, stored whenever something touched those records, so that
 * issuing a code reads this one document and signs.
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
const reasonSchema = new Schema({ rule: String, color: String, text: String, until: String }, { _id: false });

const codeStateSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
    inputVersion: { type: Number, required: true, default: 0 },
    computedVersion: { type: Number, required: true, default: 0 },
    /** The ID-number hash the result was computed with: a case arriving by ID number marks this state out of date first. */
    idHash: String,
    color: { type: String, enum: ['green', 'yellow', 'red'] },
    reasons: { type: [reasonSchema], default: undefined },
    nextChangeOn: String,
    rulesVersion: String,
    /** The masked name on the resident's identity; unset when none is on record (the account's name is masked at issue). */
    maskedName: String,
    identified: Boolean,
    /** The Shanghai date the result was evaluated for, and the first date on which evaluating again may say something else. */
    evaluatedFor: String,
    recomputeOn: String,
  },
  { timestamps: true },
);
codeStateSchema.index({ idHash: 1 }, { sparse: true });
export const HealthCodeStateModel = model('HealthCodeState', codeStateSchema);

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

/**
 * The state issuing reads, on every request for a code. It goes through the
 * driver: mongoose's query layer cost more CPU than the read itself
 * (BENCHMARKS.md, issue 18), and a lean read gains nothing from it but the id's cast.
 */
export function readCodeState(userId: string): Promise<CodeStateRecord | null> {
  return HealthCodeStateModel.collection.findOne<CodeStateRecord>({ userId: new Types.ObjectId(userId) });
}

/** Marks states out of date before one of their inputs changes (so a lost recompute is healed at the next issue). No state yet: nothing to mark. */
export async function markOutOfDate(filter: { userId: string } | { idHash: string } | { userId: { $in: unknown[] } }): Promise<void> {
  await HealthCodeStateModel.updateMany(filter, { $inc: { inputVersion: 1 } });
}

/** The version a recompute claims, before it reads any input: every change made before this call is visible to the reads after it. */
export async function claimVersion(userId: string): Promise<number> {
  const bump = () =>
    HealthCodeStateModel.findOneAndUpdate({ userId }, { $inc: { inputVersion: 1 }, $setOnInsert: { computedVersion: 0 } }, { upsert: true, new: true, projection: { inputVersion: 1 } }).lean();
  // Two first recomputes at once: the unique userId refuses one upsert, and its retry finds the document.
  const state = await bump().catch((err) => (isDuplicateKey(err) ? bump() : Promise.reject(err)));
  return state!.inputVersion;
}

/** Stores a result computed after claiming `version`, unless a result that claimed a later version is there already. */
export async function storeIfNewer(userId: string, version: number, code: StoredCode): Promise<boolean> {
  const { maskedName, nextChangeOn, idHash, ...always } = code;
  const unset = { ...(maskedName === undefined ? { maskedName: 1 } : {}), ...(nextChangeOn === undefined ? { nextChangeOn: 1 } : {}), ...(idHash === undefined ? { idHash: 1 } : {}) };
  const written = await HealthCodeStateModel.updateOne(
    { userId, computedVersion: { $lt: version } },
    {
      $set: { ...always, ...(maskedName !== undefined ? { maskedName } : {}), ...(nextChangeOn !== undefined ? { nextChangeOn } : {}), ...(idHash !== undefined ? { idHash } : {}), computedVersion: version },
      ...(Object.keys(unset).length ? { $unset: unset } : {}),
    },
  );
  return written.matchedCount === 1;
}
