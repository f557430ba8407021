import { z } from 'zod';
import { objectIdSchema } from '@sqtb/shared';
import { defineRoute, type RouteSpec } from '../core/route';
import type { Clock } from '../core/clock';
import { readSingleFile } from './multipart';
import { MAX_PHOTO_BYTES, readSignedPhoto, savePhoto, signedPhotoUrl } from './service';

export function fileRoutes(deps: { clock: Clock; urlSecret: string }): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/files',
      tag: 'files',
      summary: 'Upload one photo (multipart/form-data, field "file"; JPEG, PNG or WebP up to 2 MB, checked by content)',
      access: 'any-user',
      rateLimit: { name: 'upload', perIp: { limit: 300, windowMs: 60_000 }, perUser: { limit: 30, windowMs: 60_000 } },
      multipart: { field: 'file' },
      responses: {
        201: { description: 'Stored', schema: z.object({ id: z.string(), contentType: z.string(), size: z.number(), url: z.string() }) },
      },
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
      params: z.object({ id: objectIdSchema }).strict(),
      query: z.object({ expires: z.coerce.number().int().positive(), sig: z.string().min(10).max(100) }).strict(),
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
