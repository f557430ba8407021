/**
 * Key maps kept beside CongoDB's memory storage, the way mongod keeps its
 * indexes: for each declared index, index key → ids of the documents holding
 * it. Two readers use them instead of a pass over the whole collection:
 * - the unique-index check (congo-unique-storage.ts), on every insert/update;
 * - the query fast path (congo-index-lookups.ts), which hands a command only
 *   the documents an equality on `_id` or on all keys of an index can match.
 *
 * A collection's maps are built by one pass on first use, then kept up to date
 * by the storage's insertOne/updateById/deleteById in the same synchronous run
 * as the write (so no command ever sees them out of step). State is keyed by
 * the collection's Map object and by the index definition object, so a
 * dropped, recreated or renamed collection, and a dropped or rebuilt index,
 * start afresh by themselves. A collection whose size no longer agrees with
 * the maps (a write that went around the storage methods, e.g. a snapshot
 * load) has its maps thrown away and built again.
 */
import { ObjectId } from 'bson';
import type { Doc, IndexSpec } from './congo-unique-storage';
import { keyString, valueAt } from './index-key-values';

type Docs = Map<string, Doc>;

interface KeyedIndex {
  paths: string[];
  /** keyString of the values at the paths (missing = null) → ids; every document, as the unique check compares them. */
  byKey: Map<string, Set<string>>;
  /** id → the key it is filed under: removal never re-reads a document that may have changed in place. */
  keyOf: Map<string, string>;
  /** Ids whose values an equality cannot be answered for by key (arrays, subdocuments, other types): always candidates. */
  irregular: Set<string>;
}

interface CollectionState {
  /** id → insertion rank: candidates go back in the collection's own order, as a scan returns them. */
  rank: Map<string, number>;
  nextRank: number;
  /** Ids whose document's _id is not the ObjectId of the key it is stored under (a replace or $set changed it). */
  idMismatch: Set<string>;
  indexes: Map<IndexSpec, KeyedIndex>;
}

export interface KeyMapsStorage {
  databases: Map<string, Map<string, Docs>>;
  indexes: Map<string, Map<string, IndexSpec[]>>;
  ensureCollection(db: string, coll: string): Docs;
}

/** Path → the values a matching document must have there (one of them). */
export type Equalities = Map<string, unknown[]>;

/** The values whose equality (mingo's $eq / $in) coincides with equality of their keyString. */
export function isKeyScalar(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date || v instanceof ObjectId;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** True when a query's equality on this path may match the document although their keys differ. */
function irregularAt(doc: Doc, path: string): boolean {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || current === undefined) return false; // missing: keyed as null, as mingo reads it
    if (typeof current !== 'object' || !isPlainObject(current)) return true; // arrays (multikey), strings, dates…
    current = (current as Record<string, unknown>)[part];
  }
  return current !== undefined && !isKeyScalar(current);
}

function storedUnder(doc: Doc, id: string): boolean {
  return doc._id instanceof ObjectId && doc._id.toHexString() === id;
}

function add(index: KeyedIndex, id: string, doc: Doc): void {
  let key: string;
  try {
    key = keyString(index.paths.map((p) => valueAt(doc, p)));
  } catch {
    key = `\u0000unkeyable ${id}`; // e.g. a BigInt: never equal to a query's key, so it must be a candidate always
    index.irregular.add(id);
  }
  index.keyOf.set(id, key);
  let ids = index.byKey.get(key);
  if (!ids) index.byKey.set(key, (ids = new Set()));
  ids.add(id);
  if (index.paths.some((p) => irregularAt(doc, p))) index.irregular.add(id);
}

function remove(index: KeyedIndex, id: string): void {
  const key = index.keyOf.get(id);
  if (key === undefined) return;
  index.keyOf.delete(id);
  const ids = index.byKey.get(key)!;
  ids.delete(id);
  if (ids.size === 0) index.byKey.delete(key);
  index.irregular.delete(id);
}

/** Every combination of one value per path (the keys an equality with $in can match). */
function combinations(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])), [[]]);
}

/** Lookups over at most this many keys; beyond it a scan is as good. */
const MAX_KEYS = 256;

export class KeyMaps {
  private readonly states = new WeakMap<Docs, CollectionState>();
  constructor(private readonly storage: KeyMapsStorage) {}

  /** Ids of the documents filed under `key` in a (unique) index. */
  holders(docs: Docs, spec: IndexSpec, key: string): ReadonlySet<string> | undefined {
    return this.index(docs, this.state(docs), spec).byKey.get(key);
  }

  /** Keeps the maps in step after insertOne/updateById/deleteById changed document `id`. */
  written(db: string, coll: string, id: string, kind: 'insert' | 'update' | 'delete'): void {
    const docs = this.storage.databases.get(db)?.get(coll);
    const state = docs && this.states.get(docs);
    if (!docs || !state) return; // built on first use
    const expected = state.rank.size + (kind === 'insert' ? 1 : kind === 'delete' ? -1 : 0);
    if (docs.size !== expected || state.rank.has(id) === (kind === 'insert')) {
      this.states.delete(docs); // changed behind our back: build again when next needed
      return;
    }
    const doc = docs.get(id);
    if (kind === 'insert') state.rank.set(id, state.nextRank++);
    if (kind === 'delete') state.rank.delete(id);
    if (doc && !storedUnder(doc, id)) state.idMismatch.add(id);
    else state.idMismatch.delete(id);
    const live = this.storage.indexes.get(db)?.get(coll) ?? [];
    for (const [spec, index] of state.indexes) {
      if (!live.includes(spec)) {
        state.indexes.delete(spec); // dropped: stop keeping it
        continue;
      }
      remove(index, id);
      if (doc) add(index, id, doc);
    }
  }

  /**
   * The documents that can match every one of `filters` (each given by the
   * equalities it requires), in collection order; undefined when some filter
   * cannot be narrowed by `_id` or by an index (the caller scans).
   */
  candidates(db: string, coll: string, filters: Equalities[]): Doc[] | undefined {
    const docs = this.storage.ensureCollection(db, coll);
    const state = this.state(docs);
    const specs = this.storage.indexes.get(db)?.get(coll) ?? [];
    const ids = new Set<string>();
    for (const equalities of filters) {
      const found = this.idsFor(docs, state, specs, equalities);
      if (!found) return undefined;
      for (const id of found) ids.add(id);
    }
    const found: Array<[number, Doc]> = [];
    for (const id of ids) {
      const doc = docs.get(id);
      if (doc) found.push([state.rank.get(id)!, doc]);
    }
    if (found.length > 1) found.sort((a, b) => a[0] - b[0]);
    return found.map(([, doc]) => doc);
  }

  /** Rebuilds every map that is kept and reports where the kept one differs (tests). */
  check(db: string, coll: string): string[] {
    const docs = this.storage.databases.get(db)?.get(coll);
    const state = docs && this.states.get(docs);
    if (!docs || !state) return [];
    const problems: string[] = [];
    const fresh = new KeyMaps(this.storage);
    const rebuilt = fresh.state(docs);
    const order = (s: CollectionState) => [...s.rank.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    if (order(state).join() !== order(rebuilt).join()) problems.push('insertion order');
    if ([...state.idMismatch].sort().join() !== [...rebuilt.idMismatch].sort().join()) problems.push('_id mismatches');
    for (const [spec, index] of state.indexes) {
      const again = fresh.index(docs, rebuilt, spec);
      const dump = (k: KeyedIndex) => JSON.stringify([[...k.keyOf].sort(), [...k.irregular].sort(), [...k.byKey].map(([key, ids]) => [key, [...ids].sort()]).sort()]);
      if (dump(index) !== dump(again)) problems.push(`index ${spec.name}`);
    }
    return problems;
  }

  private state(docs: Docs): CollectionState {
    const kept = this.states.get(docs);
    if (kept && kept.rank.size === docs.size) return kept;
    const state: CollectionState = { rank: new Map(), nextRank: 0, idMismatch: new Set(), indexes: new Map() };
    for (const [id, doc] of docs) {
      state.rank.set(id, state.nextRank++);
      if (!storedUnder(doc, id)) state.idMismatch.add(id);
    }
    this.states.set(docs, state);
    return state;
  }

  private index(docs: Docs, state: CollectionState, spec: IndexSpec): KeyedIndex {
    let index = state.indexes.get(spec);
    if (index) return index;
    index = { paths: Object.keys(spec.key), byKey: new Map(), keyOf: new Map(), irregular: new Set() };
    for (const [id, doc] of docs) add(index, id, doc);
    state.indexes.set(spec, index);
    return index;
  }

  /** The ids an equality on _id, or on every key of one index, narrows to (the smallest such set). */
  private idsFor(docs: Docs, state: CollectionState, specs: IndexSpec[], equalities: Equalities): Set<string> | undefined {
    let best: Set<string> | undefined;
    const ids = equalities.get('_id');
    if (ids) {
      // Stored documents are filed under their _id's hex; only those whose _id changed type or value are elsewhere.
      best = new Set(state.idMismatch);
      for (const v of ids) if (v instanceof ObjectId) best.add(v.toHexString());
    }
    for (const spec of specs) {
      if (best && best.size <= 1) break;
      if (spec.name === '_id_') continue;
      const paths = Object.keys(spec.key);
      if (!paths.every((p) => equalities.has(p))) continue;
      if (paths.reduce((n, p) => n * equalities.get(p)!.length, 1) > MAX_KEYS) continue;
      const index = this.index(docs, state, spec);
      const found = new Set(index.irregular);
      for (const values of combinations(paths.map((p) => equalities.get(p)!))) {
        for (const id of index.byKey.get(keyString(values)) ?? []) found.add(id);
      }
      if (!best || found.size < best.size) best = found;
    }
    return best;
  }
}
