import mongoose, { Schema } from 'mongoose';
import { startCongo, type CongoServerLike } from './congo-unique-storage';

/**
 * The offline embedded server must enforce unique indexes, also under
 * concurrent writes, before any rule relies on them. This test runs against
 * its own CongoDB, whatever MONGODB_URI the rest of the suite uses.
 */
describe('unique indexes on the embedded CongoDB server', () => {
  let server: CongoServerLike;
  let connection: mongoose.Connection;

  interface HouseholdDoc {
    address: string;
    round?: number;
    committee?: string;
    ticket?: string;
  }
  const Household = (): mongoose.Model<HouseholdDoc> =>
    connection.models.Household ??
    connection.model<HouseholdDoc>(
      'Household',
      new Schema<HouseholdDoc>({
        address: { type: String, required: true, unique: true },
        round: Number,
        committee: String,
        ticket: { type: String, unique: true, sparse: true },
      }).index({ round: 1, committee: 1 }, { unique: true }),
    );

  beforeAll(async () => {
    server = await startCongo();
    connection = await mongoose.createConnection(`${server.getConnectionUri()}/?serverMonitoringMode=poll`, { dbName: 'unique_test' }).asPromise();
    await Household().createIndexes();
  });
  afterAll(async () => {
    await connection.close();
    await server.stop();
  });
  beforeEach(() => Household().deleteMany({}));

  it('refuses a second document with the same unique value with E11000', async () => {
    await Household().create({ address: '潍坊路 1 号', round: 1, committee: 'A' });
    await expect(Household().create({ address: '潍坊路 1 号', round: 2, committee: 'A' })).rejects.toMatchObject({ code: 11000 });
    expect(await Household().countDocuments()).toBe(1);
  });

  it('lets exactly one of 50 simultaneous inserts of the same value win', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => Household().create({ address: '潍坊路 2 号', round: 100 + i, committee: 'A' })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect(r.reason.code).toBe(11000);
    expect(await Household().countDocuments({ address: '潍坊路 2 号' })).toBe(1);
  });

  it('enforces a compound unique index on the combination only', async () => {
    await Household().create({ address: 'a', round: 1, committee: 'A' });
    await Household().create({ address: 'b', round: 1, committee: 'B' });
    await Household().create({ address: 'c', round: 2, committee: 'A' });
    await expect(Household().create({ address: 'd', round: 1, committee: 'A' })).rejects.toMatchObject({ code: 11000 });
  });

  it('lets a sparse unique index skip documents without the field', async () => {
    await Household().create({ address: 'e', round: 3, committee: 'A' });
    await Household().create({ address: 'f', round: 4, committee: 'A' });
    await Household().create({ address: 'g', round: 5, committee: 'A', ticket: 'T1' });
    await expect(Household().create({ address: 'h', round: 6, committee: 'A', ticket: 'T1' })).rejects.toMatchObject({ code: 11000 });
  });

  it('refuses an update or upsert that would duplicate a value, and leaves the document as it was', async () => {
    await Household().create({ address: 'x', round: 7, committee: 'A' });
    const y = await Household().create({ address: 'y', round: 8, committee: 'A' });
    await expect(Household().updateOne({ _id: y._id }, { $set: { address: 'x' } })).rejects.toMatchObject({ code: 11000 });
    await expect(Household().findOneAndUpdate({ _id: y._id }, { $set: { address: 'x' } })).rejects.toMatchObject({ code: 11000 });
    await expect(Household().updateOne({ address: 'z' }, { $set: { round: 7, committee: 'A' } }, { upsert: true })).rejects.toMatchObject({ code: 11000 });
    expect((await Household().findById(y._id).lean())!.address).toBe('y');
    expect(await Household().countDocuments()).toBe(2);
  });

  it('lets a document be updated while it keeps its own unique value', async () => {
    const doc = await Household().create({ address: 'keep', round: 9, committee: 'A' });
    await Household().updateOne({ _id: doc._id }, { $set: { round: 10 } });
    expect((await Household().findById(doc._id).lean())!.round).toBe(10);
  });

  describe('building a unique index over documents already there, as mongod does', () => {
    const raw = () => connection.db!.collection('prebuilt');
    beforeEach(() => raw().drop().catch(() => undefined));

    it('fails with E11000 naming the index when duplicates exist, and builds nothing', async () => {
      await raw().insertMany([{ code: 'a' }, { code: 'a' }, { code: 'b' }]);
      await expect(raw().createIndex({ code: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000, codeName: 'DuplicateKey', message: expect.stringContaining('index: code_1') });
      expect((await raw().indexes()).map((i) => i.name)).toEqual(['_id_']);
      // All or nothing: a good index sent with a failing one is not built either.
      await expect(raw().createIndexes([{ key: { other: 1 } }, { key: { code: 1 }, unique: true }])).rejects.toMatchObject({ code: 11000 });
      expect((await raw().indexes()).map((i) => i.name)).toEqual(['_id_']);
      await raw().insertOne({ code: 'a' }); // nothing enforced
    });

    it('counts missing fields as null unless the index is sparse', async () => {
      await raw().insertMany([{ code: 'a' }, { other: 1 }, { other: 2 }]);
      await expect(raw().createIndex({ ticket: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
      await expect(raw().createIndex({ ticket: 1 }, { unique: true, sparse: true })).resolves.toBe('ticket_1');
    });

    it('builds it over distinct values and enforces it from then on', async () => {
      await raw().insertMany([{ code: 'a' }, { code: 'b' }]);
      await raw().createIndex({ code: 1 }, { unique: true });
      await expect(raw().insertOne({ code: 'a' })).rejects.toMatchObject({ code: 11000 });
      // The same index again is a no-op; the same name over another key is refused, as on mongod.
      await expect(raw().createIndex({ code: 1 }, { unique: true })).resolves.toBe('code_1');
      await expect(raw().createIndex({ other: 1 }, { name: 'code_1' })).rejects.toMatchObject({ code: 86 });
      await expect(raw().createIndex({ code: 1 }, { name: 'code_1' })).rejects.toMatchObject({ code: 85 });
    });

    it('keeps enforcing an index built again after the database was dropped', async () => {
      // CongoDB's own index handler cached the definition per collection name for the
      // whole process: after dropDatabase, the index was reported built but not enforced.
      await raw().createIndex({ code: 1 }, { unique: true });
      await connection.db!.dropDatabase();
      await raw().createIndex({ code: 1 }, { unique: true });
      await raw().insertOne({ code: 'x' });
      await expect(raw().insertOne({ code: 'x' })).rejects.toMatchObject({ code: 11000 });
      await Household().createIndexes(); // the suite's own collection is back for the tests after this one
    });

    it('lists and drops indexes from the storage itself', async () => {
      await raw().insertOne({ code: 'a', n: 1 });
      await raw().createIndexes([{ key: { code: 1 }, unique: true }, { key: { n: -1 }, name: 'by_n', sparse: true }]);
      expect(await raw().indexes()).toEqual([
        { v: 2, key: { _id: 1 }, name: '_id_' },
        { v: 2, key: { code: 1 }, name: 'code_1', unique: true },
        { v: 2, key: { n: -1 }, name: 'by_n', sparse: true },
      ]);
      await raw().dropIndex('code_1');
      await raw().insertOne({ code: 'a' }); // no longer unique
      await expect(raw().dropIndex('code_1')).rejects.toMatchObject({ code: 27 });
      await expect(raw().dropIndex('_id_')).rejects.toMatchObject({ code: 72 });
      await raw().dropIndexes();
      expect((await raw().indexes()).map((i) => i.name)).toEqual(['_id_']);
      await expect(connection.db!.collection('never-made').indexes()).rejects.toMatchObject({ code: 26 });
    });
  });
});
