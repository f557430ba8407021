import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { releaseLease, tryTakeLease } from './lease';

export interface Job {
  name: string;
  everyMs: number;
  /** Idempotent: running it twice at the same `now` changes nothing the second time. */
  run(now: Date): Promise<unknown>;
}

/**
 * Runs each job on its interval on every instance, but only the instance that
 * holds the job's lease does the work.
 */
export function startScheduler(jobs: Job[], deps: { clock: Clock; log: Logger; instanceId?: string }): { stop(): void } {
  const owner = deps.instanceId ?? randomUUID();
  const timers = jobs.map((job) => {
    const tick = async () => {
      const now = deps.clock.now();
      try {
        if (!(await tryTakeLease(job.name, owner, now, leaseFor(job)))) return;
        const result = await job.run(now);
        await releaseLease(job.name, owner, deps.clock.now(), result);
        deps.log.info({ job: job.name, result }, 'job ran');
      } catch (err) {
        deps.log.error({ err, job: job.name }, 'job failed');
      }
    };
    const timer = setInterval(() => void tick(), job.everyMs);
    timer.unref();
    return timer;
  });
  return { stop: () => timers.forEach(clearInterval) };
}

/** Long enough to cover a run; released as soon as the run ends. */
const leaseFor = (job: Job) => Math.max(job.everyMs, 60_000);

/** Runs a job once under its lease: what the scheduler does on each tick, for tests and tools. */
export async function runOnce(job: Job, owner: string, now: Date): Promise<{ ran: boolean; result?: unknown }> {
  if (!(await tryTakeLease(job.name, owner, now, leaseFor(job)))) return { ran: false };
  const result = await job.run(now);
  await releaseLease(job.name, owner, now, result);
  return { ran: true, result };
}
