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
 *
 * Both the unique check and equality queries read key maps kept beside the
 * documents (congo-key-maps.ts, congo-index-lookups.ts) rather than passing
 * over the whole collection, so their cost does not grow with it.
 */
import { ObjectId } from 'bson';
import { createIndexHandler } from './congo-index-commands';
import { withIndexLookups, type PlannedHandler } from './congo-index-lookups';
import { KeyMaps } from './congo-key-maps';
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
  deleteById(db: string, coll: string, id: ObjectId): Promise<boolean>;
  findAll(db: string, coll: string): Promise<Doc[]>;
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
    /** Index key → ids, kept in step with every write (unique checks and equality lookups read them). */
    readonly keyMaps: KeyMaps;
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
  const deleteById = storage.deleteById.bind(storage);
  const keyMaps = new KeyMaps(storage);
  Object.defineProperty(storage, 'keyMaps', { value: keyMaps, enumerable: false });

  function assertUnique(db: string, coll: string, doc: Record<string, unknown>, selfId?: string): void {
    const unique = (storage.indexes.get(db)?.get(coll) ?? []).filter((i) => i.unique && i.name !== '_id_');
    if (unique.length === 0) return;
    const docs = storage.ensureCollection(db, coll);
    for (const index of unique) {
      const paths = Object.keys(index.key);
      const values = paths.map((p) => valueAt(doc, p));
      if (index.sparse && values.every((v) => v === null)) continue;
      const wanted = keyString(values);
      for (const id of keyMaps.holders(docs, index, wanted) ?? []) {
        if (id === selfId) continue;
        const dup = Object.fromEntries(paths.map((p, i) => [p, values[i]]));
        throw new DuplicateKeyError(
          `E11000 duplicate key error collection: ${db}.${coll} index: ${index.name} dup key: ${keyString([dup])}`,
          index.key,
          dup,
        );
      }
    }
  }

  // The writes below run synchronously inside CongoDB's async methods; the key
  // maps are updated right after, before any other command can run.
  storage.insertOne = (db, coll, doc) => {
    let stored: Record<string, unknown>;
    try {
      assertUnique(db, coll, doc);
      // CongoDB's own coercion, done here so the id the document is filed under is known.
      stored = doc._id instanceof ObjectId ? doc : { ...doc, _id: new ObjectId(doc._id as string | undefined) };
    } catch (err) {
      return Promise.reject(err);
    }
    const id = (stored._id as ObjectId).toHexString();
    const existed = storage.databases.get(db)?.get(coll)?.has(id) ?? false;
    const result = insertOne(db, coll, stored);
    if (!existed) keyMaps.written(db, coll, id, 'insert');
    return result;
  };
  storage.updateById = (db, coll, id, doc) => {
    const hex = id.toHexString();
    try {
      assertUnique(db, coll, doc, hex);
    } catch (err) {
      return Promise.reject(err);
    }
    const existed = storage.databases.get(db)?.get(coll)?.has(hex) ?? false;
    const result = updateById(db, coll, id, doc);
    if (existed) keyMaps.written(db, coll, hex, 'update');
    return result;
  };
  storage.deleteById = (db, coll, id) => {
    const hex = id.toHexString();
    const existed = storage.databases.get(db)?.get(coll)?.has(hex) ?? false;
    const result = deleteById(db, coll, id);
    if (existed) keyMaps.written(db, coll, hex, 'delete');
    return result;
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

/**
 * Starts CongoDB on a loopback port with the unique-enforcing storage.
 * `indexLookups: false` leaves every read a scan of the collection, as CongoDB
 * itself does (tests compare the fast path with it).
 */
export async function startCongo(port = 0, options: { indexLookups?: boolean } = {}): Promise<CongoServerLike> {
  const chosenPort = port || (await freePort());
  const server = new congo.CongoServer({ port: chosenPort, host: '127.0.0.1' });
  const internals = server as unknown as { storage: CongoStorage; commandRouter: { storage: CongoStorage; handlers: Map<string, CommandHandler> } };
  const storage = createUniqueEnforcingStorage();
  internals.storage = storage;
  internals.commandRouter.storage = storage;
  const indexHandler = createIndexHandler(storage);
  for (const command of ['createIndexes', 'listIndexes', 'dropIndexes']) internals.commandRouter.handlers.set(command, indexHandler);
  // Equality reads by _id or by an index's keys get only their candidate documents (congo-index-lookups.ts).
  const handlers = internals.commandRouter.handlers;
  const planned: Record<string, PlannedHandler> = { find: 'find', count: 'find', distinct: 'find', update: 'update', findAndModify: 'update', delete: 'delete', aggregate: 'aggregate' };
  if (options.indexLookups !== false) for (const [command, kind] of Object.entries(planned)) handlers.set(command, withIndexLookups(kind, handlers.get(command)!, storage.keyMaps));
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
