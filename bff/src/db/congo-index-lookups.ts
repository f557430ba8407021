/**
 * The query fast path for CongoDB: an equality on `_id`, or on every key of an
 * index, is answered from the key maps (congo-key-maps.ts) instead of a pass
 * over the whole collection, as mongod answers it from an index.
 *
 * Where it sits: every CongoDB command handler reads a collection the same way,
 * `storage.findAll(db, coll)` — all documents — then applies the command's
 * filter with mingo. findAll is never told the filter, so the storage alone
 * cannot narrow anything. Instead the find/count/distinct, update/findAndModify,
 * delete and aggregate handlers are wrapped (like the index commands in
 * congo-unique-storage.ts): the wrapper reads the command's filter and hands
 * the handler a view of the storage whose findAll, for the command's own
 * collection, returns only the candidate documents. The handler still applies
 * the full filter, sort, skip and limit to them, so correctness never rests on
 * the fast path: it only has to include every document that matches, in the
 * collection's order (handlers take "the first match" for findOne-like work).
 *
 * What narrows: top-level `field: value`, `field: { $eq: value }`,
 * `field: { $in: [values] }` (also inside a top-level `$and`), where the
 * values are null, strings, numbers, booleans, Dates or ObjectIds, and a
 * top-level `$or` whose every branch narrows so (the union of the branches).
 * Anything else in the filter (ranges, regexes, subdocument equality…) is left
 * to mingo; a filter with no usable equality is a scan, as before.
 */
import type { CommandHandler } from './congo-unique-storage';
import { isKeyScalar, type Equalities, type KeyMaps } from './congo-key-maps';

type Command = Record<string, unknown>;
interface Context {
  database: string;
  command: Command;
  storage?: object;
  documentSequences?: Map<string, unknown[]>;
}
interface Plan {
  collection: string;
  filters: Equalities[];
  /** Narrow only the first read of the collection (aggregate: a later $lookup may read it again, unfiltered). */
  once: boolean;
}

/** More lookups than this per command (bulk statements × $or branches) is scanned: each read takes the union of all. */
const MAX_LOOKUPS = 16;
const MAX_IN = 256;

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

/** The values a field condition lets through, when it is an equality the key maps can answer. */
function equalityValues(condition: unknown): unknown[] | undefined {
  if (isKeyScalar(condition)) return [condition];
  if (!isPlain(condition)) return undefined;
  const operators = Object.keys(condition);
  // Operators are ANDed: one $eq or $in among them bounds the matches. Mixed keys are not a condition mingo reads as such.
  if (operators.length === 0 || !operators.every((k) => k.startsWith('$'))) return undefined;
  if ('$eq' in condition && isKeyScalar(condition.$eq)) return [condition.$eq];
  const list = condition.$in;
  if (Array.isArray(list) && list.length <= MAX_IN && list.every(isKeyScalar)) return list;
  return undefined;
}

/** Equalities every document matching `filter` satisfies; undefined when the filter is not a plain object. */
export function equalitiesOf(filter: unknown, into: Equalities = new Map()): Equalities | undefined {
  if (!isPlain(filter)) return undefined;
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) equalitiesOf(part, into);
      continue;
    }
    if (field.startsWith('$')) continue;
    const values = equalityValues(condition);
    const known = into.get(field);
    if (values && (!known || values.length < known.length)) into.set(field, values); // both hold: keep the narrower
  }
  return into;
}

/**
 * Sets of equalities such that a document matching `filter` satisfies at least
 * one: the filter's own, or with a top-level $or, one set per branch (each
 * with the filter's own equalities too, as both hold).
 */
export function alternativesOf(filter: unknown): Equalities[] | undefined {
  const common = equalitiesOf(filter);
  if (!common) return undefined;
  const branches = (filter as Record<string, unknown>).$or;
  if (Array.isArray(branches) && branches.length > 0 && branches.every(isPlain)) {
    return branches.map((branch) => equalitiesOf(branch, new Map(common))!);
  }
  return [common];
}

function planFor(collection: unknown, filters: unknown[], once: boolean): Plan | undefined {
  if (typeof collection !== 'string' || filters.length === 0) return undefined;
  const all: Equalities[] = [];
  for (const filter of filters) {
    for (const equalities of alternativesOf(filter) ?? [new Map()]) {
      if (equalities.size === 0) return undefined; // a document matching this one could be anywhere: scan
      all.push(equalities);
    }
  }
  return all.length > MAX_LOOKUPS ? undefined : { collection, filters: all, once };
}

/** Statement filters of an update/delete, read the way the handlers read them. */
function statementFilters(context: Context, field: 'updates' | 'deletes'): unknown[] {
  const statements = context.documentSequences?.has(field) ? context.documentSequences.get(field) : context.command[field];
  if (!Array.isArray(statements)) return [];
  return statements.map((s: Record<string, unknown> | null) => (s ? s.q || s.filter || {} : {}));
}

/** Mirrors each handler's own dispatch, so the plan is for the command it will actually run. */
const PLANNERS = {
  find(context: Context) {
    const c = context.command;
    if (c.find) return planFor(c.find, [c.filter || {}], true);
    if (c.getMore !== undefined || c.killCursors) return undefined;
    if (c.count) return planFor(c.count, [c.query || {}], true);
    if (c.distinct) return planFor(c.distinct, [c.query || {}], true);
    return undefined;
  },
  update(context: Context) {
    const c = context.command;
    if (c.findAndModify) return planFor(c.findAndModify, [c.query || {}], true);
    if (c.update && typeof c.update === 'string') return planFor(c.update, statementFilters(context, 'updates'), false);
    return undefined;
  },
  delete(context: Context) {
    return planFor(context.command.delete, statementFilters(context, 'deletes'), false);
  },
  aggregate(context: Context) {
    const { aggregate, pipeline } = context.command;
    const first = Array.isArray(pipeline) ? (pipeline[0] as Record<string, unknown> | undefined) : undefined;
    return isPlain(first) && first.$match !== undefined ? planFor(aggregate, [first.$match], true) : undefined;
  },
};
export type PlannedHandler = keyof typeof PLANNERS;

/** The storage as the handler sees it: the same, except its findAll of the planned collection. */
function narrowedView<S extends object>(storage: S, database: string, plan: Plan, maps: KeyMaps): S {
  let used = false;
  const findAll = (db: string, coll: string) => {
    if (db === database && coll === plan.collection && !(plan.once && used)) {
      used = true;
      const docs = maps.candidates(db, coll, plan.filters);
      if (docs) return Promise.resolve(docs);
    }
    return (storage as unknown as { findAll(db: string, coll: string): Promise<unknown[]> }).findAll(db, coll);
  };
  return new Proxy(storage, {
    get(target, property) {
      if (property === 'findAll') return findAll;
      const value = Reflect.get(target, property, target);
      // Methods run on the storage itself, never on the view (a `this.x =` must not land on the proxy).
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Wraps one of CongoDB's handlers so that its reads of the command's collection are narrowed when they can be. */
export function withIndexLookups(kind: PlannedHandler, handler: CommandHandler, maps: KeyMaps): CommandHandler {
  const plan = PLANNERS[kind];
  return {
    handle(context) {
      const full = context as Context;
      const planned = full.storage ? plan(full) : undefined;
      if (!planned || !full.storage) return handler.handle(context);
      return handler.handle({ ...context, storage: narrowedView(full.storage, full.database, planned, maps) } as typeof context);
    },
  };
}
