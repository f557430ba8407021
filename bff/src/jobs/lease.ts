import { Schema, model } from 'mongoose';

/**
 * One lease document per scheduled job. An instance runs a job only while it
 * holds the lease, taken with a conditional update; a second instance finds it
 * held and skips. Jobs are idempotent as well, so even an expired lease taken
 * over mid-run cannot change an item twice.
 */
const leaseSchema = new Schema({
  name: { type: String, required: true, unique: true },
  owner: { type: String, required: true },
  leaseUntil: { type: Date, required: true },
  lastRunAt: Date,
  lastResult: Schema.Types.Mixed,
});
export const JobLease = model('JobLease', leaseSchema);

export async function tryTakeLease(name: string, owner: string, now: Date, ttlMs: number): Promise<boolean> {
  try {
    const taken = await JobLease.findOneAndUpdate(
      { name, $or: [{ leaseUntil: { $lte: now } }, { owner }] },
      { $set: { owner, leaseUntil: new Date(now.getTime() + ttlMs) } },
      { upsert: true, new: true },
    );
    return taken?.owner === owner;
  } catch (err) {
    // The lease exists and is held by another instance: the upsert's insert hit the unique name.
    if ((err as { code?: number }).code === 11000) return false;
    throw err;
  }
}

export async function releaseLease(name: string, owner: string, now: Date, result: unknown): Promise<void> {
  await JobLease.updateOne({ name, owner }, { $set: { leaseUntil: now, lastRunAt: now, lastResult: result } });
}
