import path from 'node:path';
import mongoose from 'mongoose';
import { cellOf } from '@sqtb/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { startCongo, type CongoServerLike } from '../db/congo-unique-storage';
import { allJobs } from './all-jobs';

/**
 * Two real BFF processes on one database, each running every job (complaint
 * and mask jobs) every 200 ms: every due item is changed exactly once, and no
 * run of a job overlaps another run of the same job, on one instance or two
 * (read from the run start and end lines each instance logs).
 */
const SPOT = { lat: 31.2271, lng: 121.5211 };

interface Instance {
  child: ChildProcess;
  port: number;
  /** Every pino line the instance wrote to stdout. */
  lines: Array<Record<string, unknown>>;
}

describe('scheduled jobs on two BFF instances at once', () => {
  let congo: CongoServerLike;
  let db: mongoose.Connection;
  const instances: Instance[] = [];

  beforeAll(async () => {
    congo = await startCongo();
    const uri = `mongodb://127.0.0.1:${congo.port}/?serverMonitoringMode=poll`;
    db = await mongoose.createConnection(uri, { dbName: 'sqtb' }).asPromise();
    const root = path.resolve(__dirname, '../../..');
    const start = (child: ChildProcess) =>
      new Promise<Instance>((resolve, reject) => {
        const instance: Instance = { child, port: 0, lines: [] };
        const timer = setTimeout(() => reject(new Error('an instance did not start')), 30_000);
        let partial = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          const text = partial + chunk.toString();
          const complete = text.split('\n');
          partial = complete.pop()!;
          for (const line of complete) {
            let entry: Record<string, unknown>;
            try {
              entry = JSON.parse(line);
            } catch {
              continue;
            }
            instance.lines.push(entry);
            if (String(entry.msg).includes('listening') && typeof entry.port === 'number') {
              instance.port = entry.port;
              clearTimeout(timer);
              resolve(instance);
            }
          }
        });
      });
    // The first instance seeds; the second starts once it has.
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/server.ts'], {
        cwd: root,
        env: { ...process.env, MONGODB_URI: uri, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', JOB_INTERVAL_MS: '200', STATIC_DIR: '/nonexistent', SEED_DEMO_DATA: i === 0 ? 'true' : 'false' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      instances.push(await start(child));
    }
  });
  afterAll(async () => {
    const children = instances.map((i) => i.child);
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await db.close();
    await congo.stop();
  });

  it('closes each unrated resolved complaint once and opens one hotspot per busy cell', async () => {
    const reporter = await db.collection('users').findOne({ openid: 'resident-1' });
    const longAgo = new Date(Date.now() - 8 * 86_400_000);
    const complaint = (i: number, extra: Record<string, unknown>) => ({
      reporterId: reporter!._id, reporterName: '张伟', category: 'noise', description: `双实例 ${i}`, location: SPOT,
      cell: cellOf(SPOT), address: '潍坊路', photoIds: [], anonymous: false, timeline: [], meTooUserIds: [], resolutionPhotoIds: [],
      reopenCount: 0, resolutions: 1, lateResolutions: 0, ratingCount: 0, satisfiedCount: 0, urgeCount: 0, meTooCount: 0, notRated: false,
      createdAt: new Date(), updatedAt: new Date(), ...extra,
    });
    const due = Array.from({ length: 20 }, (_, i) => complaint(i, { status: 'resolved', resolvedAt: longAgo }));
    await db.collection('complaints').insertMany(due);

    const deadline = Date.now() + 20_000;
    while ((await db.collection('complaints').countDocuments({ status: 'resolved' })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500)); // several more ticks on both instances

    const closed = await db.collection('complaints').find({ description: /^双实例/ }).toArray();
    expect(closed.every((c) => c.status === 'closed' && c.notRated === true)).toBe(true);
    for (const c of closed) expect(c.timeline.filter((e: { action: string }) => e.action === 'autoClose')).toHaveLength(1);
    expect(await db.collection('hotspots').countDocuments({ openCell: cellOf(SPOT) })).toBe(1);
    const leases = await db.collection('jobleases').find().toArray();
    expect(leases.map((l) => l.name)).toEqual(expect.arrayContaining(['complaints.auto-close-unrated', 'complaints.hotspots']));
    process.stdout.write(`two instances: ${closed.length} complaints closed once each, 1 hotspot, ${leases.length} job leases\n`);
  });

  it('expires an approved reservation past its pickup time once and returns its masks once', async () => {
    const { port } = instances[0];
    const call = async (method: string, route: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> => {
      const response = await fetch(`http://127.0.0.1:${port}${route}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.json() };
    };
    const login = await call('POST', '/api/auth/login', { code: 'dev:resident-1' });
    expect(login.status).toBe(200);
    // Reserved through the BFF itself, so the stock hold has whatever shape the mask code gives it.
    const reserved = await call('POST', '/api/mask-reservations', {}, { authorization: `Bearer ${login.body.token}`, 'idempotency-key': 'two-instances-0001' });
    expect(reserved.status).toBe(201);
    expect(reserved.body.status).toBe('approved');
    const id = new mongoose.Types.ObjectId(String(reserved.body.id));
    const reservation = (await db.collection('maskreservations').findOne({ _id: id }))!;
    const stockOf = async () => (await db.collection('maskstocks').findOne({ roundId: reservation.roundId, pharmacyId: reservation.pharmacyId }))!;
    const held = await stockOf();
    expect(JSON.stringify(held.holds)).toContain(String(id));

    // Its pickup time has passed: both instances' expiry jobs are now due to act on it.
    await db.collection('maskreservations').updateOne({ _id: id }, { $set: { pickupBy: new Date(Date.now() - 60_000) } });
    const deadline = Date.now() + 15_000;
    while ((await db.collection('maskreservations').findOne({ _id: id }))!.status === 'approved' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1500)); // several more ticks of every job on both instances

    const expired = (await db.collection('maskreservations').findOne({ _id: id }))!;
    expect(expired.status).toBe('expired');
    expect(expired.timeline.filter((e: { action: string }) => e.action === 'expire')).toHaveLength(1);
    const returned = await stockOf();
    expect(returned.available).toBe(held.available + reservation.quantity);
    expect(JSON.stringify(returned.holds)).not.toContain(String(id));
    process.stdout.write(`two instances: reservation expired once, ${reservation.quantity} masks returned once (available ${held.available} → ${returned.available})\n`);
  });

  it('ran every job, complaint and mask, and no run of a job overlapped another run of it on either instance', () => {
    const runs = new Map<string, { job: string; instance: string; start: number; end: number }>();
    for (const line of instances.flatMap((i) => i.lines)) {
      if (line.phase !== 'start' && line.phase !== 'end') continue;
      const key = `${line.instance}#${line.run}`;
      const run = runs.get(key) ?? { job: String(line.job), instance: String(line.instance), start: NaN, end: Infinity };
      if (line.phase === 'start') run.start = Number(line.time);
      else run.end = Number(line.time);
      runs.set(key, run);
    }
    const byJob = new Map<string, Array<{ instance: string; start: number; end: number }>>();
    for (const run of runs.values()) byJob.set(run.job, [...(byJob.get(run.job) ?? []), run]);
    expect([...byJob.keys()].sort()).toEqual(allJobs.map((j) => j.name).sort());
    const summary: string[] = [];
    for (const [job, list] of byJob) {
      expect(list.every((r) => Number.isFinite(r.start))).toBe(true);
      const sorted = [...list].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].start < sorted[i - 1].end) throw new Error(`${job}: runs overlap: ${JSON.stringify(sorted[i - 1])} and ${JSON.stringify(sorted[i])}`);
      }
      const on = new Set(list.map((r) => r.instance));
      summary.push(`${job}: runs ${list.length}, instances ${on.size}`);
    }
    process.stdout.write(`two instances, no overlapping runs: ${summary.join('; ')}\n`);
  });

  it('stops both instances on SIGTERM once their running jobs have ended, leaving every lease released', async () => {
    const exits = instances.map((i) => new Promise<number | null>((resolve) => (i.child.exitCode !== null ? resolve(i.child.exitCode) : i.child.once('exit', (code) => resolve(code)))));
    for (const { child } of instances) child.kill('SIGTERM');
    expect(await Promise.all(exits)).toEqual([0, 0]);
    for (const { lines } of instances) expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
    const leases = await db.collection('jobleases').find().toArray();
    expect(leases.filter((l) => l.token !== undefined || l.leaseUntil > new Date())).toEqual([]);
  });
});
