import type { Readable } from 'node:stream';
import Busboy from 'busboy';
import type Koa from 'koa';
import { AppError } from '../core/app-error';

export interface UploadedFile {
  fieldName: string;
  fileName: string;
  declaredType: string;
  /**
   * The file's bytes as they arrive, never more than maxBytes in all. The
   * iteration ends only once the whole request has been read and was well
   * formed; otherwise it throws: PAYLOAD_TOO_LARGE over the limit,
   * VALIDATION_FAILED for a malformed request or one cut off. Leaving the loop
   * early discards the rest of the request (and waits until it is read, so
   * the reply never overtakes the upload). Iterate it once.
   */
  chunks: AsyncIterable<Buffer>;
}

const malformed = () => new AppError('VALIDATION_FAILED', 'The multipart request is malformed');

/**
 * Finds the one file of a multipart/form-data request and hands its bytes on
 * as a stream, so that an upload is never held in memory whole. Resolves when
 * the file's part begins; rejects when the request ends without one.
 */
export function readSingleFile(ctx: Koa.Context, options: { field: string; maxBytes: number }): Promise<UploadedFile> {
  if (!ctx.is('multipart/form-data')) {
    return Promise.reject(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data'));
  }
  let busboy: Busboy.Busboy;
  try {
    busboy = Busboy({ headers: ctx.req.headers, limits: { files: 1, fileSize: options.maxBytes, fields: 10, fieldSize: 1024, parts: 12 } });
  } catch {
    return Promise.reject(malformed());
  }
  const form = busboy;
  /** Why the request failed, if it did: the first reason wins. */
  let failure: AppError | undefined;
  // 'close' follows 'error' too (busboy destroys itself on error).
  const closed = new Promise<void>((resolve) => form.once('close', resolve));
  const outcome = () => closed.then(() => failure);

  return new Promise((resolve, reject) => {
    let found = false;
    form.on('file', (fieldName, stream, info) => {
      if (fieldName !== options.field || found) {
        stream.resume();
        return;
      }
      found = true;
      stream.on('limit', () => {
        failure ??= new AppError('PAYLOAD_TOO_LARGE', `A photo may be at most ${Math.round(options.maxBytes / 1024)} KB`);
      });
      resolve({ fieldName, fileName: info.filename ?? '', declaredType: info.mimeType, chunks: chunksOf(stream, outcome) });
    });
    form.on('error', () => {
      failure ??= malformed();
    });
    form.on('close', () => {
      if (!found) reject(failure ?? new AppError('VALIDATION_FAILED', `No file in the field "${options.field}"`));
    });
    // A client that goes away mid-upload never ends the request: busboy would wait for ever.
    const cutOff = () => {
      if (ctx.req.complete || form.destroyed) return;
      failure ??= new AppError('VALIDATION_FAILED', 'The upload was cut off before the end of the request');
      form.destroy(failure);
    };
    ctx.req.once('close', cutOff);
    ctx.req.once('error', cutOff);
    ctx.req.pipe(form);
  });
}

async function* chunksOf(stream: Readable, outcome: () => Promise<AppError | undefined>): AsyncGenerator<Buffer, void, undefined> {
  let readToEnd = false;
  let broken = false;
  try {
    try {
      // Not destroyed when the caller stops early: busboy needs the part to end to finish the form.
      for await (const chunk of stream.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
    } catch {
      // busboy destroyed the part (malformed or cut off): the outcome says why.
      broken = true;
    }
    readToEnd = true;
  } finally {
    if (!readToEnd) {
      stream.resume();
      await outcome();
    }
  }
  const failure = await outcome();
  if (failure) throw failure;
  if (broken) throw malformed();
}
