import mongoose from 'mongoose';
import type fc from 'fast-check';

/**
 * Forces the order of database calls for fast-check's `fc.scheduler()`.
 *
 * While a scheduler is installed, every mongoose query and create waits at a
 * gate until the scheduler picks it, and only one call is in flight at a time.
 * So a run is a sequence of single database operations (the unit of atomicity
 * on a standalone MongoDB), interleaved across the concurrent service calls in
 * the order the seeded scheduler chose: the same seed replays the same order.
 */
let current: fc.Scheduler | null = null;
let inFlight = 0;
let calls = 0;

async function gated<T>(label: string, call: () => Promise<T>): Promise<T> {
  const scheduler = current;
  if (!scheduler) return call();
  await scheduler.schedule(Promise.resolve(label), label);
  inFlight += 1;
  calls += 1;
  try {
    return await call();
  } finally {
    inFlight -= 1;
  }
}

let installed = false;
function install() {
  if (installed) return;
  installed = true;
  const query = mongoose.Query.prototype as unknown as { exec: (...args: unknown[]) => Promise<unknown>; model: { modelName: string }; op: string };
  const exec = query.exec;
  query.exec = function (this: typeof query, ...args: unknown[]) {
    return gated(`${this.model?.modelName}.${this.op}`, () => exec.apply(this, args));
  };
  const model = mongoose.Model as unknown as { create: (...args: unknown[]) => Promise<unknown> };
  const create = model.create;
  model.create = function (this: { modelName: string }, ...args: unknown[]) {
    return gated(`${this.modelName}.create`, () => create.apply(this, args));
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Waits until no database call is running and every continuation has reached its next gate or its end. */
async function settle() {
  do await tick();
  while (inFlight > 0);
  await tick();
}

/** An operation, and how many database calls the others make before it starts (0: at once). */
export interface Operation<T> {
  run: () => Promise<T>;
  startAfter?: number;
}

/**
 * Runs the given operations concurrently under the scheduler, one database
 * call at a time in the scheduler's order, and returns how each ended. A
 * delayed start lets a job's first read land between another call's writes,
 * which a uniform choice among all waiting calls would rarely pick.
 */
export async function interleave<T>(scheduler: fc.Scheduler, operations: Array<Operation<T> | (() => Promise<T>)>): Promise<PromiseSettledResult<T>[]> {
  install();
  current = scheduler;
  const ops = operations.map((op) => (typeof op === 'function' ? { run: op, startAfter: 0 } : { startAfter: 0, ...op }));
  const started: Array<Promise<T> | undefined> = ops.map(() => undefined);
  const callsBefore = calls;
  try {
    for (let idle = 0; ; ) {
      // Every running operation has reached its next gate (or its end) before anything is decided.
      await settle();
      const made = calls - callsBefore;
      const nothingElse = scheduler.count() === 0;
      let startedNow = false;
      for (const [i, op] of ops.entries()) {
        if (started[i] || !(op.startAfter <= made || nothingElse)) continue;
        started[i] = op.run();
        startedNow = true;
        if (nothingElse) break;
      }
      if (startedNow) continue;
      if (started.every(Boolean) && scheduler.count() === 0 && inFlight === 0) {
        const results = await Promise.race([Promise.allSettled(started as Array<Promise<T>>), tick().then(() => undefined)]);
        if (results) return results;
        if (++idle > 1000) throw new Error('interleave: operations are waiting on something that is not a database call');
        continue;
      }
      if (scheduler.count() > 0) await scheduler.waitNext(1);
    }
  } finally {
    current = null;
  }
}
