import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { createLogger } from '../core/logger';
import { MONGOD_DIR, startEmbeddedDatabase } from './embedded';

/**
 * How the embedded mongod is driven in development: its wiredTiger files under
 * DATA_DIR, kept at stop and reopened at the next start. No real mongod can
 * be installed here, so a stand-in binary (stand-in-mongod.cjs) is given to
 * mongodb-memory-server through MONGOMS_SYSTEM_BINARY: this checks the
 * arguments and the directory handling, not wiredTiger's own durability.
 */
describe('the embedded mongod keeps its files under DATA_DIR', () => {
  let dir: string;
  let argsLog: string;
  const saved = { ...process.env };
  const log = createLogger('silent');

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sqtb-mongod-'));
    argsLog = path.join(dir, 'args.log');
    Object.assign(process.env, { MONGOMS_SYSTEM_BINARY: await standIn('mongod', {}), MONGOMS_VERSION: '7.0.14' });
  });
  /** The binary, with its settings inside (a test's process.env does not reach the processes it starts). */
  async function standIn(name: string, env: Record<string, string>): Promise<string> {
    const binary = path.join(dir, name);
    const settings = Object.entries({ STAND_IN_MONGOD_LOG: argsLog, ...env }).map(([k, v]) => `${k}='${v}'`).join(' ');
    await writeFile(binary, `#!/bin/sh\n${settings} exec "${process.execPath}" "${path.join(__dirname, 'stand-in-mongod.cjs')}" "$@"\n`);
    await chmod(binary, 0o755);
    return binary;
  }
  afterAll(async () => {
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it('starts mongod on DATA_DIR/mongod with wiredTiger, keeps the files at stop, and says it reopened them', async () => {
    const dataDir = path.join(dir, 'data');
    const dbPath = path.join(dataDir, MONGOD_DIR);

    const first = await startEmbeddedDatabase('mongodb-memory-server', log, { dataDir });
    expect(first).toMatchObject({ kind: 'mongodb-memory-server', persistent: true, keeping: { how: 'files', dbPath, reused: false } });
    const connection = await mongoose.createConnection(first.uri, { dbName: 'sqtb' }).asPromise();
    expect(await connection.db!.admin().ping()).toMatchObject({ ok: 1 });
    await connection.close();
    await first.stop();
    expect(await readdir(dbPath)).toContain('WiredTiger'); // not cleaned up with the instance

    const second = await startEmbeddedDatabase('mongodb-memory-server', log, { dataDir });
    expect(second.keeping).toEqual({ how: 'files', dbPath, reused: true });
    await second.stop();

    const runs = (await readFile(argsLog, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as string[]);
    expect(runs).toHaveLength(2);
    for (const args of runs) {
      expect(args[args.indexOf('--dbpath') + 1]).toBe(dbPath);
      expect(args[args.indexOf('--storageEngine') + 1]).toBe('wiredTiger');
    }
  }, 60_000);

  it('never falls back to an empty database when the kept files do not open', async () => {
    const dataDir = path.join(dir, 'data'); // holds the files of the test above
    const working = process.env.MONGOMS_SYSTEM_BINARY;
    process.env.MONGOMS_SYSTEM_BINARY = await standIn('failing-mongod', { STAND_IN_MONGOD_FAIL: '1' });
    // mongodb-memory-server warns on the console about the failure this test causes.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(startEmbeddedDatabase('auto', log, { dataDir })).rejects.toThrow(/mongod could not open the data in .*mongod .*npm run reset/s);
    } finally {
      process.env.MONGOMS_SYSTEM_BINARY = working;
      warn.mockRestore();
    }
  }, 60_000);

  it('keeps everything in memory without a data directory (tests)', async () => {
    const db = await startEmbeddedDatabase('mongodb-memory-server', log);
    expect(db).toMatchObject({ persistent: false, keeping: { how: 'memory' } });
    await db.stop();
    const last = (await readFile(argsLog, 'utf8')).trim().split('\n').pop()!;
    expect(JSON.parse(last)[JSON.parse(last).indexOf('--dbpath') + 1]).not.toContain(dir);
  }, 60_000);
});
