import { randomUUID } from 'node:crypto';
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../db/duplicate-key';

/**
 * One lease document per scheduled job. A run of a job happens only under its
 * lease: taken with a conditional update when the lease is free (expired or
 * released), renewed while the run goes on, released when it ends. Each take
 * gets a fresh token, and renew and release are conditional on it, so they act
 * only on the run that holds the lease, never on a later holder's.
 *
 * `owner` (the instance) is kept for people reading the collection; it grants
 * nothing. The token is what holds the lease: keep it out of logs.
 */
const leaseSchema = new Schema({
  name: { type: String, required: true, unique: true },
  owner: { type: String, required: true },
  /** Present while a run holds the lease; unset when it is released. */
  token: String,
  leaseUntil: { type: Date, required: true },
  lastRunAt: Date,
  lastResult: Schema.Types.Mixed,
});
export const JobLease = model('JobLease', leaseSchema);

/**
 * Takes the lease of `name` for `ttlMs` if it is free: released, or expired at
 * `now`. A lease still held is never taken again, by its own owner neither.
 * Returns the token of this take, or null when the lease is held.
 */
export async function tryTakeLease(name: string, owner: string, now: Date, ttlMs: number): Promise<string | null> {
  const token = randomUUID();
  try {
    const taken = await JobLease.findOneAndUpdate(
      { name, $or: [{ leaseUntil: { $lte: now } }, { token: { $exists: false } }] },
      { $set: { owner, token, leaseUntil: new Date(now.getTime() + ttlMs) } },
      { upsert: true, new: true },
    ).lean();
    return taken?.token === token ? token : null;
  } catch (err) {
    // The lease exists and is held: the upsert's insert hit the unique name.
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}

/** Extends the lease to `now + ttlMs` if this take still holds it; false when it has been lost. */
export async function renewLease(name: string, token: string, now: Date, ttlMs: number): Promise<boolean> {
  const renewed = await JobLease.updateOne({ name, token }, { $set: { leaseUntil: new Date(now.getTime() + ttlMs) } });
  return renewed.matchedCount === 1;
}

/**
 * Frees the lease if this take still holds it, recording the run when there
 * was one; false when the lease had been lost.
 */
export async function releaseLease(name: string, token: string, now: Date, run?: { result: unknown }): Promise<boolean> {
  const record = run ? { lastRunAt: now, lastResult: run.result } : {};
  const released = await JobLease.updateOne({ name, token }, { $set: { leaseUntil: now, ...record }, $unset: { token: 1 } });
  return released.matchedCount === 1;
}
