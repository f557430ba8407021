import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { releaseLease, renewLease, tryTakeLease } from './lease';

export interface Job {
  name: string;
  everyMs: number;
  /**
   * Idempotent: running it twice at the same `now` changes nothing the second time.
   * `signal` aborts when this instance loses the job's lease mid-run, or stops
   * waiting for it at shutdown; a long job may check it between items and stop
   * early. Honouring it is optional.
   */
  run(now: Date, signal?: AbortSignal): Promise<unknown>;
}

export interface SchedulerDeps {
  clock: Clock;
  log: Logger;
  /** Names this instance in the lease and in the logs; a fresh one when not given. */
  instanceId?: string;
  /** How long a lease lasts unless renewed (default 60 s); renewed every third of it while a run goes on. */
  leaseMs?: number;
  /** How long stop() waits for running jobs unless told otherwise (default 8 s). */
  stopTimeoutMs?: number;
}

export interface Scheduler {
  /** This instance's name in leases and logs. */
  readonly instanceId: string;
  /**
   * Starts no new run, waits for the running ones to end and release their
   * leases (up to `timeoutMs`), then resolves. A run still going after that is
   * told to stop (its signal aborts) and no longer renewed; its lease is
   * released when it ends, or expires if the process goes first: another
   * instance must not start while it may still be writing.
   */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * Runs each job on its interval on every instance, but only under the job's
 * lease, so one run of a job happens at a time across all instances. The next
 * tick of a job is set only when its run has ended (a setTimeout chain, not
 * setInterval), so an instance never overlaps its own run either.
 *
 * Every run logs `{ job, instance, run, phase: 'start' }` once it holds the
 * lease and `{ ..., phase: 'end', ok, durationMs }` before it lets it go.
 */
export function startScheduler(jobs: Job[], deps: SchedulerDeps): Scheduler {
  const owner = deps.instanceId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Map<Promise<unknown>, string>();
  const giveUp = new AbortController();
  let stopped = false;
  let stopping: Promise<void> | undefined;

  for (const job of jobs) {
    const leaseMs = deps.leaseMs ?? LEASE_MS;
    const schedule = () => {
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        const run = runUnderLease(job, { owner, clock: deps.clock, log: deps.log, leaseMs, stopSignal: giveUp.signal, cancelled: () => stopped }).catch(
          (err) => deps.log.error({ err, job: job.name, instance: owner }, 'could not take the job lease'),
        );
        running.set(run, job.name);
        void run.finally(() => {
          running.delete(run);
          schedule();
        });
      }, job.everyMs);
      timer.unref();
      timers.add(timer);
    };
    schedule();
  }

  const stop = async (timeoutMs: number) => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (running.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.allSettled([...running.keys()]).then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (timedOut && running.size > 0) {
      deps.log.warn({ instance: owner, jobs: [...running.values()], timeoutMs }, 'jobs still running at stop: told to stop and no longer renewed; a lease not released before exit expires');
      giveUp.abort(new Error('the scheduler is stopping'));
    }
  };

  return {
    instanceId: owner,
    stop: (options = {}) => (stopping ??= stop(options.timeoutMs ?? deps.stopTimeoutMs ?? 8_000)),
  };
}

/**
 * A run's lease is renewed every third of this while it goes on and released
 * when it ends, so it need not cover a whole run: it bounds how long an
 * instance that died mid-run keeps the job from running elsewhere.
 */
const LEASE_MS = 60_000;

interface LeasedRun {
  owner: string;
  clock: Clock;
  leaseMs: number;
  log?: Logger;
  /** Aborts the run from outside (the scheduler giving up on it at stop): its signal aborts and renewals stop. */
  stopSignal?: AbortSignal;
  /** Checked once the lease is taken: true gives it straight back without running. */
  cancelled?: () => boolean;
}

let runCount = 0;

/**
 * One run of a job under its lease: take it (or return `ran: false`), renew it
 * every third of its time while the run goes on, release it when the run has
 * ended, failed or not. If a renewal finds the lease gone, the run's signal
 * aborts. A job's error is returned as `failure` (and logged when there is a
 * log); an error taking the lease is thrown.
 */
async function runUnderLease(job: Job, o: LeasedRun): Promise<{ ran: boolean; result?: unknown; failure?: unknown }> {
  const now = o.clock.now();
  const token = await tryTakeLease(job.name, o.owner, now, o.leaseMs);
  if (!token) return { ran: false };
  if (o.cancelled?.()) {
    await releaseLease(job.name, token, o.clock.now());
    return { ran: false };
  }
  const who = { job: job.name, instance: o.owner, run: ++runCount };
  const controller = new AbortController();
  const onStop = () => controller.abort(o.stopSignal!.reason);
  o.stopSignal?.addEventListener('abort', onStop, { once: true });
  const heartbeat = keepLease(job.name, token, now.getTime() + o.leaseMs, o, controller, who);
  const started = Date.now();
  o.log?.info({ ...who, phase: 'start' }, 'job run started');
  let result: unknown;
  let failure: unknown;
  let failed = false;
  try {
    result = await job.run(now, controller.signal);
  } catch (err) {
    failed = true;
    failure = err;
  } finally {
    heartbeat.stop();
    o.stopSignal?.removeEventListener('abort', onStop);
  }
  const ended = { ...who, phase: 'end', ok: !failed, durationMs: Date.now() - started };
  if (failed) o.log?.error({ ...ended, err: failure }, 'job failed');
  else o.log?.info({ ...ended, result }, 'job run ended');
  // The run has ended, so the lease can go (if the process is still connected: else it expires).
  try {
    const released = await releaseLease(job.name, token, o.clock.now(), { result: failed ? { error: (failure as Error)?.message ?? String(failure) } : result });
    if (!released && !controller.signal.aborted) o.log?.warn(who, 'job lease had been lost by the time the run ended');
  } catch (err) {
    o.log?.warn({ ...who, err }, 'could not release the job lease: it will expire');
  }
  return failed ? { ran: true, failure } : { ran: true, result };
}

/**
 * Renews the lease every third of its time, each renewal after the previous
 * one answered. Lost (another holder, or renewals failing until the lease ran
 * out): logs it and aborts the run's signal.
 */
function keepLease(name: string, token: string, heldUntil: number, o: LeasedRun, controller: AbortController, who: object): { stop(): void } {
  const everyMs = Math.max(1, Math.floor(o.leaseMs / 3));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const lost = (why: string) => {
    o.log?.error({ ...who, why }, 'job lease lost while the run was going: another instance may run this job now');
    controller.abort(new Error(`the lease of ${name} was lost: ${why}`));
  };
  const beat = async () => {
    if (stopped || controller.signal.aborted) return;
    const at = o.clock.now();
    try {
      if (await renewLease(name, token, at, o.leaseMs)) heldUntil = at.getTime() + o.leaseMs;
      else if (!stopped) return lost('taken or released elsewhere');
    } catch (err) {
      o.log?.warn({ ...who, err }, 'could not renew the job lease');
      if (!stopped && o.clock.now().getTime() >= heldUntil) return lost('renewals failed until it expired');
    }
    schedule();
  };
  const schedule = () => {
    if (stopped || controller.signal.aborted) return;
    timer = setTimeout(() => void beat(), everyMs);
    timer.unref();
  };
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Runs a job once under its lease: what the scheduler does on each tick, for tests and tools. */
export async function runOnce(job: Job, owner: string, now: Date): Promise<{ ran: boolean; result?: unknown }> {
  const outcome = await runUnderLease(job, { owner, clock: { now: () => now }, leaseMs: LEASE_MS });
  if ('failure' in outcome) throw outcome.failure;
  return outcome;
}
