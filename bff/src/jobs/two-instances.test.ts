import path from 'node:path';
import mongoose from 'mongoose';
import { cellOf } from '@sqtb/shared';
import { spawn, type ChildProcess } from 'node:child_process';
import { startCongo, type CongoServerLike } from '../db/congo-unique-storage';

/**
 * Two real BFF processes on one database, each running the scheduler every
 * 200 ms: every due item is changed exactly once.
 */
const SPOT = { lat: 31.2271, lng: 121.5211 };

describe('scheduled jobs on two BFF instances at once', () => {
  let congo: CongoServerLike;
  let db: mongoose.Connection;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    congo = await startCongo();
    const uri = `mongodb://127.0.0.1:${congo.port}/?serverMonitoringMode=poll`;
    db = await mongoose.createConnection(uri, { dbName: 'sqtb' }).asPromise();
    const root = path.resolve(__dirname, '../../..');
    const started = (child: ChildProcess) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('an instance did not start')), 30_000);
        child.stdout!.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('listening')) {
            clearTimeout(timer);
            resolve();
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
      children.push(child);
      await started(child);
    }
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
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
});
