import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type Koa from 'koa';
import compress from 'koa-compress';
import serve from 'koa-static';

/** A year: the longest lifetime caches honour. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Kept, but asked about again every time (a 304 when unchanged). */
const REVALIDATE = 'no-cache';

/**
 * Taro names every H5 script, style and asset with a content hash
 * (`js/app.f7099cf2.js`, `css/app.f7099cf25a19128dbedf.css`, `js/app.f7099cf2.js.LICENSE.txt`):
 * a changed file gets a new name, so a browser may keep each one for good.
 */
const HASHED_ASSET = /^(js|css|static)\/(.+\/)?[^/]*\.[0-9a-f]{8,32}\.[^/]+$/;

/** How long a browser or proxy may keep a file of the H5 build (path relative to the build). */
export function cacheControlFor(relativePath: string): string {
  const file = relativePath.split(path.sep).join('/').replace(/\.(br|gz)$/, '');
  return HASHED_ASSET.test(file) ? IMMUTABLE : REVALIDATE;
}

/**
 * Compresses every compressible answer over 1 KiB (JSON, CSV, HTML, scripts,
 * styles; not photos) with brotli or gzip, as the client accepts.
 */
export function compression(): Koa.Middleware {
  return compress({ threshold: 1024 });
}

/**
 * Serves the H5 build: hashed assets cached as immutable, everything else
 * (index.html first) revalidated on every load and answered 304 when unchanged.
 * Files next to a precompressed `.br`/`.gz` twin are sent as that twin.
 */
export function staticFiles(root: string): Koa.Middleware {
  const files = serve(root, {
    index: 'index.html',
    setHeaders: (res: ServerResponse, file: string) => res.setHeader('Cache-Control', cacheControlFor(path.relative(root, file))),
  });
  return async (ctx, next) => {
    let passedOn = false;
    await files(ctx, async () => {
      passedOn = true;
      await next();
    });
    // A conditional GET for a file that has not changed since (Last-Modified).
    if (!passedOn && ctx.status === 200 && ctx.fresh) ctx.status = 304;
  };
}
