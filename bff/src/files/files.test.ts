import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import mongoose, { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test/test-app';
import { UserModel } from '../accounts/user.model';
import { multipartBytes } from '../../test/one-field-corruptions';
import { FileModel, LEGACY_PHOTO_COLLECTION, PhotoChunkModel } from './file.model';
import { migratePhotosToGridFS } from './migration';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff5a9d4a0000000049454e44ae426082', 'hex');

describe('photo uploads', () => {
  let t: TestApp;
  let resident: string;
  beforeAll(async () => {
    t = await startTestApp();
    resident = await t.login('resident-1');
  });
  afterAll(() => t.close());

  const upload = (data: Buffer, type: string, token = resident, name = 'photo.png') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), name);
    return fetch(`${t.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as any,
    }));
  };

  it('keeps a real PNG and serves it back through its signed link', async () => {
    const saved = await upload(PNG, 'image/png');
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const image = await fetch(t.baseUrl + saved.body.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a file that lies about its type', async () => {
    const lie = await upload(Buffer.from('<script>alert(1)</script>'), 'image/png', resident, 'x.png');
    expect(lie.status).toBe(415);
    expect(lie.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const mislabelled = await upload(PNG, 'image/jpeg');
    expect(mislabelled.status).toBe(415);
  });

  it('refuses a photo over 2 MB with 413', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024 + 10)]);
    expect((await upload(big, 'image/png')).status).toBe(413);
  });

  /** A "PNG" of the given size: the real signature, then noise. GridFS cuts at 255 KB. */
  const bigPng = (size: number) => Buffer.concat([PNG.subarray(0, 16), randomBytes(size - 16)]);
  const stored = async () => ({ files: await FileModel.countDocuments(), chunks: await PhotoChunkModel.countDocuments() });
  const until = async (what: string, done: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await done()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting until ${what}`);
  };

  it('streams a photo of several GridFS chunks in and out with every byte unchanged', async () => {
    const photo = bigPng(700 * 1024); // three chunks: 255 + 255 + 190 KB
    const saved = await upload(photo, 'image/png');
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ contentType: 'image/png', size: photo.length });
    const file = await FileModel.findById(saved.body.id).lean();
    expect(file).toMatchObject({ length: photo.length, chunkSize: 255 * 1024, metadata: { contentType: 'image/png' } });
    expect(String(file!.metadata!.ownerId)).toBe(String((await UserModel.findOne({ openid: 'resident-1' }))!._id));
    const chunks = await PhotoChunkModel.find({ files_id: saved.body.id }, { n: 1 }).sort({ n: 1 }).lean();
    expect(chunks.map((c) => c.n)).toEqual([0, 1, 2]);
    const image = await fetch(t.baseUrl + saved.body.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-length')).toBe(String(photo.length));
    expect(image.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(Buffer.from(await image.arrayBuffer()).equals(photo)).toBe(true);
  });

  it('leaves no chunk behind when it refuses an upload: too large, not an image, a malformed form', async () => {
    const before = await stored();
    // Over the limit after 2 MB were already streamed into GridFS (eight chunks written, then deleted).
    expect((await upload(Buffer.concat([bigPng(2 * 1024 * 1024), Buffer.alloc(10)]), 'image/png')).status).toBe(413);
    expect(await stored()).toEqual(before);
    // Not an image: refused by its first bytes, before anything is written.
    expect((await upload(Buffer.concat([Buffer.from('<script>'), randomBytes(600 * 1024)]), 'image/png')).status).toBe(415);
    expect(await stored()).toEqual(before);
    // A form whose closing boundary never comes, after 600 KB of a valid photo.
    const whole = multipartBytes([{ field: 'file', filename: 'x.png', type: 'image/png', data: bigPng(600 * 1024) }], 'B0undary');
    const broken = await fetch(`${t.baseUrl}/api/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${resident}`, 'content-type': 'multipart/form-data; boundary=B0undary' },
      body: new Uint8Array(whole.subarray(0, whole.length - '\r\n--B0undary--\r\n'.length)),
    });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as any).error.code).toBe('VALIDATION_FAILED');
    expect(await stored()).toEqual(before);
  });

  it('deletes the chunks of an upload cut off half way', async () => {
    // Koa prints the socket error of a request cut off (the app sets no error listener): expected here.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = await stored();
    const body = multipartBytes([{ field: 'file', filename: 'x.png', type: 'image/png', data: bigPng(1500 * 1024) }], 'B0undary');
    const url = new URL('/api/files', t.baseUrl);
    const req = httpRequest(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${resident}`, 'content-type': 'multipart/form-data; boundary=B0undary', 'content-length': String(body.length) },
    });
    req.on('error', () => undefined);
    req.write(body.subarray(0, 800 * 1024));
    // The server streams as it reads: chunks are in the database before the request ends.
    await until('the first chunks are stored', async () => (await stored()).chunks >= before.chunks + 2);
    req.destroy();
    await until('the partial upload is deleted', async () => (await stored()).chunks === before.chunks);
    expect(await stored()).toEqual(before);
    quiet.mockRestore();
  });

  describe('the migration of photos kept inside documents', () => {
    const legacy = () => mongoose.connection.db!.collection(LEGACY_PHOTO_COLLECTION);
    /** Every photo document, types kept, as one string (a deep compare of the bytes would take seconds). */
    const snapshot = async () =>
      mongoose.mongo.BSON.EJSON.stringify({
        legacy: await legacy().find().sort({ _id: 1 }).toArray(),
        files: await FileModel.collection.find().sort({ _id: 1 }).toArray(),
        chunks: await PhotoChunkModel.collection.find().sort({ files_id: 1, n: 1 }).toArray(),
      });

    it('moves an old photo into the bucket under the same id, so references keep working, and a second run changes nothing', async () => {
      const owner = (await UserModel.findOne({ openid: 'resident-1' }))!._id;
      const bytes = bigPng(400 * 1024);
      const createdAt = new Date('2026-02-01T08:00:00Z');
      const id = new Types.ObjectId();
      const small = new Types.ObjectId();
      await legacy().insertMany([
        { _id: id, ownerId: owner, contentType: 'image/png', size: bytes.length, data: bytes, createdAt, updatedAt: createdAt },
        { _id: small, ownerId: owner, contentType: 'image/png', size: PNG.length, data: PNG, createdAt, updatedAt: createdAt },
      ]);
      // What an interrupted earlier run could have left: a chunk of the photo, no files document.
      await PhotoChunkModel.collection.insertOne({ files_id: id, n: 0, data: new mongoose.mongo.Binary(randomBytes(1000)) });
      // And an upload that died mid-way a day ago: orphan chunks, nothing to migrate.
      const orphan = Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 86_400);
      await PhotoChunkModel.collection.insertOne({ files_id: orphan, n: 0, data: new mongoose.mongo.Binary(randomBytes(1000)) });
      const unreachable = await t.request('POST', '/api/complaints', {
        token: resident,
        body: { category: 'greenery', description: '行道树倒伏压住围墙', location: { lat: 31.2291, lng: 121.5231 }, address: '潍坊路', photoIds: [String(id)] },
      });
      expect(unreachable.status).toBe(400);

      const first = await migratePhotosToGridFS();
      expect(first).toEqual({ legacy: 2, moved: 2, alreadyInBucket: 0, legacyRemoved: 2, problems: [], orphansRemoved: 1 });
      expect(await legacy().countDocuments()).toBe(0);
      expect(await PhotoChunkModel.countDocuments({ files_id: orphan })).toBe(0);
      const file = await FileModel.findById(id).lean();
      expect(file).toMatchObject({ length: bytes.length, metadata: { contentType: 'image/png', createdAt } });
      expect(String(file!.metadata!.ownerId)).toBe(String(owner));
      expect(await PhotoChunkModel.countDocuments({ files_id: id })).toBe(2);

      // The same id: the owner can attach it, and its signed link serves the very bytes.
      const filed = await t.request('POST', '/api/complaints', {
        token: resident,
        body: { category: 'greenery', description: '行道树倒伏压住围墙', location: { lat: 31.2291, lng: 121.5231 }, address: '潍坊路', photoIds: [String(id), String(small)] },
      });
      expect(filed.status).toBe(201);
      const served = await fetch(t.baseUrl + filed.body.photoUrls[0]);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
      expect(Buffer.from(await (await fetch(t.baseUrl + filed.body.photoUrls[1])).arrayBuffer()).equals(PNG)).toBe(true);

      const after = await snapshot();
      const second = await migratePhotosToGridFS();
      expect(second).toEqual({ legacy: 0, moved: 0, alreadyInBucket: 0, legacyRemoved: 0, problems: [], orphansRemoved: 0 });
      expect(await snapshot()).toEqual(after);
    });

    it('with keepLegacy copies and keeps the old document, and runs again without a change; other bytes under the same id are reported, not overwritten', async () => {
      const owner = (await UserModel.findOne({ openid: 'resident-2' }))!._id;
      const id = new Types.ObjectId();
      const clash = new Types.ObjectId();
      await legacy().insertMany([
        { _id: id, ownerId: owner, contentType: 'image/png', size: PNG.length, data: PNG, createdAt: new Date() },
        { _id: clash, ownerId: owner, contentType: 'image/png', size: PNG.length, data: PNG, createdAt: new Date() },
      ]);
      const first = await migratePhotosToGridFS({ keepLegacy: true });
      expect(first).toMatchObject({ legacy: 2, moved: 2, legacyRemoved: 0, problems: [] });
      // The old document changes after its copy (replaced whole: CongoDB's $set mangles a Buffer).
      const changed = { ...(await legacy().findOne({ _id: clash }))!, data: bigPng(300) };
      await legacy().deleteOne({ _id: clash });
      await legacy().insertOne(changed);
      const kept = await snapshot();
      const again = await migratePhotosToGridFS({ keepLegacy: true });
      expect(again).toMatchObject({ legacy: 2, moved: 0, alreadyInBucket: 1, legacyRemoved: 0, problems: [{ id: String(clash), reason: 'the bucket already holds other bytes under this id' }] });
      expect(await snapshot()).toEqual(kept);
      // The final run deletes the old document whose copy is verified, and keeps the one that differs.
      const last = await migratePhotosToGridFS();
      expect(last).toMatchObject({ legacy: 2, moved: 0, alreadyInBucket: 1, legacyRemoved: 1 });
      expect((await legacy().find().toArray()).map((d) => String(d._id))).toEqual([String(clash)]);
      await legacy().deleteMany({});
    });
  });

  it('refuses an upload without login, and a body that is not multipart', async () => {
    expect((await upload(PNG, 'image/png', 'no-token')).status).toBe(401);
    const json = await t.request('POST', '/api/files', { token: resident, body: { file: 'x' } });
    expect(json.status).toBe(415);
  });

  it('refuses a photo link with a forged signature or a lapsed expiry', async () => {
    const saved = await upload(PNG, 'image/png');
    const url = new URL(saved.body.url, t.baseUrl);
    url.searchParams.set('sig', 'A'.repeat(43));
    expect((await fetch(url)).status).toBe(403);
    url.searchParams.set('expires', '1000');
    expect((await fetch(url)).status).toBe(403);
  });

  it('attaches own photos to a complaint and shows them by signed link', async () => {
    const saved = await upload(PNG, 'image/png');
    const filed = await t.request('POST', '/api/complaints', {
      token: resident,
      body: { category: 'greenery', description: '行道树倒伏压住围墙', location: { lat: 31.2291, lng: 121.5231 }, address: '潍坊路', photoIds: [saved.body.id] },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.photoUrls[0]).toMatch(new RegExp(`^/api/files/${saved.body.id}\\?expires=\\d+&sig=`));
    const other = await t.login('resident-2');
    const stolen = await t.request('POST', '/api/complaints', {
      token: other,
      body: { category: 'greenery', description: '行道树倒伏压住围墙', location: { lat: 31.2291, lng: 121.5231 }, address: '潍坊路', photoIds: [saved.body.id] },
    });
    expect(stolen.status).toBe(400);
  });
});
