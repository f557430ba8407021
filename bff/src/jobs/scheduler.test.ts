import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import pino from 'pino';
import { systemClock } from '../core/clock';
import { createLogger } from '../core/logger';
import { JobLease, releaseLease, renewLease, tryTakeLease } from './lease';
import { runOnce, startScheduler, type Job } from './scheduler';

/**
 * The job lease and the scheduler against the suite's real database. Orderings
 * are forced with gates (promises the test opens), not left to timing: a run
 * held on a gate is still going for as long as the test says.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Whether `condition` came true within `withinMs`. */
async function eventually(condition: () => boolean, withinMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(5);
  }
  return true;
}
async function until(condition: () => boolean, withinMs = 5_000): Promise<void> {
  if (!(await eventually(condition, withinMs))) throw new Error(`still waiting after ${withinMs} ms`);
}
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
interface Run {
  instance: string;
  start: number;
  end: number;
}
/** Sorted by start, each run ends before (or as) the next starts. */
function expectNoOverlap(runs: Run[]): void {
  const sorted = [...runs].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const show = (run: Run) => JSON.stringify(run, (_k, v) => (v === Infinity ? 'still running' : v));
    if (sorted[i].start < sorted[i - 1].end) throw new Error(`runs overlap: ${show(sorted[i - 1])} and ${show(sorted[i])}`);
  }
}
function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}
const silent = createLogger('silent');

describe('job leases and the scheduler', () => {
  beforeAll(async () => {
    const uri = process.env.MONGODB_URI;
    if (!uri) throw new Error('MONGODB_URI is unset: run the tests through jest (its global setup starts a database)');
    await mongoose.connect(uri, { dbName: `jobs_${randomBytes(6).toString('hex')}`, serverSelectionTimeoutMS: 5000 });
    await JobLease.createIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });

  it('a lease held by X is taken by neither X nor Y until it expires or is released, and each take has its own token', async () => {
    const t0 = new Date('2026-03-01T00:00:00Z');
    const at = (ms: number) => new Date(t0.getTime() + ms);
    const x = await tryTakeLease('lease.one', 'X', t0, 1000);
    expect(x).toBeTruthy();
    expect(await tryTakeLease('lease.one', 'X', at(1), 1000)).toBeFalsy();
    expect(await tryTakeLease('lease.one', 'Y', at(1), 1000)).toBeFalsy();
    expect(await tryTakeLease('lease.one', 'X', at(999), 1000)).toBeFalsy();
    expect(typeof x).toBe('string');

    // Expired: anyone may take it, with a fresh token; X's old take can then neither renew nor release it.
    const y = await tryTakeLease('lease.one', 'Y', at(1000), 1000);
    expect(typeof y).toBe('string');
    expect(y).not.toBe(x);
    expect(await renewLease('lease.one', x!, at(1001), 1000)).toBe(false);
    expect(await releaseLease('lease.one', x!, at(1001))).toBe(false);
    expect(await tryTakeLease('lease.one', 'X', at(1002), 1000)).toBeFalsy();

    // Renewed by its holder, it stays held past its first expiry.
    expect(await renewLease('lease.one', y!, at(1500), 1000)).toBe(true);
    expect(await tryTakeLease('lease.one', 'X', at(2100), 1000)).toBeFalsy();
    expect(await tryTakeLease('lease.one', 'Y', at(2100), 1000)).toBeFalsy();

    // Released, it is free at once (even to a clock behind the releaser's), and only once.
    expect(await releaseLease('lease.one', y!, at(1600), { result: { done: true } })).toBe(true);
    const again = await tryTakeLease('lease.one', 'Y', at(1200), 1000);
    expect(typeof again).toBe('string');
    expect(again).not.toBe(y);
    expect(await tryTakeLease('lease.one', 'X', at(1200), 1000)).toBeFalsy();
  });

  it('of many takes of a free lease at once, by one owner or two, exactly one wins', async () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const takes = await Promise.all(Array.from({ length: 12 }, (_, i) => tryTakeLease('lease.rush', i % 2 ? 'X' : 'Y', now, 60_000)));
    expect(takes.filter(Boolean)).toHaveLength(1);
  });

  it('never starts a second run of a job on one instance while its run is still going', async () => {
    const firstRun = gate();
    let starts = 0;
    let active = 0;
    let maxActive = 0;
    const job: Job = {
      name: 'sched.one-instance',
      everyMs: 10,
      run: async () => {
        starts++;
        active++;
        maxActive = Math.max(maxActive, active);
        if (starts === 1) await firstRun.opened;
        active--;
        return {};
      },
    };
    const scheduler = startScheduler([job], { clock: systemClock, log: silent, instanceId: 'A' });
    try {
      await until(() => starts >= 1);
      await sleep(300); // thirty intervals while the first run is held on its gate
      expect(starts).toBe(1);
      firstRun.open();
      await until(() => starts >= 3); // and the ticks go on once it has ended
      expect(maxActive).toBe(1);
    } finally {
      firstRun.open();
      await scheduler.stop();
    }
  });

  it('keeps a second instance out while a run outlasts its lease ttl: the lease is renewed while it runs', async () => {
    const firstRun = gate();
    const runs: Run[] = [];
    const jobOn = (instance: string): Job => ({
      name: 'sched.renewed',
      everyMs: 10,
      run: async () => {
        const run = { instance, start: performance.now(), end: Infinity };
        runs.push(run);
        if (runs.length === 1) await firstRun.opened;
        run.end = performance.now();
        return {};
      },
    });
    const leaseMs = 300;
    const a = startScheduler([jobOn('A')], { clock: systemClock, log: silent, instanceId: 'A', leaseMs });
    const b = startScheduler([jobOn('B')], { clock: systemClock, log: silent, instanceId: 'B', leaseMs });
    try {
      await until(() => runs.length >= 1);
      await sleep(4 * leaseMs); // four lease lifetimes; both instances tick every 10 ms
      expect(runs).toHaveLength(1);
      firstRun.open();
      await until(() => runs.length >= 4);
    } finally {
      firstRun.open();
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(runs[0].end - runs[0].start).toBeGreaterThan(4 * leaseMs);
    expectNoOverlap(runs);
  });

  it('two instances running a slow job (each run longer than the lease ttl) never overlap', async () => {
    const runs: Run[] = [];
    const leaseMs = 300;
    const jobOn = (instance: string): Job => ({
      name: 'sched.slow',
      everyMs: 5,
      run: async () => {
        const run = { instance, start: performance.now(), end: Infinity };
        runs.push(run);
        await sleep(leaseMs + 150);
        run.end = performance.now();
        return {};
      },
    });
    const a = startScheduler([jobOn('A')], { clock: systemClock, log: silent, instanceId: 'A', leaseMs });
    const b = startScheduler([jobOn('B')], { clock: systemClock, log: silent, instanceId: 'B', leaseMs });
    try {
      await until(() => runs.length >= 5, 10_000);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(runs.every((r) => r.end - r.start > leaseMs)).toBe(true);
    expectNoOverlap(runs);
    process.stdout.write(`slow job on two instances: runs by ${runs.map((r) => r.instance).join('')}, none overlapping\n`);
  });

  it('tells a run that lost its lease (its signal aborts) and logs it, without the token', async () => {
    const { log, lines } = capturingLogger();
    const held = gate();
    let started = false;
    let signal: AbortSignal | undefined;
    const job: Job = {
      name: 'sched.lost',
      everyMs: 10,
      run: async (_now, s) => {
        if (started) return {};
        started = true;
        signal = s;
        await held.opened;
        return {};
      },
    };
    const scheduler = startScheduler([job], { clock: systemClock, log, instanceId: 'A', leaseMs: 150 });
    try {
      await until(() => started);
      const token = (await JobLease.findOne({ name: 'sched.lost' }).lean())!.token!;
      expect(token).toEqual(expect.any(String));
      // Another holder now (as if the lease had run out and been taken).
      await JobLease.updateOne({ name: 'sched.lost' }, { $set: { token: 'someone-else', owner: 'B' } });
      expect(await eventually(() => signal?.aborted === true, 2_000)).toBe(true);
      expect(lines).toContainEqual(expect.objectContaining({ job: 'sched.lost', instance: 'A', msg: expect.stringContaining('lease lost') }));
      held.open();
      await scheduler.stop();
      // The run that lost the lease did not release the new holder's.
      expect((await JobLease.findOne({ name: 'sched.lost' }).lean())!.token).toBe('someone-else');
      expect(JSON.stringify(lines)).not.toContain(token);
      expect(lines).toContainEqual(expect.objectContaining({ job: 'sched.lost', instance: 'A', phase: 'start' }));
      expect(lines).toContainEqual(expect.objectContaining({ job: 'sched.lost', instance: 'A', phase: 'end', ok: true }));
    } finally {
      held.open();
      await scheduler.stop();
    }
  });

  it('stop() waits for the running job to end and release its lease, and starts no new run', async () => {
    const held = gate();
    let starts = 0;
    let ended = false;
    const job: Job = {
      name: 'sched.stop',
      everyMs: 10,
      run: async () => {
        starts++;
        await held.opened;
        ended = true;
        return {};
      },
    };
    const scheduler = startScheduler([job], { clock: systemClock, log: silent, instanceId: 'A' });
    await until(() => starts >= 1);
    let stopped = false;
    const stopping = Promise.resolve(scheduler.stop()).then(() => (stopped = true));
    await sleep(200);
    expect(stopped).toBe(false);
    held.open();
    await stopping;
    expect(ended).toBe(true);
    const lease = await JobLease.findOne({ name: 'sched.stop' }).lean();
    expect(lease!.token).toBeUndefined();
    expect(lease!.leaseUntil.getTime()).toBeLessThanOrEqual(Date.now());
    await sleep(100);
    expect(starts).toBe(1);
  });

  it('stop() waits no longer than its timeout for a run that does not end, and aborts the run\'s signal', async () => {
    let started = false;
    let signal: AbortSignal | undefined;
    const job: Job = { name: 'sched.stuck', everyMs: 10, run: (_now, s) => ((started = true), (signal = s), new Promise(() => undefined)) };
    const scheduler = startScheduler([job], { clock: systemClock, log: silent, instanceId: 'A' });
    await until(() => started);
    const t = performance.now();
    await scheduler.stop({ timeoutMs: 200 });
    expect(performance.now() - t).toBeGreaterThanOrEqual(190);
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(signal?.aborted).toBe(true);
  });

  it('runOnce releases the lease when the job throws, so the next run (by any owner) is not locked out', async () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const failing: Job = { name: 'once.failing', everyMs: 60_000, run: async () => Promise.reject(new Error('boom')) };
    await expect(runOnce(failing, 'simulation', now)).rejects.toThrow('boom');
    expect(await runOnce({ ...failing, run: async () => ({ ok: 1 }) }, 'another', now)).toEqual({ ran: true, result: { ok: 1 } });
  });
});
