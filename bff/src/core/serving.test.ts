import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../../test/test-app';
import { cacheControlFor } from './serving';

/**
 * How the BFF serves over HTTP: compressed answers (API and H5 files alike),
 * the hashed H5 files cached for good, index.html revalidated every time.
 * A small H5 build of our own stands in for Taro's.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('serving', () => {
  let t: TestApp;
  let dir: string;
  const script = `/* the app */\n${'console.log("社区通办 — a line of the H5 bundle");\n'.repeat(200)}`;
  const style = `.page{color:#333}\n${'.row{display:flex;padding:8px}\n'.repeat(100)}`;
  const photo = Buffer.alloc(4096, 0xd8);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sqtb-h5-'));
    for (const sub of ['js', 'css', 'static/images']) mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>社区通办</title><script defer src="/js/app.0a1b2c3d.js"></script></head><body><div id="app"></div></body></html>');
    writeFileSync(path.join(dir, 'js/app.0a1b2c3d.js'), script);
    writeFileSync(path.join(dir, 'js/app.0a1b2c3d.js.LICENSE.txt'), '/*! React | MIT */');
    writeFileSync(path.join(dir, 'css/app.0a1b2c3d4e5f60718293.css'), style);
    writeFileSync(path.join(dir, 'static/images/photo.89abcdef.jpg'), photo);
    writeFileSync(path.join(dir, 'favicon.ico'), 'icon');
    writeFileSync(path.join(dir, '.build-info.json'), '{"mode":"production"}');
    t = await startTestApp({ STATIC_DIR: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A plain HTTP GET: the bytes as sent, nothing decoded on the way. */
  const get = (urlPath: string, headers: Record<string, string> = {}) =>
    new Promise<RawResponse>((resolve, reject) => {
      const req = httpRequest(`${t.baseUrl}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  describe('the H5 files', () => {
    it('revalidates index.html on every load and answers 304 when it has not changed', async () => {
      for (const url of ['/', '/index.html']) {
        const page = await get(url);
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.headers['cache-control']).toBe('no-cache');
        expect(page.body.toString()).toContain('<div id="app">');
        const again = await get(url, { 'if-modified-since': page.headers['last-modified']! });
        expect(again.status).toBe(304);
        expect(again.body.length).toBe(0);
      }
      const changedSince = await get('/', { 'if-modified-since': new Date(Date.now() - 86_400_000 * 365).toUTCString() });
      expect(changedSince.status).toBe(200);
    });

    it('caches the hashed scripts, styles, licences and images as immutable', async () => {
      for (const url of ['/js/app.0a1b2c3d.js', '/css/app.0a1b2c3d4e5f60718293.css', '/js/app.0a1b2c3d.js.LICENSE.txt', '/static/images/photo.89abcdef.jpg']) {
        const file = await get(url);
        expect([url, file.status, file.headers['cache-control']]).toEqual([url, 200, IMMUTABLE]);
      }
    });

    it('does not cache a file without a hash in its name, and never serves a dotfile', async () => {
      const icon = await get('/favicon.ico');
      expect(icon.status).toBe(200);
      expect(icon.headers['cache-control']).toBe('no-cache');
      expect((await get('/.build-info.json')).status).toBe(404);
    });

    it('compresses scripts and styles with brotli or gzip as the browser accepts, and sends them plain otherwise', async () => {
      const br = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/Accept-Encoding/i);
      expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
      expect(brotliDecompressSync(br.body).toString()).toBe(script);
      expect(br.headers['cache-control']).toBe(IMMUTABLE);

      const gzip = await get('/css/app.0a1b2c3d4e5f60718293.css', { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).toString()).toBe(style);

      const plain = await get('/js/app.0a1b2c3d.js', { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(script);
    });

    it('does not compress what is compressed already (photos)', async () => {
      const image = await get('/static/images/photo.89abcdef.jpg', { 'accept-encoding': 'br, gzip' });
      expect(image.headers['content-encoding']).toBeUndefined();
      expect(image.body.equals(photo)).toBe(true);
    });
  });

  describe('the API', () => {
    it('compresses a large JSON answer and leaves a small one alone', async () => {
      const large = await get('/api/openapi.json', { 'accept-encoding': 'gzip, br' });
      expect(large.status).toBe(200);
      expect(large.headers['content-encoding']).toBe('br');
      expect(JSON.parse(brotliDecompressSync(large.body).toString()).openapi).toMatch(/^3\./);
      expect(large.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

      const gzipped = await get('/api/openapi.json', { 'accept-encoding': 'gzip' });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(gzipped.body).toString()).openapi).toMatch(/^3\./);

      const small = await get('/healthz', { 'accept-encoding': 'gzip, br' });
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(small.body.toString())).toEqual({ status: 'ok' });
    });

    it('compresses error answers in the error shape too, when they are large enough', async () => {
      const response = await get(`/api/no-such-thing-${'x'.repeat(1500)}`, { 'accept-encoding': 'gzip' });
      expect(response.status).toBe(404);
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(response.body).toString()).error.code).toBe('NOT_FOUND');
    });
  });

  it('tells hashed build files from the rest by name', () => {
    expect(cacheControlFor('js/app.f7099cf2.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('js/4608.f7099cf2.js.LICENSE.txt')).toBe(IMMUTABLE);
    expect(cacheControlFor('css/app.f7099cf25a19128dbedf.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('js/app.f7099cf2.js.br')).toBe(IMMUTABLE);
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('js/app.js')).toBe('no-cache');
    expect(cacheControlFor('release.20261127.js')).toBe('no-cache');
  });
});
