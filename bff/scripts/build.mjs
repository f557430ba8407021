#!/usr/bin/env node
/**
 * The production build, one target or all:
 *
 *   node bff/scripts/build.mjs            the BFF, the H5 app and the weapp
 *   node bff/scripts/build.mjs bff h5     only those
 *
 * - bff:   esbuild bundles bff/src/server.ts, with the workspace packages it uses
 *          (@sqtb/shared, @sqtb/mock) compiled in, into bff/dist/main.js (Node 20,
 *          CommonJS, source map). Every other package stays a require() of
 *          node_modules, so the bundle runs on an install without devDependencies.
 *          bff/dist/server.js is the entry: it turns source maps on, then loads
 *          main.js, so stack traces name the TypeScript files.
 * - h5:    Taro's H5 build, always in production mode whatever NODE_ENV says (a
 *          development H5 build expects React Refresh: a blank page when served).
 *          It ends with miniapp/dist/h5/.build-info.json, which `npm start` reads.
 * - weapp: Taro's weapp build, production mode. API_BASE (default
 *          http://localhost:3000) is the BFF address the mini-program calls.
 *
 * Building needs the devDependencies (esbuild, @tarojs/cli); running does not.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const at = (...parts) => path.join(ROOT, ...parts);

export const BFF_DIST = at('bff/dist');
export const BFF_ENTRY = at('bff/dist/server.js');
export const BFF_BUNDLE = at('bff/dist/main.js');
export const H5_DIST = at('miniapp/dist/h5');
export const H5_BUILD_INFO = at('miniapp/dist/h5/.build-info.json');

/** What each build reads: newer files here make its output stale. */
export const INPUTS = {
  bff: [at('bff/src'), at('shared/src'), at('mock/src'), at('bff/scripts/build.mjs')],
  h5: [at('miniapp/src'), at('shared/src'), at('miniapp/config'), at('miniapp/babel.config.js'), at('miniapp/package.json')],
};

const TEST_FILE = /(\.(test|spec)\.[cm]?[jt]sx?$)|(^|\/)(__tests__|__snapshots__)(\/|$)/;

/** The most recently modified input (tests excluded: they are not built). */
export function newestInput(inputs) {
  let newest = { mtimeMs: 0, file: undefined };
  const visit = (file) => {
    if (!existsSync(file)) return;
    const stat = statSync(file);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file)) visit(path.join(file, entry));
    } else if (!TEST_FILE.test(file) && stat.mtimeMs > newest.mtimeMs) {
      newest = { mtimeMs: stat.mtimeMs, file };
    }
  };
  for (const input of inputs) visit(input);
  return newest;
}

/**
 * Whether a build is missing or older than its sources.
 * @returns {{ fresh: true } | { fresh: false, usable: boolean, reason: string }}
 */
export function buildState(target) {
  const newest = newestInput(INPUTS[target]);
  const changed = () => path.relative(ROOT, newest.file);
  if (target === 'bff') {
    if (!existsSync(BFF_ENTRY) || !existsSync(BFF_BUNDLE)) return { fresh: false, usable: false, reason: 'bff/dist/server.js is missing' };
    const builtAt = Math.min(statSync(BFF_ENTRY).mtimeMs, statSync(BFF_BUNDLE).mtimeMs);
    if (newest.mtimeMs > builtAt) return { fresh: false, usable: true, reason: `${changed()} is newer than bff/dist/server.js` };
    return { fresh: true };
  }
  if (target === 'h5') {
    if (!existsSync(path.join(H5_DIST, 'index.html'))) return { fresh: false, usable: false, reason: 'miniapp/dist/h5 is missing' };
    let info;
    try {
      info = JSON.parse(readFileSync(H5_BUILD_INFO, 'utf8'));
    } catch {
      return { fresh: false, usable: true, reason: 'miniapp/dist/h5 was not built by `npm run build` (it may be a development build, a blank page when served)' };
    }
    if (info.mode !== 'production') return { fresh: false, usable: false, reason: `miniapp/dist/h5 is a ${info.mode} build` };
    if (newest.mtimeMs > Date.parse(info.startedAt)) return { fresh: false, usable: true, reason: `${changed()} is newer than miniapp/dist/h5` };
    return { fresh: true };
  }
  throw new Error(`no freshness check for ${target}`);
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`. */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether the build tools (devDependencies) are installed. */
export function canBuild(target) {
  const require = createRequire(target === 'bff' ? at('bff/package.json') : at('miniapp/package.json'));
  try {
    require.resolve(target === 'bff' ? 'esbuild' : '@tarojs/cli/package.json');
    return true;
  } catch {
    return false;
  }
}

export async function buildBff() {
  const require = createRequire(at('bff/package.json'));
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    throw new Error('esbuild is not installed: building needs the devDependencies (`npm ci`, not `npm ci --omit=dev`)');
  }
  const started = Date.now();
  // Packages stay require()s of node_modules; only our workspace packages are compiled in.
  const packagesExternal = {
    name: 'packages-external-except-workspaces',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point' || args.path.startsWith('@sqtb/')) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
  mkdirSync(BFF_DIST, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [at('bff/src/server.ts')],
    outfile: BFF_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    // Class and function names stay as written: errors and logs name them.
    keepNames: true,
    logLevel: 'warning',
    metafile: true,
    plugins: [packagesExternal],
    banner: { js: '// Built by bff/scripts/build.mjs from bff/src, shared/src and mock/src: edit those, not this file.' },
  });
  await esbuild.stop?.();
  writeFileSync(
    BFF_ENTRY,
    [
      "'use strict';",
      '// The compiled BFF (bff/scripts/build.mjs). Source maps first, so stack traces name the TypeScript files.',
      'process.setSourceMapsEnabled(true);',
      "require('./main.js');",
      '',
    ].join('\n'),
  );
  const bytes = result.metafile.outputs[path.relative(process.cwd(), BFF_BUNDLE)]?.bytes ?? statSync(BFF_BUNDLE).size;
  return { ms: Date.now() - started, bytes, metafile: result.metafile };
}

/** Lines of a quiet build's output kept to show if it fails. */
const FAILED_BUILD_TAIL_LINES = 80;

/**
 * Runs a build tool. At a terminal its progress is shown as it comes; otherwise (CI,
 * a log file) its output is held back, since Taro's progress bars fill tens of
 * kilobytes of a log with redrawn lines, and only its tail is printed if it fails.
 */
function run(command, args, options) {
  const quiet = !process.stdout.isTTY;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...options });
    let held = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (text) => {
        held = (held + text).slice(-64 * 1024);
      });
    }
    child.on('error', reject);
    // Settled on exit, not on the pipes closing: a helper process the tool leaves behind may hold them open.
    child.on('exit', (code, signal) => {
      if (code === 0) return resolve();
      let told = false;
      const fail = () => {
        if (told) return;
        told = true;
        if (quiet) {
          // Progress bars redraw with a bare carriage return: each redraw counts as a line here.
          const tail = held.split(/\r?\n|\r/).filter((line) => line.trim()).slice(-FAILED_BUILD_TAIL_LINES).join('\n');
          process.stderr.write(`${tail}\n`);
        }
        reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(' ')} failed (${signal ?? `exit ${code}`})`));
      };
      if (!quiet) return fail();
      // The last of its output may still be in the pipes: wait for them a moment, not for ever.
      const waited = setTimeout(fail, 2000);
      child.once('close', () => {
        clearTimeout(waited);
        fail();
      });
    });
  });
}

async function taroBuild(type) {
  const require = createRequire(at('miniapp/package.json'));
  let cli;
  try {
    cli = path.join(path.dirname(require.resolve('@tarojs/cli/package.json')), 'bin/taro');
  } catch {
    throw new Error('@tarojs/cli is not installed: building the mini-program needs the devDependencies (`npm ci`, not `npm ci --omit=dev`)');
  }
  const started = Date.now();
  // Production mode whatever NODE_ENV the caller runs under (Taro reads NODE_ENV first).
  await run(process.execPath, [cli, 'build', '--type', type], { cwd: at('miniapp'), env: { ...process.env, NODE_ENV: 'production' } });
  return { ms: Date.now() - started };
}

export async function buildH5() {
  const startedAt = new Date().toISOString();
  const result = await taroBuild('h5');
  writeFileSync(H5_BUILD_INFO, `${JSON.stringify({ mode: 'production', startedAt, finishedAt: new Date().toISOString() }, null, 2)}\n`);
  return result;
}

export const buildWeapp = () => taroBuild('weapp');

const BUILDERS = { bff: buildBff, h5: buildH5, weapp: buildWeapp };

export async function build(target) {
  const builder = BUILDERS[target];
  if (!builder) throw new Error(`unknown build target "${target}" (expected ${Object.keys(BUILDERS).join(', ')})`);
  process.stdout.write(`build: ${target}…\n`);
  const result = await builder();
  const size = result.bytes ? `, ${(result.bytes / 1024).toFixed(0)} KiB` : '';
  process.stdout.write(`build: ${target} done, ${(result.ms / 1000).toFixed(1)} s${size}\n`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const targets = process.argv.slice(2);
  try {
    for (const target of targets.length ? targets : ['bff', 'h5', 'weapp']) await build(target);
  } catch (err) {
    process.stderr.write(`build: ${err.message}\n`);
    process.exit(1);
  }
}
