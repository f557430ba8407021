import mongoose from 'mongoose';
import { invalidateAllReferenceCaches } from '../core/reference-cache';
import { ReferenceVersion } from '../core/reference-version.model';
import { seedDemoData } from '../dev/seed';
import { allJobs } from '../jobs/all-jobs';
import { runOnce } from '../jobs/scheduler';

/** Every scheduled job once at `now`, in a fixed order, under its lease as the scheduler would. */
export async function runAllJobs(now: Date): Promise<Array<{ job: string; result: unknown }>> {
  const ran = [];
  for (const job of allJobs) ran.push({ job: job.name, result: (await runOnce(job, 'simulation', now)).result });
  return ran;
}

/**
 * Empties every collection and seeds the demo district (without a mask round)
 * as of `now`. The reference versions are kept and moved on, never emptied: a
 * version counted again from zero could match what an instance holds from
 * before, and it would go on answering with the old world's ids.
 */
export async function resetWorld(now: Date, idKey: string): Promise<void> {
  for (const model of Object.values(mongoose.models)) if (model !== ReferenceVersion) await model.deleteMany({});
  await seedDemoData({ idKey }, now, { openRound: false });
  await invalidateAllReferenceCaches();
}
