import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn, type ChildProcess } from 'node:child_process';
import mongoose from 'mongoose';
import { startCongo, type CongoServerLike } from '../db/congo-unique-storage';

/**
 * Two real BFF processes on one database, at the production limits
 * (RATE_LIMIT_FACTOR=1): the login route allows 60 a minute per address, and
 * that is 60 for the pair, not 60 each. Requests split across the two reach
 * the limit together, and the next one is refused on either.
 */
const LOGIN_PER_IP = 60;

interface Instance {
  child: ChildProcess;
  port: number;
}

describe('rate limits on two BFF instances at once', () => {
  let congo: CongoServerLike;
  let db: mongoose.Connection;
  let dataDir: string;
  const instances: Instance[] = [];

  beforeAll(async () => {
    congo = await startCongo();
    const uri = `mongodb://127.0.0.1:${congo.port}/?serverMonitoringMode=poll`;
    db = await mongoose.createConnection(uri, { dbName: 'sqtb' }).asPromise();
    dataDir = mkdtempSync(path.join(tmpdir(), 'sqtb-shared-limits-'));
    const root = path.resolve(__dirname, '../../..');
    const start = (child: ChildProcess) =>
      new Promise<Instance>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('an instance did not start')), 30_000);
        let partial = '';
        child.once('exit', (code) => reject(new Error(`an instance exited with ${code} before listening`)));
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
            if (String(entry.msg).includes('listening') && typeof entry.port === 'number') {
              clearTimeout(timer);
              resolve({ child, port: entry.port });
            }
          }
        });
      });
    // The first instance seeds; the second starts once it has.
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/server.ts'], {
        cwd: root,
        env: {
          ...process.env,
          MONGODB_URI: uri,
          NODE_ENV: 'development',
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          STATIC_DIR: '/nonexistent',
          DATA_DIR: dataDir,
          RATE_LIMIT_FACTOR: '1',
          SEED_DEMO_DATA: i === 0 ? 'true' : 'false',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      instances.push(await start(child));
    }
  });
  afterAll(async () => {
    const children = instances.map((i) => i.child);
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await db?.close();
    await congo?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (instance: Instance) => {
    const response = await fetch(`http://127.0.0.1:${instance.port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'dev:resident-1' }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { error?: { code: string } } };
  };

  it('share the login limit: 60 split across both are let through, and the next is 429 on either', async () => {
    const statuses: number[] = [];
    // Alternate, two at a time (one to each), so both instances count into the same window concurrently.
    for (let i = 0; i < LOGIN_PER_IP; i += 2) statuses.push(...(await Promise.all([login(instances[0]), login(instances[1])])).map((r) => r.status));
    expect(statuses).toEqual(Array(LOGIN_PER_IP).fill(200));

    const onFirst = await login(instances[0]);
    const onSecond = await login(instances[1]);
    for (const refused of [onFirst, onSecond]) {
      expect([refused.status, refused.body.error?.code]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    }

    const counter = await db.collection('ratelimitcounters').findOne({ key: 'login:ip:127.0.0.1' });
    expect(counter?.count).toBe(LOGIN_PER_IP + 2);
    process.stdout.write(`two instances, one login limit: ${LOGIN_PER_IP} let through across both, then 429 on each (Retry-After ${onFirst.retryAfter} s, ${onSecond.retryAfter} s)\n`);
  });
});
