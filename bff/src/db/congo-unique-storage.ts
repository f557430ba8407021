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
 */
import { ObjectId } from 'bson';

// The package ships ESM-flavoured paths that Node loads as CommonJS; require is the documented way in.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const congo = require('@push.rocks/smartmongo/dist_ts/congodb/index.js') as CongoModule;

type Doc = Record<string, unknown> & { _id: ObjectId };
interface IndexSpec {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  sparse?: boolean;
}
interface MemoryStorage {
  insertOne(db: string, coll: string, doc: Record<string, unknown>): Promise<Doc>;
  updateById(db: string, coll: string, id: ObjectId, doc: Doc): Promise<boolean>;
}
interface MemoryStorageInternals {
  ensureCollection(db: string, coll: string): Map<string, Doc>;
  indexes: Map<string, Map<string, IndexSpec[]>>;
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
}

export class DuplicateKeyError extends Error {
  readonly code = 11000;
  readonly codeName = 'DuplicateKey';
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

function keyString(values: unknown[]): string {
  return JSON.stringify(values, (_k, v) => (v instanceof ObjectId ? { $oid: v.toHexString() } : v));
}

export function createUniqueEnforcingStorage(): MemoryStorage {
  const storage = new congo.MemoryStorageAdapter();
  const internals = storage as unknown as MemoryStorageInternals;
  const insertOne = storage.insertOne.bind(storage);
  const updateById = storage.updateById.bind(storage);

  function assertUnique(db: string, coll: string, doc: Record<string, unknown>, selfId?: string): void {
    const unique = (internals.indexes.get(db)?.get(coll) ?? []).filter((i) => i.unique && i.name !== '_id_');
    if (unique.length === 0) return;
    const docs = internals.ensureCollection(db, coll);
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
  return storage;
}

/** Starts CongoDB on a loopback port with the unique-enforcing storage. */
export async function startCongo(port = 0): Promise<CongoServerLike> {
  const chosenPort = port || (await freePort());
  const server = new congo.CongoServer({ port: chosenPort, host: '127.0.0.1' });
  const withStorage = server as unknown as { storage: MemoryStorage; commandRouter: { storage: MemoryStorage } };
  const storage = createUniqueEnforcingStorage();
  withStorage.storage = storage;
  withStorage.commandRouter.storage = storage;
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
