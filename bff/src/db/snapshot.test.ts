import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Schema } from 'mongoose';
import { Binary, Decimal128, Long, ObjectId } from 'bson';
import { startCongo, type CongoServerLike } from './congo-unique-storage';
import { loadSnapshot, removeStaleTemporaries, SNAPSHOT_FILE, writeSnapshot } from './snapshot';
import { connectDatabase, countDuplicates, UniqueIndexError } from './database';
import { createLogger } from '../core/logger';

/**
 * The development snapshot of the offline server, on real CongoDB servers
 * (not the suite's shared one): what is written from one server and loaded
 * into a fresh one reads back the same, types included.
 */
describe('the CongoDB snapshot', () => {
  let dir: string;
  const servers: CongoServerLike[] = [];
  const connections: mongoose.Connection[] = [];

  const server = async () => {
    const s = await startCongo();
    servers.push(s);
    return s;
  };
  const connect = async (s: CongoServerLike, dbName = 'snap') => {
    const c = await mongoose.createConnection(`${s.getConnectionUri()}/?serverMonitoringMode=poll`, { dbName }).asPromise();
    connections.push(c);
    return c;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sqtb-snapshot-'));
  });
  afterAll(async () => {
    for (const c of connections) await c.close();
    for (const s of servers) await s.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips ObjectIds, Dates, Binary, Longs, decimals and nested arrays, and the index definitions', async () => {
    const first = await server();
    const a = await connect(first);
    const ref = new ObjectId();
    const photo = Buffer.from([0, 1, 2, 253, 254, 255]);
    const original = {
      _id: new ObjectId(),
      ref,
      at: new Date('2026-03-02T01:02:03.456Z'),
      photo,
      uuidish: new Binary(Buffer.from('0123456789abcdef'), 4),
      count: 42,
      ratio: 0.25,
      negativeZero: -0,
      big: Long.fromString('9007199254740993'),
      amount: Decimal128.fromString('12.50'),
      text: '潍坊路 400 号门口 — “引号” \u2028 and a lone \\ backslash',
      nothing: null,
      nested: { deeper: { refs: [ref, new ObjectId()], when: [new Date(0), new Date('2030-01-01T00:00:00Z')] } },
      grid: [
        [1, 2],
        [[3, { at: new Date(86_400_000), id: ref }]],
        [],
      ],
      timeline: [{ at: new Date('2026-03-02T02:00:00Z'), action: 'accept', by: ref }],
    };
    await a.db!.collection('things').insertOne(original);
    await a.db!.collection('things').createIndex({ ref: 1, at: -1 }, { name: 'ref_at' });
    await a.db!.collection('codes').createIndex({ code: 1 }, { unique: true, sparse: true });
    await a.db!.collection('codes').insertMany([{ code: 'x' }, {}]);
    await a.useDb('other').collection('elsewhere').insertOne({ n: 1 }); // every database, not only the BFF's
    const before = await a.db!.collection('things').findOne({ _id: original._id });

    const file = path.join(dir, SNAPSHOT_FILE);
    const written = await writeSnapshot(first.storage, file);
    expect(written).toMatchObject({ documents: 4, collections: 3 });
    const text = await readFile(file, 'utf8');
    // Canonical Extended JSON: the types are spelled out, not flattened to strings.
    expect(text).toContain(`{"$oid":"${ref.toHexString()}"}`);
    expect(text).toContain('"$date":{"$numberLong":"1772413323456"}');
    expect(text).toContain('"$binary":{"base64":"AAEC/f7/","subType":"00"}');
    expect(text).toContain('"$numberLong":"9007199254740993"');
    expect(text).toContain('"$numberDecimal":"12.50"');
    expect(JSON.parse(text)).toMatchObject({ format: 'sqtb-congodb-snapshot', version: 1 });
    expect(await readdir(dir)).toEqual([SNAPSHOT_FILE]); // no temporary file left

    const second = await server();
    const loaded = await loadSnapshot(second.storage, file);
    expect(loaded).toMatchObject({ documents: 4, collections: 3 });
    expect(loaded!.indexes.map((i) => `${i.db}.${i.collection}.${i.spec.name}`).sort()).toEqual(['snap.codes.code_1', 'snap.things.ref_at']);
    const b = await connect(second);
    const after = await b.db!.collection('things').findOne({ _id: original._id });
    expect(after).toEqual(before);
    expect(after!.ref).toBeInstanceOf(ObjectId);
    expect(after!.at).toBeInstanceOf(Date);
    expect(after!.photo).toBeInstanceOf(Binary);
    expect(Buffer.from((after!.photo as Binary).buffer)).toEqual(photo);
    expect((after!.uuidish as Binary).sub_type).toBe(4);
    expect(after!.big).toEqual(Long.fromString('9007199254740993'));
    expect(after!.count).toBe(42);
    expect(Object.is(after!.negativeZero, -0)).toBe(true);
    expect(after!.grid[1][0][1].at).toEqual(new Date(86_400_000));
    expect(after!.grid[1][0][1].id).toBeInstanceOf(ObjectId);
    expect(after!.nested.deeper.refs[0]).toBeInstanceOf(ObjectId);
    // Queries by typed values find it: the stored values are the types, not their strings.
    expect(await b.db!.collection('things').countDocuments({ ref, at: { $gte: new Date('2026-01-01') } })).toBe(1);
    expect(await b.db!.collection('things').countDocuments({ 'timeline.by': ref })).toBe(1);
    expect(await b.useDb('other').collection('elsewhere').countDocuments()).toBe(1);
    expect(await b.db!.collection('codes').countDocuments()).toBe(2);

    // Mongoose reads them as the schema types.
    const Thing = b.model('Thing', new Schema({ ref: Schema.Types.ObjectId, at: Date, photo: Buffer, nested: Schema.Types.Mixed }), 'things');
    const viaMongoose = await Thing.findById(original._id);
    expect(Buffer.isBuffer(viaMongoose!.photo)).toBe(true);
    expect(Buffer.from(viaMongoose!.photo as Buffer).equals(photo)).toBe(true);
    expect(viaMongoose!.at).toEqual(original.at);
  });

  it('writes over the last snapshot whole, and clears temporary files a killed writer left', async () => {
    const s = await server();
    const c = await connect(s, 'overwrite');
    const file = path.join(dir, 'overwrite.ejson');
    await c.db!.collection('n').insertOne({ n: 1 });
    await writeSnapshot(s.storage, file);
    await c.db!.collection('n').insertOne({ n: 2 });
    await writeSnapshot(s.storage, file);
    const killedMidWrite = `${file}.tmp-999999999`;
    await writeFile(killedMidWrite, '{"format":"sqtb-congodb-snap'); // half a snapshot, from a pid that no longer runs
    expect(await removeStaleTemporaries(file)).toEqual([path.basename(killedMidWrite)]);
    const fresh = await server();
    expect(await loadSnapshot(fresh.storage, file)).toMatchObject({ documents: 2 });
  });

  it('says so, naming the file, when a snapshot cannot be read, and reports none when there is none', async () => {
    const s = await server();
    expect(await loadSnapshot(s.storage, path.join(dir, 'absent.ejson'))).toBeUndefined();
    const broken = path.join(dir, 'broken.ejson');
    await writeFile(broken, '{"format":"sqtb-congodb-snapshot","version":1,"databases":{"x":');
    await expect(loadSnapshot(s.storage, broken)).rejects.toThrow(/broken\.ejson is not valid EJSON/);
  });

  it('counts the duplicates a unique index would meet, and explains them', async () => {
    const s = await server();
    const c = await connect(s, 'dups');
    const coll = c.db!.collection('users');
    await coll.insertMany([{ openid: 'a' }, { openid: 'a' }, { openid: 'b' }, { openid: 'b' }, { openid: 'b' }, { openid: 'c' }, {}, {}]);
    // Two missing fields count as two nulls: a third value held twice.
    expect(await countDuplicates(coll, { name: 'openid_1', key: { openid: 1 }, unique: true })).toEqual({ values: 3, documents: 7 });
    expect(await countDuplicates(coll, { name: 'openid_1', key: { openid: 1 }, unique: true, sparse: true })).toEqual({ values: 2, documents: 5 });
    const error = new UniqueIndexError('users', 'openid_1', ['openid'], 2, 5);
    expect(error.message).toMatch(/unique index "openid_1" on collection "users" cannot be built: 2 values of \{ openid \} occur more than once \(5 documents in all\)/);
  });

  describe('kept by the BFF in development (connectDatabase)', () => {
    const config = (dataDir: string) => ({ env: 'development' as const, dataDir, embeddedDb: 'congodb' as const, mongodbDbName: 'sqtb', mongodbUri: undefined });
    const log = createLogger('silent');

    it('loads it, builds again the indexes no model declares, writes at the interval and at close', async () => {
      const dataDir = path.join(dir, 'kept');
      const seed = await server();
      const c = await connect(seed, 'sqtb');
      await c.db!.collection('fs.chunks').createIndex({ files_id: 1, n: 1 }, { unique: true });
      await c.db!.collection('fs.chunks').insertOne({ files_id: new ObjectId(), n: 0, data: new Binary(Buffer.from('photo')) });
      await writeSnapshot(seed.storage, path.join(dataDir, SNAPSHOT_FILE));

      const database = await connectDatabase(config(dataDir), log, { snapshotIntervalMs: 100 });
      try {
        expect(database).toMatchObject({ kind: 'congodb', persistent: true });
        const chunks = database.connection.db!.collection('fs.chunks');
        expect((await chunks.indexes()).map((i) => i.name)).toEqual(['_id_', 'files_id_1_n_1']);
        await expect(chunks.insertOne({ files_id: (await chunks.findOne())!.files_id, n: 0 })).rejects.toMatchObject({ code: 11000 });
        await chunks.insertOne({ files_id: new ObjectId(), n: 0, note: 'between two intervals' });
        // The interval write (every 100 ms here) picks the change up without a stop.
        const deadline = Date.now() + 5_000;
        while (!(await readFile(path.join(dataDir, SNAPSHOT_FILE), 'utf8')).includes('between two intervals')) {
          if (Date.now() > deadline) throw new Error('no interval snapshot within 5 s');
          await new Promise((r) => setTimeout(r, 50));
        }
        await chunks.insertOne({ files_id: new ObjectId(), n: 0, note: 'just before the stop' });
      } finally {
        await database.close();
      }
      const fresh = await server();
      expect(await loadSnapshot(fresh.storage, path.join(dataDir, SNAPSHOT_FILE))).toMatchObject({ documents: 3 });
      expect(await readdir(dataDir)).toEqual([SNAPSHOT_FILE]);
    });

    it('stops on an index from the snapshot that its data breaks, and leaves the file as it was', async () => {
      const dataDir = path.join(dir, 'broken-index');
      const seed = await server();
      const c = await connect(seed, 'sqtb');
      await c.db!.collection('fs.chunks').createIndex({ files_id: 1, n: 1 }, { unique: true });
      const files_id = new ObjectId();
      await c.db!.collection('fs.chunks').insertOne({ files_id, n: 0 });
      await writeSnapshot(seed.storage, path.join(dataDir, SNAPSHOT_FILE));
      // A duplicate slipped in (say, by hand) after the index was defined.
      const slipped = new ObjectId();
      seed.storage.ensureCollection('sqtb', 'fs.chunks').set(slipped.toHexString(), { _id: slipped, files_id, n: 0 });
      await writeSnapshot(seed.storage, path.join(dataDir, SNAPSHOT_FILE));
      const before = await readFile(path.join(dataDir, SNAPSHOT_FILE), 'utf8');

      await expect(connectDatabase(config(dataDir), log)).rejects.toMatchObject({ name: 'UniqueIndexError', collection: 'fs.chunks', index: 'files_id_1_n_1', duplicateValues: 1, documents: 2 });
      expect(await readFile(path.join(dataDir, SNAPSHOT_FILE), 'utf8')).toBe(before);
    });
  });
});
