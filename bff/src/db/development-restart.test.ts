import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { EJSON, ObjectId } from 'bson';
import { SNAPSHOT_FILE } from './snapshot';

/**
 * The real BFF process in development on the offline database (CongoDB):
 * what was filed before a SIGTERM is there after the next start, `npm run
 * reset` (bff/scripts/reset.mjs) makes the start after it fresh, and a
 * snapshot whose data breaks a unique index stops the start, saying which.
 */
const root = path.resolve(__dirname, '../../..');
const IN_A = { lat: 31.2291, lng: 121.5231 };

interface Bff {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
  base: string;
}

function startBff(dataDir: string): Bff & { listening: Promise<void> } {
  const { MONGODB_URI: _suite, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/server.ts'], {
    cwd: root,
    env: { ...env, NODE_ENV: 'development', EMBEDDED_DB: 'congodb', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', STATIC_DIR: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bff = { child, lines: [] as Array<Record<string, unknown>>, base: '' } as Bff & { listening: Promise<void> };
  // 'close', not 'exit': it comes after the pipes are drained, so every line the BFF wrote has been read.
  bff.exited = new Promise((resolve) => child.once('close', (code) => resolve(code)));
  bff.listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 45 s:\n${log(bff)}`)), 45_000);
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line);
        } catch {
          entry = { raw: line };
        }
        bff.lines.push(entry);
        if (typeof entry.port === 'number' && String(entry.msg).includes('listening')) {
          bff.base = `http://127.0.0.1:${entry.port}`;
          clearTimeout(timer);
          resolve();
        }
      });
    }
    void bff.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the BFF exited with ${code} before listening:\n${log(bff)}`));
    });
  });
  bff.listening.catch(() => undefined);
  return bff;
}
const log = (bff: Bff) => bff.lines.map((l) => JSON.stringify(l)).join('\n');
const databaseLine = (bff: Bff) => bff.lines.find((l) => typeof l.database === 'string')!;

async function stop(bff: Bff): Promise<number | null> {
  bff.child.kill('SIGTERM');
  return bff.exited;
}

async function call(bff: Bff, method: string, route: string, token?: string, body?: unknown) {
  const response = await fetch(bff.base + route, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
const login = async (bff: Bff, openid: string) => (await call(bff, 'POST', '/api/auth/login', undefined, { code: `dev:${openid}` })).body.token as string;

describe('development data across restarts (offline CongoDB, snapshot in DATA_DIR)', () => {
  const dirs: string[] = [];
  const running: Bff[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sqtb-data-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (dataDir: string) => {
    const bff = startBff(dataDir);
    running.push(bff);
    await bff.listening;
    return bff;
  };
  afterAll(async () => {
    for (const bff of running) if (bff.child.exitCode === null) bff.child.kill('SIGKILL');
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a complaint filed before a SIGTERM, and npm run reset starts fresh', async () => {
    const dataDir = await tempDir();

    // 1. First start: nothing to load; a complaint is filed; SIGTERM writes the snapshot.
    const first = await start(dataDir);
    expect(databaseLine(first)).toMatchObject({ database: 'congodb', persistent: true, persistence: 'snapshot', snapshotLoaded: false });
    expect(String(databaseLine(first).msg)).toMatch(/no snapshot yet/);
    const token = await login(first, 'resident-1');
    const filed = await call(first, 'POST', '/api/complaints', token, {
      category: 'street-occupation',
      description: '小区门口早餐摊占道经营，行人只能走机动车道',
      location: IN_A,
      address: '潍坊路 400 号门口',
    });
    expect(filed.status).toBe(201);
    const id = filed.body.id as string;
    expect(await stop(first)).toBe(0);
    const written = first.lines.find((l) => String(l.msg).startsWith('database snapshot written'));
    expect(written).toMatchObject({ snapshot: path.join(dataDir, SNAPSHOT_FILE) });
    expect(await readdir(dataDir)).toContain(SNAPSHOT_FILE);
    expect(await readdir(dataDir)).not.toContain('congodb-snapshot.pid');

    // 2. Second start, same DATA_DIR: the snapshot is loaded and the complaint is there.
    const second = await start(dataDir);
    const loaded = databaseLine(second);
    expect(loaded).toMatchObject({ database: 'congodb', persistent: true, snapshotLoaded: { documents: written!.documents } });
    expect(String(loaded.msg)).toMatch(new RegExp(`snapshot loaded: ${written!.documents} documents`));
    const again = await login(second, 'resident-1');
    const found = await call(second, 'GET', `/api/complaints/${id}`, again);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id, status: 'submitted', description: '小区门口早餐摊占道经营，行人只能走机动车道' });
    expect(await stop(second)).toBe(0);
    const load = loaded.snapshotLoaded as { documents: number; bytes: number; ms: number };
    const finalWrite = second.lines.find((l) => String(l.msg).startsWith('database snapshot written'))!;
    process.stdout.write(`demo data snapshot: ${load.documents} documents, ${load.bytes} bytes; load ${load.ms} ms, write ${written!.ms} ms (first stop) and ${finalWrite.ms} ms (second stop)\n`);

    // 3. npm run reset, then a third start: fresh (the demo district seeded again, no complaint).
    const reset = await promisify(execFile)(process.execPath, ['bff/scripts/reset.mjs'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } });
    expect(reset.stdout).toMatch(new RegExp(`removed .*${SNAPSHOT_FILE} \\(CongoDB snapshot`));
    expect(await readdir(dataDir)).not.toContain(SNAPSHOT_FILE);
    const third = await start(dataDir);
    expect(databaseLine(third)).toMatchObject({ snapshotLoaded: false });
    const fresh = await login(third, 'resident-1');
    expect((await call(third, 'GET', `/api/complaints/${id}`, fresh)).status).toBe(404);
    expect(await stop(third)).toBe(0);
  }, 180_000);

  it('stops the start when the data breaks a unique index, naming the collection, the index and the count', async () => {
    const dataDir = await tempDir();
    const user = (openid: string) => ({ _id: new ObjectId(), openid, role: 'resident', registered: false });
    const snapshot = {
      format: 'sqtb-congodb-snapshot',
      version: 1,
      writtenAt: new Date(),
      databases: { sqtb: { users: { indexes: [], documents: [user('twice'), user('twice'), user('thrice'), user('thrice'), user('thrice'), user('once')] } } },
    };
    const file = path.join(dataDir, SNAPSHOT_FILE);
    await writeFile(file, EJSON.stringify(snapshot, { relaxed: false }));
    const bff = startBff(dataDir);
    running.push(bff);
    await expect(bff.listening).rejects.toThrow(/exited with 1/);
    const fatal = bff.lines.filter((l) => l.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ collection: 'users', index: 'openid_1', duplicateValues: 2, documents: 5, snapshot: file });
    expect(String(fatal[0].msg)).toMatch(/unique index "openid_1" on collection "users" cannot be built: 2 values of \{ openid \} occur more than once \(5 documents in all\)\..* The duplicates were loaded from the development snapshot .*npm run reset/);
    // The data is left as it was found, for someone to mend.
    expect(EJSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'))).toEqual(EJSON.parse(EJSON.stringify(snapshot, { relaxed: false })));
  }, 60_000);
});
