import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { startWechatMock, type WechatMock } from '@sqtb/mock';
import { generatePrivateJwk } from './core/keys';

/**
 * The compiled BFF as a district runs it: `npm run build` (the BFF part), then
 * `NODE_ENV=production node bff/dist/server.js` with every variable set,
 * against the database MONGODB_URI names (the suite's), WeChat played by the
 * stand-in from mock/. No seed in production: the district starts empty.
 */
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'bff/dist');
const BUNDLE = path.join(DIST, 'main.js');
const H5_INDEX = path.join(ROOT, 'miniapp/dist/h5/index.html');

type Line = Record<string, unknown>;

/** The BFF as a child process, its stdout and stderr read line by line (JSON where it is JSON). */
function startBff(env: Record<string, string>) {
  const lines: Line[] = [];
  const child: ChildProcess = spawn(process.execPath, [path.join(DIST, 'server.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (text) => {
      try {
        lines.push(JSON.parse(text));
      } catch {
        lines.push({ raw: text });
      }
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = () => lines.map((l) => JSON.stringify(l)).join('\n');
  const waitFor = (test: (line: Line) => boolean, ms = 30_000) =>
    new Promise<Line>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not seen in ${ms} ms; log:\n${log()}`)), ms);
      const check = () => {
        const found = lines.find(test);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`the BFF exited with ${child.exitCode}; log:\n${log()}`));
        } else setTimeout(check, 50);
      };
      check();
    });
  return { child, lines, exited, log, waitFor };
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the compiled BFF', () => {
  let wechat: WechatMock;
  let dataDir: string;
  let productionEnv: Record<string, string>;

  beforeAll(async () => {
    // The BFF part of `npm run build` (esbuild, well under a second).
    execFileSync(process.execPath, [path.join(ROOT, 'bff/scripts/build.mjs'), 'bff'], { cwd: ROOT, stdio: 'pipe' });
    wechat = await startWechatMock();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'sqtb-production-'));
    productionEnv = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      MONGODB_URI: process.env.MONGODB_URI!,
      MONGODB_DB_NAME: `production_${randomBytes(6).toString('hex')}`,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      ID_HASH_KEY: randomBytes(32).toString('base64url'),
      URL_SIGNING_KEY: randomBytes(32).toString('base64url'),
      HEALTH_CODE_KEYS: JSON.stringify([await generatePrivateJwk('production-2026-11')]),
      WECHAT_API_BASE: wechat.baseUrl,
      WECHAT_APPID: 'wx-production-appid',
      WECHAT_SECRET: 'wx-production-secret',
      DATA_DIR: dataDir,
      // STATIC_DIR unset: the default must find miniapp/dist/h5 from bff/dist as it does from bff/src.
    };
  });
  afterAll(async () => {
    await wechat?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('needs nothing at run time but Node and the BFF’s own dependencies, which `npm ci --omit=dev` installs', () => {
    const bundle = readFileSync(BUNDLE, 'utf8');
    const specifiers = [...new Set([...bundle.matchAll(/\b(?:require|import)\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
    // Only literal specifiers: a computed require() would escape this check.
    expect(bundle.match(/\brequire\((?!\s*["'`])/g) ?? []).toEqual([]);
    const bare = specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('/') && !isBuiltin(s));
    const packages = [...new Set(bare.map(packageOf))].sort();
    expect(packages).toEqual(expect.arrayContaining(['koa', 'mongoose', 'pino', 'zod']));
    // The workspace packages are compiled in, not required.
    expect(packages.filter((p) => p.startsWith('@sqtb/'))).toEqual([]);

    // Each one is declared by the BFF itself, not borrowed from another package's tree.
    const declared = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'bff/package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
    expect(packages.filter((p) => !declared.includes(p))).toEqual([]);

    // And the lockfile agrees: where Node looks for it from bff/dist, npm installs it in a production install.
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean; link?: boolean }> };
    const installedFor = (name: string) => {
      for (let dir = DIST; ; dir = path.dirname(dir)) {
        const key = path.relative(ROOT, path.join(dir, 'node_modules', name)).split(path.sep).join('/');
        if (lock.packages[key] && existsSync(path.join(ROOT, key, 'package.json'))) return { key, ...lock.packages[key] };
        if (dir === ROOT) return undefined;
      }
    };
    const notInProduction = packages
      .map((name) => ({ name, entry: installedFor(name) }))
      .filter(({ entry }) => !entry || entry.dev || entry.optional || entry.link)
      .map(({ name, entry }) => `${name}: ${entry ? JSON.stringify(entry) : 'not in the lockfile where bff/dist finds it'}`);
    expect(notInProduction).toEqual([]);
  });

  it('runs in production on the database MONGODB_URI names: a new resident logs in through WeChat and files a complaint; SIGTERM stops it cleanly', async () => {
    const bff = startBff(productionEnv);
    try {
      const database = await bff.waitFor((l) => typeof l.database === 'string');
      expect(database).toMatchObject({ database: 'external', persistent: true, dbName: productionEnv.MONGODB_DB_NAME });
      const listening = await bff.waitFor((l) => typeof l.port === 'number' && String(l.msg).includes('listening'));
      expect(listening.env).toBe('production');
      const base = `http://127.0.0.1:${listening.port}`;
      expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({ status: 'ready', database: 'external' });

      // Production has no seeded accounts: a new openid from WeChat becomes a resident.
      const openid = `production-resident-${randomBytes(4).toString('hex')}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `dev:${openid}` }) });
      expect(login.status).toBe(200);
      const { token, user } = (await login.json()) as { token: string; user: { role: string } };
      expect(user.role).toBe('resident');
      expect(wechat.calls).toContainEqual(expect.objectContaining({ path: '/sns/jscode2session', appid: 'wx-production-appid' }));

      // No committee exists yet, so the complaint goes to the district.
      const filed = await fetch(`${base}/api/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomBytes(8).toString('hex') },
        body: JSON.stringify({ category: 'street-occupation', description: '早市摊位占用人行道，轮椅过不去', location: { lat: 31.2304, lng: 121.4737 }, address: '黄浦区人民大道 200 号' }),
      });
      expect(filed.status).toBe(201);
      const complaint = (await filed.json()) as { id: string; status: string; committeeId?: string };
      expect(complaint.status).toBe('submitted');
      expect(complaint.committeeId).toBeUndefined();
      const mine = await fetch(`${base}/api/complaints`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
      expect(((await mine.json()) as { items: Array<{ id: string }> }).items.map((c) => c.id)).toEqual([complaint.id]);

      // Served compressed; the H5 app found from bff/dist where it is built (npm test builds it first).
      const openApi = await fetch(`${base}/api/openapi.json`, { headers: { 'accept-encoding': 'br' } });
      expect(openApi.headers.get('content-encoding')).toBe('br');
      if (existsSync(H5_INDEX)) {
        const page = await fetch(`${base}/`);
        expect(page.status).toBe(200);
        expect(page.headers.get('cache-control')).toBe('no-cache');
        expect(await page.text()).toBe(readFileSync(H5_INDEX, 'utf8'));
      } else {
        expect(bff.lines.find((l) => String(l.msg).includes('H5 build is missing'))).toMatchObject({ staticDir: path.join(ROOT, 'miniapp/dist/h5') });
      }

      bff.child.kill('SIGTERM');
      expect(await bff.exited).toBe(0);
      expect(bff.lines.some((l) => l.msg === 'stopped')).toBe(true);
      expect(bff.log()).not.toContain(token);
      // Nothing went wrong on the way.
      expect(bff.lines.filter((l) => typeof l.level === 'number' && (l.level as number) >= 50)).toEqual([]);
    } finally {
      if (bff.child.exitCode === null) bff.child.kill('SIGKILL');
    }
  });

  it('refuses to start in production without MONGODB_URI, naming it', async () => {
    const { MONGODB_URI: _unset, ...withoutDatabase } = productionEnv;
    const bff = startBff(withoutDatabase);
    try {
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([bff.exited, new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 20_000)))]);
      clearTimeout(timer);
      expect(code).not.toBe('still running');
      expect(code).not.toBe(0);
      expect(bff.log()).toContain('MONGODB_URI');
      expect(bff.lines.some((l) => String(l.msg ?? '').includes('listening'))).toBe(false);
    } finally {
      if (bff.child.exitCode === null) bff.child.kill('SIGKILL');
    }
  });
});
