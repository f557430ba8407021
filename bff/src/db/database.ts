import mongoose, { type mongo } from 'mongoose';
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded';
import type { SnapshotIndex } from './snapshot';
import { isDuplicateKey } from './duplicate-key';

/** Where the records live, and whether they outlive this process. */
export interface Database {
  kind: 'external' | 'mongodb-memory-server' | 'congodb';
  persistent: boolean;
  connection: mongoose.Connection;
  /** True when the server answers a ping within the time given. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** Disconnects; an embedded database then stops (writing its final snapshot when it keeps one). */
  close(): Promise<void>;
}

// Fail fast when the database is away instead of queueing requests for seconds.
mongoose.set('bufferCommands', false);
mongoose.set('strictQuery', true);
// Otherwise every query records the stack it was run from (only ever shown if it is run twice),
// and with source maps on that formatting cost more than building the query.
mongoose.set('skipOriginalStackTraces', true);

export async function connectDatabase(
  config: Pick<Config, 'mongodbUri' | 'mongodbDbName' | 'embeddedDb' | 'env' | 'dataDir'> & Partial<Pick<Config, 'countDbCommands'>>,
  log: Logger,
  options: { snapshotIntervalMs?: number } = {},
): Promise<Database> {
  // Only development keeps embedded data between runs (production requires MONGODB_URI; tests start clean).
  const dataDir = config.env === 'development' ? config.dataDir : undefined;
  const embedded = config.mongodbUri ? undefined : await startEmbeddedDatabase(config.embeddedDb, log, { dataDir, snapshotIntervalMs: options.snapshotIntervalMs });
  const uri = config.mongodbUri ?? embedded!.uri;
  try {
    await mongoose.connect(uri, { dbName: config.mongodbDbName, serverSelectionTimeoutMS: 5000, autoIndex: false, monitorCommands: !!config.countDbCommands });
    await ensureIndexes();
    if (embedded?.snapshotIndexes.length) await restoreSnapshotIndexes(embedded.snapshotIndexes, log);
  } catch (err) {
    if (err instanceof UniqueIndexError) {
      // One line: pino writes a fatal line at once, ahead of any line still being written.
      const kept = embedded?.keeping;
      const fromSnapshot = kept?.how === 'snapshot' ? { snapshot: kept.file } : {};
      const hint = kept?.how === 'snapshot' ? ` The duplicates were loaded from the development snapshot ${kept.file}: mend it, or remove it with npm run reset to start with an empty database.` : '';
      log.fatal({ collection: err.collection, index: err.index, duplicateValues: err.duplicateValues, documents: err.documents, ...fromSnapshot }, `${err.message}${hint}`);
    }
    await mongoose.disconnect().catch(() => undefined);
    // Nothing is written back: the data stays on disk as it was found.
    await embedded?.stop({ snapshot: false }).catch(() => undefined);
    throw err;
  }
  embedded?.started();

  const kind = embedded?.kind ?? 'external';
  const persistent = embedded ? embedded.persistent : true;
  log.info({ database: kind, dbName: config.mongodbDbName, persistent, ...keptFields(embedded) }, startMessage(kind, embedded));

  const connection = mongoose.connection;
  return {
    kind,
    persistent,
    connection,
    async ping(timeoutMs = 1000) {
      if (connection.readyState !== 1 || !connection.db) return false;
      try {
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ping timeout')), timeoutMs).unref());
        await Promise.race([connection.db.admin().ping(), timeout]);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

function keptFields(embedded: EmbeddedDatabase | undefined): Record<string, unknown> {
  const kept = embedded?.keeping;
  if (!kept || kept.how === 'memory') return {};
  if (kept.how === 'files') return { persistence: 'mongod-files', dbPath: kept.dbPath, reused: kept.reused };
  return {
    persistence: 'snapshot',
    snapshot: kept.file,
    snapshotLoaded: kept.loaded ? { documents: kept.loaded.documents, collections: kept.loaded.collections, bytes: kept.loaded.bytes, ms: kept.loaded.ms, writtenAt: kept.loaded.writtenAt } : false,
  };
}

function startMessage(kind: Database['kind'], embedded: EmbeddedDatabase | undefined): string {
  const kept = embedded?.keeping;
  if (!embedded || !kept) return `database: ${kind} (data survives a restart)`;
  if (kept.how === 'memory') return `database: embedded ${kind} (in memory: data is lost when the BFF stops)`;
  if (kept.how === 'files') {
    return `database: embedded mongod (mongodb-memory-server), wiredTiger files in ${kept.dbPath}: ${kept.reused ? 'reopened, the data of the last run is here' : 'new, empty'} (data survives a restart; npm run reset starts fresh)`;
  }
  const loaded = kept.loaded
    ? `snapshot loaded: ${kept.loaded.documents} documents in ${kept.loaded.collections} collections (written ${kept.loaded.writtenAt?.toISOString() ?? 'at an unknown time'})`
    : 'no snapshot yet: starting empty';
  return `database: embedded CongoDB (offline fallback, in memory), kept as a snapshot in ${kept.file}: ${loaded}; written every minute and at a graceful stop (npm run reset starts fresh)`;
}

/**
 * A unique index that cannot be built because documents already share its
 * key: the start stops, naming the collection, the index and how many.
 */
export class UniqueIndexError extends Error {
  constructor(
    readonly collection: string,
    readonly index: string,
    readonly keys: string[],
    /** Key values held by more than one document. */
    readonly duplicateValues: number,
    /** Documents holding one of those values. */
    readonly documents: number,
  ) {
    const group = keys.length === 1 ? `"$${keys[0]}"` : `{ ${keys.map((k, i) => `k${i}: "$${k}"`).join(', ')} }`;
    super(
      `The unique index "${index}" on collection "${collection}" cannot be built: ${duplicateValues} ${duplicateValues === 1 ? 'value' : 'values'} of { ${keys.join(', ')} } ` +
        `${duplicateValues === 1 ? 'occurs' : 'occur'} more than once (${documents} documents in all). Merge or remove the duplicates, then start again. ` +
        `To list them: db.getCollection("${collection}").aggregate([{ $group: { _id: ${group}, n: { $sum: 1 }, ids: { $push: "$_id" } } }, { $match: { n: { $gt: 1 } } }])`,
    );
    this.name = 'UniqueIndexError';
  }
}

interface IndexDefinition {
  name: string;
  key: Record<string, unknown>;
  unique?: boolean;
  sparse?: boolean;
  partialFilterExpression?: Record<string, unknown>;
}

type Collection = mongo.Collection;

const defaultIndexName = (key: Record<string, unknown>) =>
  Object.entries(key)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');

/**
 * How many key values a unique index would find more than once (and in how
 * many documents): the documents the index covers, grouped by its keys, a
 * missing field counting as null (as in the index).
 */
export async function countDuplicates(collection: Collection, index: IndexDefinition): Promise<{ values: number; documents: number }> {
  const keys = Object.keys(index.key);
  const covered = index.partialFilterExpression ?? (index.sparse ? { $or: keys.map((k) => ({ [k]: { $exists: true } })) } : undefined);
  const [result] = await collection
    .aggregate<{ values: number; documents: number }>(
      [
        ...(covered ? [{ $match: covered }] : []),
        { $group: { _id: Object.fromEntries(keys.map((k, i) => [`k${i}`, { $ifNull: [`$${k}`, null] }])), n: { $sum: 1 } } },
        { $match: { n: { $gt: 1 } } },
        { $group: { _id: null, values: { $sum: 1 }, documents: { $sum: '$n' } } },
      ],
      { allowDiskUse: true },
    )
    .toArray();
  return { values: result?.values ?? 0, documents: result?.documents ?? 0 };
}

/** An index build that failed on duplicates (E11000), explained; any other error as it was. */
async function explainIndexFailure(err: unknown, collection: Collection, candidates: IndexDefinition[]): Promise<unknown> {
  if (!isDuplicateKey(err)) return err;
  // The failing index is named in the server's message; the others are counted too, in case it is not.
  const named = /index: (\S+)/.exec(String((err as Error).message))?.[1];
  const ordered = [...candidates.filter((c) => c.name === named), ...candidates.filter((c) => c.name !== named)];
  for (const index of ordered) {
    if (!index.unique) continue;
    const { values, documents } = await countDuplicates(collection, index);
    if (values > 0) return new UniqueIndexError(collection.collectionName, index.name, Object.keys(index.key), values, documents);
  }
  return err;
}

/** Builds every model's indexes before the BFF serves: the unique ones carry rules. */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    try {
      await model.createIndexes();
    } catch (err) {
      const candidates = model.schema.indexes().map(([key, options]) => ({
        ...(options as Omit<IndexDefinition, 'key' | 'name'>),
        key: key as Record<string, unknown>,
        name: (options as { name?: string }).name ?? defaultIndexName(key as Record<string, unknown>),
      }));
      throw await explainIndexFailure(err, model.db.db!.collection(model.collection.collectionName), candidates);
    }
  }
}

/**
 * Indexes a loaded snapshot held that no model declares (GridFS's, a rate
 * limiter's, …) are built again as they were; the models' own were built by
 * ensureIndexes and win when a definition changed since.
 */
async function restoreSnapshotIndexes(indexes: SnapshotIndex[], log: Logger): Promise<void> {
  const client = mongoose.connection.getClient();
  const byCollection = new Map<string, SnapshotIndex[]>();
  for (const index of indexes) {
    const key = JSON.stringify([index.db, index.collection]);
    byCollection.set(key, [...(byCollection.get(key) ?? []), index]);
  }
  for (const [key, group] of byCollection) {
    const [dbName, collectionName] = JSON.parse(key) as [string, string];
    const collection = client.db(dbName).collection(collectionName);
    const present = new Set((await collection.indexes()).map((i) => i.name));
    for (const { spec } of group) {
      if (present.has(spec.name)) continue;
      const { v: _v, ...definition } = spec;
      try {
        await collection.createIndexes([definition as Parameters<Collection['createIndexes']>[0][number]]);
      } catch (err) {
        const explained = await explainIndexFailure(err, collection, [definition]);
        if (explained instanceof UniqueIndexError) throw explained;
        log.warn({ err, collection: `${dbName}.${collectionName}`, index: spec.name }, 'an index from the snapshot was not built again');
      }
    }
  }
}
