import { idParamsSchema, MAX_PHOTO_BYTES, signedFileQuerySchema, uploadedPhotoSchema } from '@sqtb/shared';
import { defineRoute, type RouteSpec } from '../core/route';
import type { Clock } from '../core/clock';
import { readSingleFile } from './multipart';
import { readSignedPhoto, savePhoto, signedPhotoUrl } from './service';

export function fileRoutes(deps: { clock: Clock; urlSecret: string }): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/files',
      tag: 'files',
      summary: `Upload one photo (multipart/form-data, field "file"; JPEG, PNG or WebP up to ${MAX_PHOTO_BYTES / (1024 * 1024)} MB, checked by content)`,
      access: 'any-user',
      rateLimit: { name: 'upload', perIp: { limit: 300, windowMs: 60_000 }, perUser: { limit: 30, windowMs: 60_000 } },
      multipart: { field: 'file' },
      responses: { 201: { description: 'Stored', schema: uploadedPhotoSchema } },
      errors: [400, 413, 415],
      handler: async ({ ctx, user }) => {
        const upload = await readSingleFile(ctx, { field: 'file', maxBytes: MAX_PHOTO_BYTES });
        const saved = await savePhoto(user, upload, deps.clock.now());
        return { status: 201, body: { ...saved, url: signedPhotoUrl(saved.id, deps.urlSecret, deps.clock.now()) } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/files/:id',
      tag: 'files',
      summary: 'A photo, through the signed link the API handed out',
      access: 'public',
      params: idParamsSchema,
      query: signedFileQuerySchema,
      responses: { 200: { description: 'The image', contentType: 'image/*' } },
      errors: [403, 404],
      handler: async ({ params, query }) => {
        const photo = await readSignedPhoto(params.id, query.expires, query.sig, deps.urlSecret, deps.clock.now());
        // Streamed out of GridFS; the length is known from the files document, as it was from the Buffer.
        return { body: photo.stream, headers: { 'Content-Type': photo.contentType, 'Content-Length': String(photo.size), 'Cache-Control': 'private, max-age=3600' } };
      },
    }),
  ];
}
