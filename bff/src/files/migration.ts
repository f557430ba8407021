import { createHash } from 'node:crypto';
import { finished } from 'node:stream/promises';
import mongoose, { Types } from 'mongoose';
import { FileModel, LEGACY_PHOTO_COLLECTION, PhotoChunkModel, type PhotoMetadata } from './file.model';
import { discardPhoto, openPhotoUpload, photoBucket, writeTo } from './service';

/**
 * Moves photos kept the old way (one document each in `files`, the bytes in
 * `data`) into the GridFS bucket, under the same _id, so every complaint that
 * refers to a photo keeps working. Run by bff/scripts/migrate-photos-to-gridfs.ts.
 *
 * For each old document:
 * - not in the bucket yet: any chunks left under its id by an interrupted run
 *   are deleted, the bytes are written to GridFS with the old owner, type and
 *   creation time, read back and compared (SHA-256), and only then is the
 *   old document deleted (kept with keepLegacy);
 * - already in the bucket with the same bytes (a run interrupted after the
 *   copy, or keepLegacy): the old document is deleted (kept with keepLegacy);
 * - already in the bucket with other bytes: left alone on both sides and reported.
 * A second run finds nothing to do and changes nothing.
 *
 * It also removes orphan chunks: chunks whose photo has no files document
 * (an upload the process could not clean up, such as a crash mid-upload),
 * started over an hour ago and with no old document of that id left to migrate.
 *
 * Safe while the BFF runs, old version or new: the old version only adds old
 * documents (run it again after the deploy for those), the new one only
 * writes photos under fresh ids.
 */
export interface PhotoMigrationOptions {
  /** Report what would be done without writing anything. */
  dryRun?: boolean;
  /** Copy into the bucket but keep the old documents (e.g. to keep a rollback possible). */
  keepLegacy?: boolean;
  /** Orphan chunks older than this are removed (ms, default one hour). */
  orphanAgeMs?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface PhotoMigrationReport {
  /** Old documents seen. */
  legacy: number;
  /** Photos written to the bucket (with dryRun: that would be). */
  moved: number;
  /** Old documents whose photo was already in the bucket with the same bytes. */
  alreadyInBucket: number;
  /** Old documents deleted after their bytes were verified in the bucket. */
  legacyRemoved: number;
  /** Ids left alone: no bytes or no owner in the old document, or other bytes already in the bucket. */
  problems: { id: string; reason: string }[];
  /** Photos whose orphan chunks were removed. */
  orphansRemoved: number;
}

interface LegacyPhoto {
  _id: Types.ObjectId;
  ownerId?: Types.ObjectId;
  contentType?: string;
  size?: number;
  data?: mongoose.mongo.Binary | Buffer;
  createdAt?: Date;
}

const WRITE_PIECE = 64 * 1024;

export async function migratePhotosToGridFS(options: PhotoMigrationOptions = {}): Promise<PhotoMigrationReport> {
  const log = options.log ?? (() => undefined);
  const db = mongoose.connection.db;
  if (!db) throw new Error('The database is not connected');
  const legacy = db.collection<LegacyPhoto>(LEGACY_PHOTO_COLLECTION);
  const report: PhotoMigrationReport = { legacy: 0, moved: 0, alreadyInBucket: 0, legacyRemoved: 0, problems: [], orphansRemoved: 0 };
  const problem = (id: Types.ObjectId, reason: string) => {
    report.problems.push({ id: String(id), reason });
    log(`photo ${String(id)}: ${reason}; left as it is`);
  };

  if (!options.dryRun) {
    await FileModel.createIndexes();
    await PhotoChunkModel.createIndexes();
  }

  // Ids first, then one document at a time: never more than one photo in memory.
  const ids = (await legacy.find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
  for (const id of ids) {
    const old = await legacy.findOne({ _id: id });
    if (!old) continue;
    report.legacy++;
    const bytes = bytesOf(old.data);
    if (!bytes) {
      problem(id, 'the old document holds no bytes');
      continue;
    }
    if (!old.ownerId || !old.contentType) {
      problem(id, 'the old document names no owner or content type');
      continue;
    }
    const digest = sha256(bytes);
    const existing = await FileModel.findById(id, { length: 1 }).lean();
    if (existing) {
      if (existing.length !== bytes.length || (await bucketDigest(id)) !== digest) {
        problem(id, 'the bucket already holds other bytes under this id');
        continue;
      }
      report.alreadyInBucket++;
    } else {
      report.moved++;
      if (options.dryRun) continue;
      const metadata: PhotoMetadata = { ownerId: old.ownerId, contentType: old.contentType, createdAt: old.createdAt ?? id.getTimestamp() };
      await copyIntoBucket(id, bytes, metadata);
      if ((await bucketDigest(id)) !== digest) {
        await discardPhoto(id);
        report.moved--;
        problem(id, 'the bytes read back from the bucket differ; the copy was removed');
        continue;
      }
      log(`photo ${String(id)}: ${bytes.length} bytes moved into the bucket`);
    }
    if (!options.keepLegacy && !options.dryRun) {
      await legacy.deleteOne({ _id: id });
      report.legacyRemoved++;
    }
  }

  report.orphansRemoved = await removeOrphanChunks(options, log);
  return report;
}

async function copyIntoBucket(id: Types.ObjectId, bytes: Buffer, metadata: PhotoMetadata): Promise<void> {
  // Chunks left by an interrupted run would collide with the new ones (unique files_id + n).
  await PhotoChunkModel.deleteMany({ files_id: id });
  const upload = openPhotoUpload(id, metadata);
  try {
    for (let at = 0; at < bytes.length; at += WRITE_PIECE) await writeTo(upload, bytes.subarray(at, at + WRITE_PIECE));
    upload.end();
    await finished(upload);
  } catch (err) {
    await discardPhoto(id).catch(() => undefined);
    throw err;
  }
}

async function removeOrphanChunks(options: PhotoMigrationOptions, log: (line: string) => void): Promise<number> {
  const db = mongoose.connection.db!;
  const cutoff = (options.now ?? new Date()).getTime() - (options.orphanAgeMs ?? 3_600_000);
  const groups = await PhotoChunkModel.aggregate<{ _id: Types.ObjectId }>([{ $group: { _id: '$files_id' } }]);
  let removed = 0;
  for (const { _id: id } of groups) {
    if (!(id instanceof Types.ObjectId) || id.getTimestamp().getTime() > cutoff) continue;
    if (await FileModel.exists({ _id: id })) continue;
    if (await db.collection(LEGACY_PHOTO_COLLECTION).findOne({ _id: id }, { projection: { _id: 1 } })) continue;
    removed++;
    if (options.dryRun) continue;
    await PhotoChunkModel.deleteMany({ files_id: id });
    log(`photo ${String(id)}: orphan chunks removed (an upload that never finished)`);
  }
  return removed;
}

function bytesOf(data: LegacyPhoto['data']): Buffer | undefined {
  if (!data) return undefined;
  if (Buffer.isBuffer(data)) return data;
  // A BSON Binary, whichever copy of the bson package made it.
  const binary = data as { read?: (at: number, length: number) => Uint8Array; length?: () => number };
  if (typeof binary.read === 'function' && typeof binary.length === 'function') return Buffer.from(binary.read(0, binary.length()));
  return undefined;
}

async function bucketDigest(id: Types.ObjectId): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of photoBucket().openDownloadStream(id)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
