import mongoose from 'mongoose';
import type fc from 'fast-check';

/**
 * Forces the order of database calls for fast-check's `fc.scheduler()`.
 *
 * While a scheduler is installed, every database command a query, a create or
 * a direct driver call sends (cursors read one document at a time excepted, see
 * COMMAND_METHODS) waits at a gate until the scheduler picks it, and only one call is in flight at a time.
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

/**
 * The driver's collection methods that send a command. `find` and `aggregate` send
 * theirs when their cursor is read whole (`toArray`). Left out: `insertMany`, which
 * the driver sends as a `bulkWrite` (gated there: gating both would stop it twice and
 * hang), and reading a cursor one document at a time (`next`, `for await`), which
 * `findOne` and `countDocuments` do inside their own gate.
 */
const COMMAND_METHODS = [
  'findOne', 'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'insertOne', 'updateOne', 'updateMany',
  'replaceOne', 'deleteOne', 'deleteMany', 'bulkWrite', 'countDocuments', 'estimatedDocumentCount', 'distinct',
] as const;

/**
 * The gate sits in the MongoDB driver, under mongoose: a query, a create and a
 * call the product makes on `Model.collection` directly (its hot paths) all
 * pass it, once per command.
 */
function install() {
  if (installed) return;
  installed = true;
  type Method = (...args: unknown[]) => Promise<unknown>;
  const collection = mongoose.mongo.Collection.prototype as unknown as Record<string, Method>;
  for (const method of COMMAND_METHODS) {
    const original = collection[method];
    collection[method] = function (this: { collectionName: string }, ...args: unknown[]) {
      return gated(`${this.collectionName}.${method}`, () => original.apply(this, args));
    };
  }
  for (const [Cursor, op] of [[mongoose.mongo.FindCursor, 'find'], [mongoose.mongo.AggregationCursor, 'aggregate']] as const) {
    const cursor = Cursor.prototype as unknown as { toArray: Method };
    const toArray = cursor.toArray;
    cursor.toArray = function (this: { namespace: { collection?: string } }, ...args: unknown[]) {
      return gated(`${this.namespace.collection}.${op}`, () => toArray.apply(this, args));
    };
  }
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
