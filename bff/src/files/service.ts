import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import mongoose, { Types, type mongo } from 'mongoose';
import { AppError } from '../core/app-error';
import type { AuthUser } from '../accounts/auth-user';
import { FileModel, PHOTO_BUCKET, PhotoChunkModel, type PhotoMetadata } from './file.model';
import { sniffImageType, type ImageType } from './sniff';
import type { UploadedFile } from './multipart';

export { MAX_PHOTO_BYTES } from '@sqtb/shared';
const URL_TTL_SECONDS = 3600;
/** Enough of the head to tell every accepted type apart (WebP needs 12). */
const SNIFF_BYTES = 16;

type GridFSBucket = mongo.GridFSBucket;
type GridFSBucketWriteStream = mongo.GridFSBucketWriteStream;

const buckets = new WeakMap<object, GridFSBucket>();

/** The GridFS bucket of photos on the current connection (one per database, so its index check runs once). */
export function photoBucket(): GridFSBucket {
  const db = mongoose.connection.db;
  if (!db) throw new Error('The database is not connected');
  let bucket = buckets.get(db);
  if (!bucket) {
    bucket = new mongoose.mongo.GridFSBucket(db, { bucketName: PHOTO_BUCKET });
    buckets.set(db, bucket);
  }
  return bucket;
}

/**
 * Keeps an uploaded photo whose bytes really are a JPEG, PNG or WebP image,
 * streaming it into GridFS. The first bytes are checked before anything is
 * written; the files document, which makes the photo exist, is written only
 * once the whole request has been read and found well formed. A photo
 * refused on the way (too large, malformed, cut off, the database failing)
 * has its chunks deleted before the refusal is answered.
 */
export async function savePhoto(user: AuthUser, upload: UploadedFile, now: Date): Promise<{ id: string; contentType: string; size: number }> {
  const id = new Types.ObjectId();
  let head: Buffer = Buffer.alloc(0);
  let refused: AppError | undefined;
  let contentType: ImageType | undefined;
  let stored: GridFSBucketWriteStream | undefined;
  let size = 0;
  const start = async (bytes: Buffer) => {
    try {
      contentType = checkedType(bytes, upload.declaredType);
    } catch (err) {
      refused = err as AppError;
      return;
    }
    stored = openPhotoUpload(id, { ownerId: new Types.ObjectId(user.id), contentType, createdAt: now });
    await writeTo(stored, bytes);
  };
  try {
    for await (const chunk of upload.chunks) {
      // A refused file is read to its end all the same: a form that is too large or malformed says so first, as before.
      if (refused) continue;
      size += chunk.length;
      if (stored) {
        await writeTo(stored, chunk);
        continue;
      }
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (head.length >= SNIFF_BYTES) await start(head);
    }
    if (!stored && !refused) await start(head);
    if (refused) throw refused;
    stored!.end();
    await finished(stored!);
  } catch (err) {
    if (stored) await discardPhoto(id).catch(() => undefined);
    throw err;
  }
  return { id: String(id), contentType: contentType!, size };
}

/**
 * An upload stream into the photo bucket under a given id. Its errors reach
 * whoever awaits a write or `finished`; the listener only keeps an error
 * nobody waits for from crashing the process.
 */
export function openPhotoUpload(id: Types.ObjectId, metadata: PhotoMetadata): GridFSBucketWriteStream {
  const stream = photoBucket().openUploadStreamWithId(id, String(id), { metadata });
  stream.on('error', () => undefined);
  return stream;
}

/** Writes one piece and waits until GridFS has taken it (stored, when it filled a chunk): backpressure, and errors, one at a time. */
export function writeTo(stream: GridFSBucketWriteStream, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => stream.write(bytes, (err) => (err ? reject(err) : resolve())));
}

/** Removes whatever exists of a photo: the files document first (so it stops existing), then its chunks. */
export async function discardPhoto(id: Types.ObjectId): Promise<void> {
  await FileModel.deleteOne({ _id: id });
  await PhotoChunkModel.deleteMany({ files_id: id });
}

function checkedType(head: Buffer, declaredType: string): ImageType {
  const actual = sniffImageType(head.subarray(0, SNIFF_BYTES));
  if (!actual) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Only JPEG, PNG or WebP photos are accepted');
  const declared = declaredType.toLowerCase();
  if (declared !== actual && !(declared === 'image/jpg' && actual === 'image/jpeg')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file says it is ${declaredType} but its content is ${actual}`);
  }
  return actual;
}

/** Checks that every photo id names a photo this user uploaded. */
export async function assertOwnPhotos(user: AuthUser, photoIds: string[]): Promise<Types.ObjectId[]> {
  const ids = [...new Set(photoIds)].map((id) => new Types.ObjectId(id));
  if (ids.length === 0) return [];
  const found = await FileModel.countDocuments({ _id: { $in: ids }, 'metadata.ownerId': user.id });
  if (found !== ids.length) throw new AppError('VALIDATION_FAILED', 'A photo id is unknown or was uploaded by someone else', { field: 'photoIds' });
  return ids;
}

/**
 * Image tags cannot send a bearer token, so photo links carry a signature that
 * expires: whoever could see the complaint gets a link that works for an hour.
 */
export function signedPhotoUrl(id: string, secret: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + URL_TTL_SECONDS;
  return `/api/files/${id}?expires=${expires}&sig=${sign(id, expires, secret)}`;
}

/** Checks a signed link, then streams the photo out of GridFS (its bytes are never held whole). */
export async function readSignedPhoto(id: string, expires: number, sig: string, secret: string, now: Date): Promise<{ contentType: string; size: number; stream: Readable }> {
  const expected = Buffer.from(sign(id, expires, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('FORBIDDEN', 'This photo link is not valid');
  if (expires * 1000 < now.getTime()) throw new AppError('FORBIDDEN', 'This photo link has expired');
  const file = await FileModel.findById(id, { length: 1, 'metadata.contentType': 1 }).lean();
  if (!file) throw new AppError('NOT_FOUND', 'No such photo');
  return { contentType: file.metadata!.contentType, size: file.length, stream: photoBucket().openDownloadStream(file._id) };
}

function sign(id: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`photo:${id}:${expires}`).digest('base64url');
}
