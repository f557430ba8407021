import { z } from 'zod';

/** A photo upload's size limit (JPEG, PNG or WebP; the type is checked by content). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** `POST /api/files`: the stored photo and a signed link to it. */
export const uploadedPhotoSchema = z.object({ id: z.string(), contentType: z.string(), size: z.number(), url: z.string() });
export type UploadedPhoto = z.infer<typeof uploadedPhotoSchema>;

/** `GET /api/files/:id?expires=&sig=`: the signed link's query. */
export const signedFileQuerySchema = z.object({ expires: z.coerce.number().int().positive(), sig: z.string().min(10).max(100) }).strict();
