import fc from 'fast-check';
import mongoose, { Schema, Types } from 'mongoose';
import { startCongo, type CongoServerLike } from './congo-unique-storage';

/**
 * The fast path (congo-index-lookups.ts) only narrows the documents a command
 * reads; its answers must be those of a scan. Every test runs the same
 * commands against two CongoDB servers — A with the fast path, B without it
 * (CongoDB's own scan) — and compares answers and whole collections. It also
 * checks that A really did not scan where it should not, and that the key maps
 * kept up to date write by write equal maps built again from scratch.
 */
const DB = 'lookups_test';
const INDEXES: mongoose.mongo.IndexDescription[] = [
  { key: { code: 1 }, name: 'code_1', unique: true },
  { key: { ticket: 1 }, name: 'ticket_1', unique: true, sparse: true },
  { key: { round: 1, committee: 1 }, name: 'round_1_committee_1' },
  { key: { owner: 1 }, name: 'owner_1' },
  { key: { tag: 1 }, name: 'tag_1' },
  { key: { 'addr.city': 1 }, name: 'addr.city_1' },
];

let a: CongoServerLike;
let b: CongoServerLike;
let connA: mongoose.Connection;
let connB: mongoose.Connection;
/** Namespaces A read in full, since the last reset. */
let scans: string[] = [];

beforeAll(async () => {
  [a, b] = await Promise.all([startCongo(), startCongo(0, { indexLookups: false })]);
  const findAll = a.storage.findAll.bind(a.storage);
  a.storage.findAll = (db, coll) => {
    scans.push(`${db}.${coll}`);
    return findAll(db, coll);
  };
  const connect = (s: CongoServerLike) => mongoose.createConnection(`${s.getConnectionUri()}/?serverMonitoringMode=poll`, { dbName: DB }).asPromise();
  [connA, connB] = await Promise.all([connect(a), connect(b)]);
});
afterAll(async () => {
  await Promise.all([connA.close(), connB.close()]);
  await Promise.all([a.stop(), b.stop()]);
});

const raw = (conn: mongoose.Connection, name: string) => conn.db!.collection(name);
const outcome = async (run: () => Promise<unknown>) => run().then((ok) => ({ ok }), (err: { code?: number }) => ({ error: err.code ?? String(err) }));
const strip = (value: unknown) => JSON.parse(JSON.stringify(value)); // ObjectIds and Dates as text, for equality

async function fresh(name: string) {
  for (const conn of [connA, connB]) {
    await raw(conn, name).drop().catch(() => undefined);
    await raw(conn, name).createIndexes(INDEXES);
  }
}
/** Runs `op` on A and B: same answer, same collection after, kept maps equal to rebuilt ones. Returns whether A scanned. */
async function both(name: string, op: (conn: mongoose.Connection) => Promise<unknown>): Promise<boolean> {
  scans = [];
  const onA = await outcome(() => op(connA));
  const scanned = scans.includes(`${DB}.${name}`);
  const onB = await outcome(() => op(connB));
  expect(strip(onA)).toEqual(strip(onB));
  expect(strip(await raw(connA, name).find().toArray())).toEqual(strip(await raw(connB, name).find().toArray()));
  expect(a.storage.keyMaps.check(DB, name)).toEqual([]);
  return scanned;
}

const ids = Array.from({ length: 8 }, (_, i) => new Types.ObjectId(`64${String(i).padStart(22, '0')}`));
const [O1, O2] = [new Types.ObjectId(), new Types.ObjectId()];
const FIXTURE = [
  { _id: ids[0], code: 'a', ticket: 'T1', round: 1, committee: 'A', owner: O1, tag: 'x', addr: { city: 'sh' } },
  { _id: ids[1], code: 'b', round: 1, committee: 'A', owner: O1.toHexString(), tag: ['x', 'y'], addr: { city: 'bj' } },
  { _id: ids[2], code: 'c', ticket: null, round: 2, committee: 'B', owner: O2, tag: null, addr: null },
  { _id: ids[3], code: 'd', round: 2, committee: 'B', tag: { k: 1 }, addr: { city: 'sh' } },
  { _id: ids[4], round: 3, committee: 'C', tag: 5, owner: 'not-an-id' },
  { _id: ids[5], code: 'f', ticket: 'T2', round: 1, committee: 'A', tag: [['x']], addr: [{ city: 'sh' }] },
];

describe('equality lookups on the embedded CongoDB server answer as a scan does', () => {
  const NAME = 'items';
  interface Item {
    code?: string;
    round?: number;
    committee?: string;
  }
  const model = (conn: mongoose.Connection) =>
    (conn.models.Item as mongoose.Model<Item>) ??
    conn.model<Item>('Item', new Schema<Item>({ code: String, round: Number, committee: String }, { strict: false, collection: NAME, autoIndex: false }));

  beforeEach(async () => {
    await fresh(NAME);
    for (const conn of [connA, connB]) await raw(conn, NAME).insertMany(FIXTURE.map((d) => ({ ...d })));
  });

  /** Every read shape over `filter`: A's answers equal B's, and A narrowed (or scanned) as expected. */
  async function reads(filter: Record<string, unknown>, narrowed: boolean) {
    const shapes: Array<(conn: mongoose.Connection) => Promise<unknown>> = [
      (c) => model(c).find(filter).lean(),
      (c) => model(c).findOne(filter).lean(),
      (c) => model(c).countDocuments(filter),
      (c) => model(c).distinct('code', filter),
      (c) => model(c).aggregate([{ $match: filter }, { $project: { code: 1 } }]),
      (c) => raw(c, NAME).find(filter).toArray(),
    ];
    for (const shape of shapes) expect(await both(NAME, shape)).toBe(!narrowed);
    // The same filter in a shape the fast path cannot read (an $or with a branch no index answers) gives the same documents.
    const viaScan = await raw(connA, NAME).find({ $or: [filter, { _id: { $exists: false } }] }).toArray();
    expect(strip(await raw(connA, NAME).find(filter).toArray())).toEqual(strip(viaScan));
  }

  it.each([
    ['_id', { _id: ids[1] }],
    ['_id $eq', { _id: { $eq: ids[1] } }],
    ['_id $in, one missing', { _id: { $in: [ids[3], ids[0], ids[7]] } }],
    ['a unique field', { code: 'b' }],
    ['a unique field $in', { code: { $in: ['c', 'a', 'zz'] } }],
    ['a unique field: null matches the document without it', { code: null }],
    ['a sparse unique field', { ticket: 'T2' }],
    ['a sparse field: null matches missing and null', { ticket: null }],
    ['a compound index, in collection order', { round: 1, committee: 'A' }],
    ['a compound index with $in on both keys', { round: { $in: [1, 2] }, committee: { $in: ['A', 'B'] } }],
    ['an ObjectId value: not its string form', { owner: O1 }],
    ['a string value: not the ObjectId it spells', { owner: O1.toHexString() }],
    ['a value inside arrays (multikey)', { tag: 'x' }],
    ['null over null, missing and arrays', { tag: null }],
    ['a number', { tag: 5 }],
    ['a dotted path, through an array too', { 'addr.city': 'sh' }],
    ['a dotted path: null', { 'addr.city': null }],
    ['an index plus other conditions', { round: 1, committee: 'A', code: { $gt: 'a' } }],
    ['two indexes that disagree', { code: 'a', round: 2 }],
    ['inside $and', { $and: [{ code: 'd' }, { round: { $gte: 2 } }] }],
    ['$or whose every branch narrows', { $or: [{ tag: 'x' }, { round: 2, committee: 'B' }, { _id: ids[4] }] }],
    ['$or beside an equality', { code: 'c', $or: [{ round: 2 }, { tag: 5 }] }],
  ])('narrows %s', (_name, filter) => reads(filter, true));

  it.each([
    ['part of a compound index', { round: 1 }],
    ['a regex', { code: /^[ab]/ }],
    ['a subdocument', { tag: { k: 1 } }],
    ['$or with a branch no index answers', { $or: [{ code: 'a' }, { committee: 'A' }] }],
    ['no index', { committee: 'A' }],
  ])('scans %s', (_name, filter) => reads(filter, false));

  it('gives the same answers through updates, replaces, deletes and upserts that move indexed values', async () => {
    const step = (op: (conn: mongoose.Connection) => Promise<unknown>) => both(NAME, op);
    await step((c) => model(c).updateOne({ code: 'a' }, { $set: { code: 'a2', ticket: 'T9' } }));
    await reads({ code: 'a' }, true);
    await reads({ code: 'a2' }, true);
    await step((c) => model(c).create({ _id: ids[6], code: 'a' })); // the freed value can be taken again
    await step((c) => model(c).create({ _id: ids[7], code: 'a2' })); // E11000 on both
    await step((c) => model(c).updateMany({ round: 1, committee: 'A' }, { $set: { committee: 'Z' } }));
    await reads({ round: 1, committee: 'Z' }, true);
    await step((c) => model(c).replaceOne({ code: 'b' }, { code: 'b', round: 9, committee: 'Q' }));
    await reads({ round: 9, committee: 'Q' }, true);
    await reads({ tag: 'x' }, true); // b's array went with the replace
    await step((c) => model(c).deleteOne({ ticket: 'T2' }));
    await step((c) => model(c).deleteMany({ tag: { $in: ['x', 5] } }));
    await step((c) => raw(c, NAME).updateOne({ code: 'new' }, { $set: { round: 4 }, $setOnInsert: { _id: ids[4] } }, { upsert: true }));
    await reads({ code: 'new' }, true);
    await step((c) => model(c).findOneAndUpdate({ _id: ids[3] }, { $inc: { round: 1 }, $set: { 'addr.city': 'gz' } }, { new: true }).lean());
    await reads({ 'addr.city': 'gz' }, true);
    await step((c) => model(c).findOneAndDelete({ code: { $in: ['c', 'd'] } }).lean());
    await step((c) => model(c).updateOne({ code: 'zz' }, { $set: { round: 5 } })); // matches nothing, no upsert
  });

  it('narrows only the first read of an aggregate: a $lookup into the same collection still sees all of it', async () => {
    const lookup = { $lookup: { from: NAME, localField: 'round', foreignField: 'round', as: 'sameRound' } };
    expect(await both(NAME, (c) => model(c).aggregate([{ $match: { code: 'a' } }, lookup]))).toBe(true); // the $lookup's read
    const [joined] = await model(connA).aggregate<{ sameRound: unknown[] }>([{ $match: { code: 'a' } }, lookup]);
    expect(joined.sameRound).toHaveLength(3);
  });

  it('finds a document whose _id a replace changed, by its new _id', async () => {
    // mongod refuses to change an _id; CongoDB does not, and keeps the document under its old key.
    await both(NAME, (c) => raw(c, NAME).replaceOne({ _id: ids[0] }, { _id: ids[6], code: 'moved' }));
    await both(NAME, (c) => raw(c, NAME).replaceOne({ _id: ids[1] }, { _id: 'plain' as unknown as Types.ObjectId, code: 'plain' }));
    await reads({ _id: ids[6] }, true);
    await reads({ _id: ids[0] }, true);
    expect(await both(NAME, (c) => raw(c, NAME).find({ _id: 'plain' as unknown as Types.ObjectId }).toArray())).toBe(false);
  });
});

describe('random operation sequences: the fast path answers as a scan does', () => {
  const pick = <T>(values: T[]) => fc.constantFrom(...values);
  const values = {
    code: pick<unknown>(['a', 'b', 'c', null]),
    ticket: pick<unknown>(['t1', 't2', null]),
    round: pick([1, 2, 3]),
    committee: pick(['A', 'B']),
    owner: pick<unknown>([ids[0], ids[0].toHexString(), ids[1], null]),
    tag: pick<unknown>(['x', 'y', ['x', 'y'], null, { k: 1 }, 5]),
    addr: pick<unknown>([{ city: 'sh' }, { city: 'bj' }, [{ city: 'sh' }], null, { other: 1 }]),
  };
  const body = fc.record(values, { requiredKeys: [] });
  const id = pick(ids.slice(0, 6));
  const filter: fc.Arbitrary<mongoose.mongo.Filter<Record<string, unknown>>> = fc.oneof<fc.Arbitrary<Record<string, unknown>>[]>(
    id.map((v) => ({ _id: v })),
    fc.subarray(ids).map((v) => ({ _id: { $in: v } })),
    id.map((v) => ({ _id: v.toHexString() })),
    values.code.map((v) => ({ code: v })),
    values.code.map((v) => ({ code: { $eq: v } })),
    fc.subarray(['a', 'b', 'c', null]).map((v) => ({ code: { $in: v } })),
    values.ticket.map((v) => ({ ticket: v })),
    fc.tuple(values.round, values.committee).map(([r, c]) => ({ round: r, committee: c })),
    fc.tuple(fc.subarray([1, 2, 3]), values.committee).map(([r, c]) => ({ round: { $in: r }, committee: c })),
    values.owner.map((v) => ({ owner: v })),
    pick<unknown>(['x', 'y', null, 5]).map((v) => ({ tag: v })),
    pick<unknown>(['sh', 'bj', null]).map((v) => ({ 'addr.city': v })),
    fc.tuple(values.round, values.committee, values.code).map(([r, c, code]) => ({ round: r, committee: c, code: { $ne: code } })),
    values.round.map((v) => ({ round: v })), // not narrowed: the scan path gets exercised too
    fc.tuple(values.code, values.round, values.committee, id).map(([code, r, c, i]) => ({ $or: [{ code }, { round: r, committee: c }, { _id: i }] })),
  );
  type Op = (conn: mongoose.Connection, name: string) => Promise<unknown>;
  const col = (c: mongoose.Connection, n: string) => raw(c, n);
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.tuple(id, body).map(([i, d]): Op => (c, n) => col(c, n).insertOne({ ...d, _id: i })),
    fc.tuple(filter, body).map(([f, d]): Op => (c, n) => col(c, n).updateOne(f, { $set: { round: 1, ...d } })),
    fc.tuple(filter, body).map(([f, d]): Op => (c, n) => col(c, n).updateMany(f, { $set: { round: 2, ...d } })),
    fc.tuple(filter, body).map(([f, d]): Op => (c, n) => col(c, n).replaceOne(f, d)),
    // CongoDB lets a replace change the _id (mongod refuses): the document stays filed under its old one.
    fc.tuple(filter, body, id).map(([f, d, i]): Op => (c, n) => col(c, n).replaceOne(f, { ...d, _id: i })),
    fc.tuple(filter, body, id).map(([f, d, i]): Op => (c, n) => col(c, n).updateOne(f, { $set: { round: 3, ...d }, $setOnInsert: { _id: i } }, { upsert: true })),
    filter.map((f): Op => (c, n) => col(c, n).deleteOne(f)),
    filter.map((f): Op => (c, n) => col(c, n).deleteMany(f)),
    filter.map((f): Op => (c, n) => col(c, n).findOneAndUpdate(f, { $inc: { round: 1 } }, { returnDocument: 'after' })),
    filter.map((f): Op => (c, n) => col(c, n).findOneAndDelete(f)),
    filter.map((f): Op => (c, n) => col(c, n).find(f).toArray()),
    filter.map((f): Op => (c, n) => col(c, n).countDocuments(f)),
    filter.map((f): Op => (c, n) => col(c, n).distinct('code', f)),
  );

  /** Read after every step, so a document the fast path would miss shows up whatever the steps were. */
  const PROBES: Array<Record<string, unknown>> = [
    ...ids.slice(0, 6).map((i) => ({ _id: i })),
    ...['a', 'b', 'c', null].map((v) => ({ code: v })),
    ...['t1', 't2', null].map((v) => ({ ticket: v })),
    ...[1, 2, 3, 4].flatMap((r) => ['A', 'B'].map((c) => ({ round: r, committee: c }))),
    ...[ids[0], ids[0].toHexString(), ids[1], null].map((v) => ({ owner: v })),
    ...['x', 'y', null, 5].map((v) => ({ tag: v })),
    ...['sh', 'bj', null].map((v) => ({ 'addr.city': v })),
    { $or: [{ code: 'a' }, { round: 1, committee: 'A' }, { _id: ids[2] }] },
  ];

  let run = 0;
  it('agrees with CongoDB’s own scan on every answer, collection and key map', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const name = `prop_${run++}`;
        await fresh(name);
        for (const step of ops) {
          await both(name, (c) => step(c, name));
          const [onA, onB] = await Promise.all([connA, connB].map((c) => Promise.all(PROBES.map((f) => raw(c, name).find(f).toArray()))));
          expect(strip(onA)).toEqual(strip(onB));
        }
        for (const conn of [connA, connB]) await raw(conn, name).drop();
      }),
      { numRuns: 80 },
    );
  }, 300_000);
});
