/**
 * Development data on the offline fallback (CongoDB keeps everything in
 * memory) survives a restart as a snapshot: the whole server, every database,
 * collection, document and index definition, written as Extended JSON in its
 * canonical form (EJSON, relaxed: false), so ObjectIds, Dates, Binary, Longs
 * and Decimal128 come back as themselves and not as strings.
 *
 * Consistency: the documents are serialised in one synchronous run, so the
 * snapshot is one moment of the database (CongoDB applies each write
 * synchronously; nothing can change it half-way). Durability: the text goes to
 * a temporary file that is flushed and then renamed over the snapshot, so a
 * crash mid-write leaves the previous snapshot whole, never half of a new one.
 *
 * The file is valid JSON (one document per line inside it), readable by
 * anything that reads EJSON. `npm run reset` (bff/scripts/reset.mjs) removes it.
 */
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Double, EJSON, Int32, Long, ObjectId } from 'bson';
import type { CongoStorage, Doc, IndexSpec } from './congo-unique-storage';

/** The snapshot's file name inside DATA_DIR (bff/scripts/reset.mjs removes it by this name). */
export const SNAPSHOT_FILE = 'congodb-snapshot.ejson';
/** Written while a BFF keeps its snapshot in DATA_DIR: its process id (reset.mjs reads it). */
export const SNAPSHOT_PID_FILE = 'congodb-snapshot.pid';
const FORMAT = 'sqtb-congodb-snapshot';
const VERSION = 1;

export interface SnapshotIndex {
  db: string;
  collection: string;
  spec: IndexSpec;
}

export interface SnapshotWritten {
  file: string;
  documents: number;
  collections: number;
  bytes: number;
  ms: number;
}

export interface SnapshotLoaded extends SnapshotWritten {
  writtenAt?: Date;
  /** Index definitions found in the snapshot, to build again once the server runs (see database.ts). */
  indexes: SnapshotIndex[];
}

export class SnapshotError extends Error {}

const ejson = (value: unknown) => EJSON.stringify(value, { relaxed: false });

/** The snapshot text, built in one synchronous run (one moment of the database). */
function serialise(storage: CongoStorage): { chunks: string[]; documents: number; collections: number } {
  const chunks: string[] = [`{"format":${JSON.stringify(FORMAT)},"version":${VERSION},"writtenAt":${ejson(new Date())},"databases":{`];
  let documents = 0;
  let collections = 0;
  let firstDb = true;
  for (const [db, colls] of storage.databases) {
    chunks.push(`${firstDb ? '' : ','}\n${JSON.stringify(db)}:{`);
    firstDb = false;
    let firstColl = true;
    for (const [coll, docs] of colls) {
      collections++;
      const indexes = storage.indexes.get(db)?.get(coll) ?? [];
      chunks.push(`${firstColl ? '' : ','}\n${JSON.stringify(coll)}:{"indexes":${ejson(indexes)},"documents":[`);
      firstColl = false;
      let firstDoc = true;
      for (const doc of docs.values()) {
        chunks.push(`${firstDoc ? '' : ','}\n${ejson(doc)}`);
        firstDoc = false;
        documents++;
      }
      chunks.push(']}');
    }
    chunks.push('}');
  }
  chunks.push('\n}}\n');
  return { chunks, documents, collections };
}

/**
 * Writes the snapshot of the whole server to `file`: a temporary file first,
 * flushed to disk, then renamed over the old snapshot.
 */
export async function writeSnapshot(storage: CongoStorage, file: string): Promise<SnapshotWritten> {
  const started = performance.now();
  const { chunks, documents, collections } = serialise(storage);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  let bytes = 0;
  const handle = await open(temporary, 'w', 0o600); // development data can hold personal data
  try {
    // Written in slices of about 1 MB rather than as one string as large as the database.
    for (let i = 0; i < chunks.length; ) {
      let slice = '';
      while (i < chunks.length && slice.length < 1 << 20) slice += chunks[i++];
      const buffer = Buffer.from(slice, 'utf8');
      bytes += buffer.length;
      await handle.write(buffer);
    }
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw err;
  }
  await handle.close();
  await rename(temporary, file);
  // The rename itself reaches the disk once the directory is flushed.
  const dir = await open(path.dirname(file), 'r').catch(() => undefined);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
  return { file, documents, collections, bytes, ms: Math.round(performance.now() - started) };
}

/**
 * Canonical EJSON reads numbers back as Int32/Double/Long objects; CongoDB
 * holds what the BSON decoder gives (plain numbers, a Long only beyond 2^53).
 * The same promotion here, so a loaded document is the one that was saved.
 */
function promote(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Int32 || value instanceof Double) return value.valueOf();
  if (value instanceof Long) {
    const n = value.toNumber();
    return Number.isSafeInteger(n) ? n : value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = promote(value[i]);
    return value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // ObjectId, Date, Binary, Decimal128, …
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = promote(record[key]);
  return record;
}

interface SnapshotFile {
  format: string;
  version: number;
  writtenAt?: Date;
  databases: Record<string, Record<string, { indexes?: IndexSpec[]; documents: Array<Record<string, unknown>> }>>;
}

/**
 * Loads the snapshot at `file` into an empty storage, before any client
 * connects. Returns undefined when there is no snapshot; throws a
 * SnapshotError naming the file when it cannot be read (the start stops:
 * data is never dropped silently). Index definitions are returned, not
 * installed: they are built again through the server, so a unique index over
 * duplicates fails as it would on mongod.
 */
export async function loadSnapshot(storage: CongoStorage, file: string): Promise<SnapshotLoaded | undefined> {
  const started = performance.now();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SnapshotError(`The database snapshot ${file} cannot be read: ${(err as Error).message}`);
  }
  let parsed: SnapshotFile;
  try {
    parsed = EJSON.parse(text, { relaxed: false }) as SnapshotFile;
  } catch (err) {
    throw new SnapshotError(`The database snapshot ${file} is not valid EJSON (${(err as Error).message}). Move it away, or remove it with npm run reset to start with an empty database.`);
  }
  if (parsed?.format !== FORMAT || Number(parsed.version) !== VERSION || typeof parsed.databases !== 'object') {
    throw new SnapshotError(`${file} is not a database snapshot this BFF can read (expected format ${FORMAT} version ${VERSION}).`);
  }
  let documents = 0;
  let collections = 0;
  const indexes: SnapshotIndex[] = [];
  for (const [db, colls] of Object.entries(parsed.databases)) {
    for (const [collection, content] of Object.entries(colls)) {
      collections++;
      const target: Map<string, Doc> = storage.ensureCollection(db, collection);
      for (const raw of content.documents ?? []) {
        const doc = promote(raw) as Doc;
        if (!(doc._id instanceof ObjectId)) {
          // CongoDB stores every _id as an ObjectId (its own insert does the same conversion).
          try {
            doc._id = new ObjectId(doc._id as string);
          } catch {
            throw new SnapshotError(`${file}: a document in ${db}.${collection} has an _id that is not an ObjectId: ${EJSON.stringify(doc._id)}`);
          }
        }
        target.set(doc._id.toHexString(), doc);
        documents++;
      }
      for (const spec of content.indexes ?? []) {
        if (spec.name !== '_id_') indexes.push({ db, collection, spec: promote(spec) as IndexSpec });
      }
    }
  }
  return {
    file,
    documents,
    collections,
    bytes: Buffer.byteLength(text),
    ms: Math.round(performance.now() - started),
    writtenAt: parsed.writtenAt,
    indexes,
  };
}

/** Removes temporary files that a writer killed mid-write left behind (never a live writer's). */
export async function removeStaleTemporaries(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.tmp-`;
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length));
    if (pid !== process.pid && processAlive(pid)) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
