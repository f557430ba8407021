/**
 * CongoDB (inside @push.rocks/smartmongo) speaks the MongoDB wire protocol in
 * pure TypeScript, which makes it the one embedded server that runs offline
 * here. It records unique indexes but does not enforce them. This storage
 * adapter closes that gap: every insert and replace first checks the
 * collection's unique indexes and refuses a duplicate with MongoDB's own
 * E11000 error, which mongoose reports as usual.
 *
 * Why this is race-free: CongoDB's memory storage does its work synchronously
 * inside async methods. The check below reads the live maps and the write that
 * follows happens in the same synchronous run, so no other command can slip
 * between them. Limits (documented, not needed by our schemas): multikey
 * (array) values and partialFilterExpression are not supported — design
 * unique constraints on plain fields.
 *
 * The index commands (createIndexes, listIndexes, dropIndexes) are answered
 * from the storage itself (congo-index-commands.ts): CongoDB's own handler
 * kept index definitions apart from the storage, so a dropped database left
 * them behind and an index created again was never enforced.
 *
 * The storage also counts its changes, so a snapshot (snapshot.ts) is only
 * written when something changed since the last one.
 */
import type { ObjectId } from 'bson';
import { createIndexHandler } from './congo-index-commands';
import { keyString, valueAt } from './index-key-values';

// The package ships ESM-flavoured paths that Node loads as CommonJS; require is the documented way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const congo = require('@push.rocks/smartmongo/dist_ts/congodb/index.js') as CongoModule;

export type Doc = Record<string, unknown> & { _id: ObjectId };
export interface IndexSpec {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  sparse?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: Record<string, unknown>;
  v?: number;
}
interface MemoryStorage {
  insertOne(db: string, coll: string, doc: Record<string, unknown>): Promise<Doc>;
  updateById(db: string, coll: string, id: ObjectId, doc: Doc): Promise<boolean>;
}
interface MemoryStorageInternals {
  ensureCollection(db: string, coll: string): Map<string, Doc>;
  /** Database → collection → _id hex → document. */
  databases: Map<string, Map<string, Map<string, Doc>>>;
  /** Database → collection → index definitions (the first is always _id_). */
  indexes: Map<string, Map<string, IndexSpec[]>>;
}
/** The storage behind startCongo: CongoDB's memory storage with unique indexes enforced. */
export type CongoStorage = MemoryStorage &
  MemoryStorageInternals & {
    /** Grows with every change to documents, collections or indexes. */
    readonly changes: number;
    /** Counts a change made to the maps directly. */
    touch(): void;
  };
interface CommandContext {
  database: string;
  command: Record<string, unknown>;
}
export interface CommandHandler {
  handle(context: CommandContext): Promise<Record<string, unknown>>;
}
interface CongoModule {
  MemoryStorageAdapter: new (options?: object) => MemoryStorage;
  CongoServer: new (options: { port: number; host: string }) => CongoServerLike;
}
export interface CongoServerLike {
  start(): Promise<void>;
  stop(): Promise<void>;
  getConnectionUri(): string;
  readonly port: number;
  /** The live storage (snapshots read and load it directly). */
  readonly storage: CongoStorage;
}

export class DuplicateKeyError extends Error {
  readonly code = 11000;
  readonly codeName = 'DuplicateKey';
  constructor(
    message: string,
    readonly keyPattern?: Record<string, unknown>,
    readonly keyValue?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Storage methods that change what a snapshot would hold. */
const MUTATORS = [
  'insertOne',
  'updateById',
  'deleteById',
  'createDatabase',
  'dropDatabase',
  'createCollection',
  'dropCollection',
  'renameCollection',
  'saveIndex',
  'dropIndex',
] as const;

export function createUniqueEnforcingStorage(): CongoStorage {
  const storage = new congo.MemoryStorageAdapter() as CongoStorage;
  const insertOne = storage.insertOne.bind(storage);
  const updateById = storage.updateById.bind(storage);

  function assertUnique(db: string, coll: string, doc: Record<string, unknown>, selfId?: string): void {
    const unique = (storage.indexes.get(db)?.get(coll) ?? []).filter((i) => i.unique && i.name !== '_id_');
    if (unique.length === 0) return;
    const docs = storage.ensureCollection(db, coll);
    for (const index of unique) {
      const paths = Object.keys(index.key);
      const values = paths.map((p) => valueAt(doc, p));
      if (index.sparse && values.every((v) => v === null)) continue;
      const wanted = keyString(values);
      for (const [id, other] of docs) {
        if (id === selfId) continue;
        if (keyString(paths.map((p) => valueAt(other, p))) === wanted) {
          const dup = Object.fromEntries(paths.map((p, i) => [p, values[i]]));
          throw new DuplicateKeyError(
            `E11000 duplicate key error collection: ${db}.${coll} index: ${index.name} dup key: ${keyString([dup])}`,
            index.key,
            dup,
          );
        }
      }
    }
  }

  storage.insertOne = (db, coll, doc) => {
    try {
      assertUnique(db, coll, doc);
    } catch (err) {
      return Promise.reject(err);
    }
    return insertOne(db, coll, doc);
  };
  storage.updateById = (db, coll, id, doc) => {
    try {
      assertUnique(db, coll, doc, id.toHexString());
    } catch (err) {
      return Promise.reject(err);
    }
    return updateById(db, coll, id, doc);
  };

  let changes = 0;
  const methods = storage as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of MUTATORS) {
    const original = methods[name].bind(storage);
    methods[name] = (...args: unknown[]) => {
      changes++;
      return original(...args);
    };
  }
  Object.defineProperty(storage, 'changes', { get: () => changes, enumerable: false });
  storage.touch = () => void changes++;
  return storage;
}

/** Starts CongoDB on a loopback port with the unique-enforcing storage. */
export async function startCongo(port = 0): Promise<CongoServerLike> {
  const chosenPort = port || (await freePort());
  const server = new congo.CongoServer({ port: chosenPort, host: '127.0.0.1' });
  const internals = server as unknown as { storage: CongoStorage; commandRouter: { storage: CongoStorage; handlers: Map<string, CommandHandler> } };
  const storage = createUniqueEnforcingStorage();
  internals.storage = storage;
  internals.commandRouter.storage = storage;
  const indexHandler = createIndexHandler(storage);
  for (const command of ['createIndexes', 'listIndexes', 'dropIndexes']) internals.commandRouter.handlers.set(command, indexHandler);
  await server.start();
  return server;
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
