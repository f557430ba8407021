import Busboy from 'busboy';
import type Koa from 'koa';
import { AppError } from '../core/app-error';

export interface UploadedFile {
  fieldName: string;
  fileName: string;
  declaredType: string;
  data: Buffer;
}

/**
 * Reads one file from a multipart/form-data request, refusing anything over
 * the size limit before it is all in memory.
 */
export function readSingleFile(ctx: Koa.Context, options: { field: string; maxBytes: number }): Promise<UploadedFile> {
  if (!ctx.is('multipart/form-data')) {
    return Promise.reject(new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the photo as multipart/form-data'));
  }
  return new Promise((resolve, reject) => {
    let busboy: Busboy.Busboy;
    try {
      busboy = Busboy({ headers: ctx.req.headers, limits: { files: 1, fileSize: options.maxBytes, fields: 10, fieldSize: 1024, parts: 12 } });
    } catch {
      reject(new AppError('VALIDATION_FAILED', 'The multipart request is malformed'));
      return;
    }
    let file: UploadedFile | undefined;
    let failure: AppError | undefined;
    busboy.on('file', (fieldName, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => {
        failure = new AppError('PAYLOAD_TOO_LARGE', `A photo may be at most ${Math.round(options.maxBytes / 1024)} KB`);
      });
      stream.on('end', () => {
        if (fieldName === options.field && !failure) {
          file = { fieldName, fileName: info.filename ?? '', declaredType: info.mimeType, data: Buffer.concat(chunks) };
        }
      });
    });
    busboy.on('error', () => reject(new AppError('VALIDATION_FAILED', 'The multipart request is malformed')));
    busboy.on('close', () => {
      if (failure) reject(failure);
      else if (!file) reject(new AppError('VALIDATION_FAILED', `No file in the field "${options.field}"`));
      else resolve(file);
    });
    ctx.req.pipe(busboy);
  });
}
