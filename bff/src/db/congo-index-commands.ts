/**
 * The index commands (createIndexes, listIndexes, dropIndexes), answered for
 * CongoDB from its storage itself. CongoDB's own handler keeps a cache of
 * index definitions per "db.collection" for the whole process, which outlives
 * a dropped database: an index created again after dropDatabase was reported
 * as created but never stored, so it was no longer enforced. As on mongod,
 * building a unique index over documents that already hold duplicates fails
 * with E11000 and builds nothing.
 */
import { EJSON, Long } from 'bson';
import type { CommandHandler, CongoStorage, IndexSpec } from './congo-unique-storage';
import { keyString, valueAt } from './index-key-values';

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

export function createIndexHandler(storage: CongoStorage): CommandHandler {
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
