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
 * here too, from the storage itself. CongoDB's own handler keeps a cache of
 * index definitions per "db.collection" for the whole process, which outlives
 * a dropped database: an index created again after dropDatabase was reported
 * as created but never stored, so it was no longer enforced. As on mongod,
 * building a unique index over documents that already hold duplicates fails
 * with E11000 and builds nothing.
 *
 * The storage also counts its changes, so a snapshot (snapshot.ts) is only
 * written when something changed since the last one.
 */
import { EJSON, Long, ObjectId } from 'bson';

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
interface CommandHandler {
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

/** The value a document has for one index key path; missing reads as null, as in MongoDB. */
function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined ? null : current;
}

/** Index values as a comparable string; ObjectIds and Dates stay apart from strings that look like them. */
function keyString(values: unknown[]): string {
  // The replacer sees values after toJSON; the holder still has the originals.
  return JSON.stringify(values, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof ObjectId) return { $oid: raw.toHexString() };
    if (raw instanceof Date) return { $date: raw.getTime() };
    return value;
  });
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

// ---------------------------------------------------------------------------
// Index commands, answered from the storage (see the header)
// ---------------------------------------------------------------------------

const sameJson = (a: unknown, b: unknown) => EJSON.stringify(a ?? null, { relaxed: false }) === EJSON.stringify(b ?? null, { relaxed: false });

/** The options that make two indexes on the same key different indexes (or conflicting ones). */
function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return (
    !!a.unique === !!b.unique &&
    !!a.sparse === !!b.sparse &&
    (a.expireAfterSeconds ?? null) === (b.expireAfterSeconds ?? null) &&
    sameJson(a.partialFilterExpression, b.partialFilterExpression)
  );
}

/** The driver's default index name: { a: 1, b: -1 } → "a_1_b_-1". */
export function defaultIndexName(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

function toNumber(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Long) return value.toNumber();
  return Number(value);
}

function failure(code: number, codeName: string, errmsg: string, extra: Record<string, unknown> = {}) {
  return { ok: 0, errmsg, code, codeName, ...extra };
}

function createIndexHandler(storage: CongoStorage): CommandHandler {
  const existing = (db: string, coll: string) => storage.databases.get(db)?.has(coll) ?? false;
  const indexesOf = (db: string, coll: string) => storage.indexes.get(db)?.get(coll);

  /** The first duplicate a new unique index would meet, or undefined. */
  function firstDuplicate(db: string, coll: string, spec: IndexSpec): Record<string, unknown> | undefined {
    const paths = Object.keys(spec.key);
    const seen = new Set<string>();
    for (const doc of storage.databases.get(db)?.get(coll)?.values() ?? []) {
      const values = paths.map((p) => valueAt(doc, p));
      if (spec.sparse && values.every((v) => v === null)) continue;
      const key = keyString(values);
      if (seen.has(key)) return Object.fromEntries(paths.map((p, i) => [p, values[i]]));
      seen.add(key);
    }
    return undefined;
  }

  function createIndexes(db: string, coll: string, requested: unknown) {
    if (!Array.isArray(requested) || requested.length === 0) return failure(2, 'BadValue', 'Must specify at least one index to create');
    const specs: IndexSpec[] = [];
    for (const raw of requested as Array<Record<string, unknown>>) {
      if (!raw || typeof raw.key !== 'object' || raw.key === null || Object.keys(raw.key).length === 0) {
        return failure(67, 'CannotCreateIndex', 'Index keys cannot be empty.');
      }
      const key = raw.key as Record<string, unknown>;
      specs.push({
        v: 2,
        key,
        name: typeof raw.name === 'string' ? raw.name : defaultIndexName(key),
        ...(raw.unique ? { unique: true } : {}),
        ...(raw.sparse ? { sparse: true } : {}),
        ...(raw.expireAfterSeconds !== undefined ? { expireAfterSeconds: toNumber(raw.expireAfterSeconds) } : {}),
        ...(raw.partialFilterExpression ? { partialFilterExpression: raw.partialFilterExpression as Record<string, unknown> } : {}),
      });
    }
    const createdCollectionAutomatically = !existing(db, coll);
    const before = indexesOf(db, coll) ?? [{ name: '_id_', key: { _id: 1 }, unique: true }];
    // Everything is checked before anything is built: one failing index builds none (as on mongod).
    const toBuild: IndexSpec[] = [];
    for (const spec of specs) {
      const sameName = before.find((i) => i.name === spec.name) ?? toBuild.find((i) => i.name === spec.name);
      if (sameName) {
        if (!sameJson(sameName.key, spec.key)) {
          return failure(86, 'IndexKeySpecsConflict', `An existing index has the same name as the requested index. Requested index: ${EJSON.stringify(spec)}, existing index: ${EJSON.stringify(sameName)}`);
        }
        if (!sameOptions(sameName, spec)) {
          return failure(85, 'IndexOptionsConflict', `An equivalent index already exists with the same name but different options. Requested index: ${EJSON.stringify(spec)}, existing index: ${EJSON.stringify(sameName)}`);
        }
        continue; // the very same index: nothing to do
      }
      const sameKey = before.find((i) => sameJson(i.key, spec.key) && sameJson(i.partialFilterExpression, spec.partialFilterExpression));
      if (sameKey) {
        return failure(85, 'IndexOptionsConflict', `Index already exists with a different name: ${sameKey.name}`);
      }
      if (spec.unique) {
        const dup = firstDuplicate(db, coll, spec);
        if (dup) {
          return failure(
            11000,
            'DuplicateKey',
            `Index build failed: ${db}.${coll} :: caused by :: E11000 duplicate key error collection: ${db}.${coll} index: ${spec.name} dup key: ${keyString([dup])}`,
            { keyPattern: spec.key, keyValue: dup },
          );
        }
      }
      toBuild.push(spec);
    }
    // Synchronous from here: no other command runs between the check above and the build.
    storage.ensureCollection(db, coll);
    const list = indexesOf(db, coll)!;
    const numIndexesBefore = list.length;
    if (toBuild.length > 0) {
      list.push(...toBuild);
      storage.touch();
    }
    return {
      ok: 1,
      numIndexesBefore,
      numIndexesAfter: list.length,
      createdCollectionAutomatically,
      ...(toBuild.length === 0 ? { note: 'all indexes already exist' } : {}),
    };
  }

  function listIndexes(db: string, coll: string) {
    if (!existing(db, coll)) return failure(26, 'NamespaceNotFound', `ns does not exist: ${db}.${coll}`);
    const firstBatch = (indexesOf(db, coll) ?? []).map((i) => ({
      v: 2,
      key: i.key,
      name: i.name,
      ...(i.unique && i.name !== '_id_' ? { unique: true } : {}),
      ...(i.sparse ? { sparse: true } : {}),
      ...(i.expireAfterSeconds !== undefined ? { expireAfterSeconds: i.expireAfterSeconds } : {}),
      ...(i.partialFilterExpression ? { partialFilterExpression: i.partialFilterExpression } : {}),
    }));
    return { ok: 1, cursor: { id: Long.fromNumber(0), ns: `${db}.${coll}`, firstBatch } };
  }

  function dropIndexes(db: string, coll: string, which: unknown) {
    if (!existing(db, coll)) return failure(26, 'NamespaceNotFound', `ns not found ${db}.${coll}`);
    const list = indexesOf(db, coll)!;
    const nIndexesWas = list.length;
    let names: string[];
    if (which === '*') names = list.filter((i) => i.name !== '_id_').map((i) => i.name);
    else if (typeof which === 'string') names = [which];
    else if (Array.isArray(which)) names = which.map(String);
    else if (which && typeof which === 'object') {
      const byKey = list.find((i) => sameJson(i.key, which));
      if (!byKey) return failure(27, 'IndexNotFound', `can't find index with key: ${EJSON.stringify(which)}`);
      names = [byKey.name];
    } else return failure(2, 'BadValue', 'invalid index name spec');
    for (const name of names) {
      if (name === '_id_') return failure(72, 'InvalidOptions', 'cannot drop _id index');
      if (!list.some((i) => i.name === name)) return failure(27, 'IndexNotFound', `index not found with name [${name}]`);
    }
    storage.indexes.get(db)!.set(coll, list.filter((i) => !names.includes(i.name)));
    storage.touch();
    return { ok: 1, nIndexesWas };
  }

  return {
    async handle({ database, command }) {
      if (command.createIndexes !== undefined) return createIndexes(database, String(command.createIndexes), command.indexes);
      if (command.listIndexes !== undefined) return listIndexes(database, String(command.listIndexes));
      if (command.dropIndexes !== undefined) return dropIndexes(database, String(command.dropIndexes), command.index);
      return failure(59, 'CommandNotFound', 'Unknown index command');
    },
  };
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
