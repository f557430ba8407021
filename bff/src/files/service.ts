import { createHmac, timingSafeEqual } from 'node:crypto';
import { Types } from 'mongoose';
import { AppError } from '../core/app-error';
import type { AuthUser } from '../accounts/auth-user';
import { FileModel } from './model';
import { sniffImageType } from './sniff';
import type { UploadedFile } from './multipart';

export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const URL_TTL_SECONDS = 3600;

/** Keeps an uploaded photo whose bytes really are a JPEG, PNG or WebP image. */
export async function savePhoto(user: AuthUser, upload: UploadedFile): Promise<{ id: string; contentType: string; size: number }> {
  const actual = sniffImageType(upload.data.subarray(0, 16));
  if (!actual) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Only JPEG, PNG or WebP photos are accepted');
  const declared = upload.declaredType.toLowerCase();
  if (declared !== actual && !(declared === 'image/jpg' && actual === 'image/jpeg')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The file says it is ${upload.declaredType} but its content is ${actual}`);
  }
  const saved = await FileModel.create({ ownerId: user.id, contentType: actual, size: upload.data.length, data: upload.data });
  return { id: String(saved._id), contentType: actual, size: upload.data.length };
}

/** Checks that every photo id names a photo this user uploaded. */
export async function assertOwnPhotos(user: AuthUser, photoIds: string[]): Promise<Types.ObjectId[]> {
  const ids = [...new Set(photoIds)].map((id) => new Types.ObjectId(id));
  if (ids.length === 0) return [];
  const found = await FileModel.countDocuments({ _id: { $in: ids }, ownerId: user.id });
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

export async function readSignedPhoto(id: string, expires: number, sig: string, secret: string, now: Date) {
  const expected = Buffer.from(sign(id, expires, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('FORBIDDEN', 'This photo link is not valid');
  if (expires * 1000 < now.getTime()) throw new AppError('FORBIDDEN', 'This photo link has expired');
  const file = await FileModel.findById(id).lean();
  if (!file) throw new AppError('NOT_FOUND', 'No such photo');
  return { contentType: file.contentType, data: Buffer.from(file.data.buffer ?? file.data) };
}

function sign(id: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`photo:${id}:${expires}`).digest('base64url');
}
