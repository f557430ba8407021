import { lookup } from 'node:dns/promises';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../core/logger';
import { startCongo, type CongoServerLike } from './congo-unique-storage';
import { loadSnapshot, processAlive, removeStaleTemporaries, SNAPSHOT_FILE, SNAPSHOT_PID_FILE, writeSnapshot, type SnapshotIndex, type SnapshotLoaded } from './snapshot';

/**
 * The database the BFF runs on when MONGODB_URI is unset: a real mongod through
 * mongodb-memory-server where one can be had (a cached or system binary, or a
 * download on a machine with internet), else CongoDB, a wire-compatible server
 * in pure TypeScript (see congo-unique-storage.ts).
 *
 * Given a data directory (development), the data survives a restart:
 * - mongod keeps its wiredTiger files in DATA_DIR/mongod and opens them again;
 * - CongoDB, in memory only, is loaded from DATA_DIR/congodb-snapshot.ejson at
 *   start and written there every minute (when something changed) and at a
 *   graceful stop (snapshot.ts).
 * Without one (tests), both keep everything in memory.
 */
export interface EmbeddedDatabase {
  kind: 'mongodb-memory-server' | 'congodb';
  uri: string;
  /** True when the data outlives the process. */
  persistent: boolean;
  /** How the data is kept, for the start log. */
  keeping: KeptIn;
  /** Index definitions from a loaded snapshot, built again once the models' own are (database.ts). */
  snapshotIndexes: SnapshotIndex[];
  /** Called once the start succeeded: snapshots begin to be written at the interval. */
  started(): void;
  /** Stops the server; by default a snapshot-keeping one writes its final snapshot first. */
  stop(options?: { snapshot?: boolean }): Promise<void>;
}

export type KeptIn =
  | { how: 'memory' }
  | { how: 'files'; dbPath: string; reused: boolean }
  | { how: 'snapshot'; file: string; loaded?: Omit<SnapshotLoaded, 'indexes'> };

export type EmbeddedChoice = 'auto' | 'mongodb-memory-server' | 'congodb';

export interface EmbeddedOptions {
  /** Where the data is kept between runs (development). Unset: in memory only. */
  dataDir?: string;
  /** How often a changed CongoDB database is written to its snapshot (default every 60 s). */
  snapshotIntervalMs?: number;
}

/** mongod's files inside DATA_DIR (bff/scripts/reset.mjs removes this directory by name). */
export const MONGOD_DIR = 'mongod';
const SNAPSHOT_EVERY_MS = 60_000;

export async function startEmbeddedDatabase(choice: EmbeddedChoice, log: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  if (choice === 'congodb') return startCongoDatabase(log, options);
  if (choice === 'mongodb-memory-server') return startMongod(log, options);
  if (!(await realMongodAvailable(log))) return startCongoDatabase(log, options);
  try {
    return await startMongod(log, options);
  } catch (err) {
    if (err instanceof KeptDataUnreadable) throw err;
    log.warn({ err }, 'mongodb-memory-server could not start a mongod; using CongoDB instead');
    return startCongoDatabase(log, options);
  }
}

class KeptDataUnreadable extends Error {}

async function startMongod(log: Logger, options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { MongoMemoryServer } = await import('mongodb-memory-server');
  if (!options.dataDir) {
    const server = await MongoMemoryServer.create();
    return {
      kind: 'mongodb-memory-server',
      uri: server.getUri(),
      persistent: false,
      keeping: { how: 'memory' },
      snapshotIndexes: [],
      started: () => undefined,
      stop: async () => void (await server.stop()),
    };
  }
  // Development: a dbPath of our own, so mongodb-memory-server neither picks a
  // temporary directory nor removes it at stop, and wiredTiger (not the
  // in-memory engine of mongod < 7) so the files hold the data.
  const dbPath = path.resolve(options.dataDir, MONGOD_DIR);
  await mkdir(dbPath, { recursive: true });
  const reused = existsSync(path.join(dbPath, 'WiredTiger'));
  if (existsSync(path.join(options.dataDir, SNAPSHOT_FILE))) {
    log.warn({ snapshot: path.resolve(options.dataDir, SNAPSHOT_FILE) }, 'a CongoDB snapshot from an offline start is also in DATA_DIR; it is not loaded (the mongod files are used)');
  }
  let server: InstanceType<typeof MongoMemoryServer>;
  try {
    server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  } catch (err) {
    // Never fall back to an empty database while the data sits in files that did not open.
    if (reused) throw new KeptDataUnreadable(`mongod could not open the data in ${dbPath} (${(err as Error).message}). Fix the cause, or remove it with npm run reset to start with an empty database.`);
    throw err;
  }
  return {
    kind: 'mongodb-memory-server',
    uri: server.getUri(),
    persistent: true,
    keeping: { how: 'files', dbPath, reused },
    snapshotIndexes: [],
    started: () => undefined,
    // mongodb-memory-server shuts mongod down cleanly; doCleanup: false keeps the dbPath whatever its defaults.
    stop: async () => void (await server.stop({ doCleanup: false })),
  };
}

async function startCongoDatabase(log: Logger, options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const server = await startCongo();
  // CongoDB has no streaming hello: the driver must poll, or it drops its pool every heartbeat.
  const uri = `${server.getConnectionUri()}/?serverMonitoringMode=poll`;
  if (!options.dataDir) {
    return { kind: 'congodb', uri, persistent: false, keeping: { how: 'memory' }, snapshotIndexes: [], started: () => undefined, stop: () => server.stop() };
  }
  try {
    return await keepAsSnapshot(server, uri, options.dataDir, options.snapshotIntervalMs ?? SNAPSHOT_EVERY_MS, log);
  } catch (err) {
    await server.stop();
    throw err;
  }
}

async function keepAsSnapshot(server: CongoServerLike, uri: string, dataDir: string, intervalMs: number, log: Logger): Promise<EmbeddedDatabase> {
  const file = path.resolve(dataDir, SNAPSHOT_FILE);
  const pidFile = path.resolve(dataDir, SNAPSHOT_PID_FILE);
  await mkdir(dataDir, { recursive: true });
  if (existsSync(path.join(dataDir, MONGOD_DIR, 'WiredTiger'))) {
    log.warn({ dbPath: path.resolve(dataDir, MONGOD_DIR) }, 'mongod files from a start with a real mongod are also in DATA_DIR; CongoDB does not read them');
  }
  const other = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (other && other !== process.pid && processAlive(other)) {
    log.warn({ pid: other, dataDir: path.resolve(dataDir) }, 'another BFF keeps its snapshot in this DATA_DIR: whichever stops last overwrites the other');
  }
  await removeStaleTemporaries(file);

  const storage = server.storage;
  const loaded = await loadSnapshot(storage, file);
  await writeFile(pidFile, `${process.pid}\n`);

  let writtenAt = storage.changes; // what the file holds: the snapshot just loaded (or nothing, when there was none)
  let hasFile = !!loaded;
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Writes when something changed since the last write; one write at a time. */
  const write = (reason: 'interval' | 'stop') => {
    writing = writing.then(async () => {
      const changes = storage.changes;
      if (changes === writtenAt && hasFile) {
        if (reason === 'stop') log.info({ snapshot: file }, 'database snapshot up to date: nothing changed since it was written');
        return;
      }
      try {
        const written = await writeSnapshot(storage, file);
        writtenAt = changes;
        hasFile = true;
        const { file: _file, ...stats } = written;
        if (reason === 'stop') log.info({ snapshot: file, ...stats }, `database snapshot written: ${written.documents} documents`);
        else log.debug({ snapshot: file, ...stats }, 'database snapshot written');
      } catch (err) {
        log.error({ err, snapshot: file }, reason === 'stop' ? 'the final database snapshot could not be written: changes since the last one are lost' : 'the database snapshot could not be written; trying again at the next interval');
      }
    });
    return writing;
  };

  const { indexes, ...loadedStats } = loaded ?? { indexes: [] as SnapshotIndex[] };
  return {
    kind: 'congodb',
    uri,
    persistent: true,
    keeping: { how: 'snapshot', file, loaded: loaded ? (loadedStats as Omit<SnapshotLoaded, 'indexes'>) : undefined },
    snapshotIndexes: indexes,
    started() {
      if (timer || stopped) return;
      timer = setInterval(() => void write('interval'), intervalMs);
      timer.unref();
    },
    async stop(options = {}) {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      // The clients are gone (database.ts disconnects first): the final snapshot is the last state.
      if (options.snapshot !== false) await write('stop');
      else await writing;
      await rm(pidFile, { force: true });
      await server.stop();
    },
  };
}

/** A mongod binary is on disk already, or the download host resolves (so a download can work). */
async function realMongodAvailable(log: Logger): Promise<boolean> {
  try {
    const { DryMongoBinary } = await import('mongodb-memory-server');
    const { resolveConfig, ResolveConfigVariables, DEFAULT_VERSION } = await import('mongodb-memory-server-core/lib/util/resolveConfig');
    const version = resolveConfig(ResolveConfigVariables.VERSION) ?? DEFAULT_VERSION;
    if (await DryMongoBinary.locateBinary({ version })) return true;
  } catch (err) {
    log.debug({ err }, 'could not look for a cached mongod');
  }
  const host = process.env.MONGOMS_DOWNLOAD_MIRROR ? new URL(process.env.MONGOMS_DOWNLOAD_MIRROR).hostname : 'fastdl.mongodb.org';
  try {
    await Promise.race([lookup(host), new Promise((_, reject) => setTimeout(() => reject(new Error('dns timeout')), 1500).unref())]);
    return true;
  } catch {
    return false;
  }
}
