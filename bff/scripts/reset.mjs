#!/usr/bin/env node
/**
 * npm run reset — the next development start begins with an empty database.
 *
 * Removes what the embedded database keeps in DATA_DIR (bff/src/db):
 *   congodb-snapshot.ejson (+ .tmp-* leftovers, the .pid marker)   the offline CongoDB's snapshot
 *   mongod/                                                          a real mongod's wiredTiger files
 * and nothing else: the development health-code signing key stays.
 *
 * Where DATA_DIR is: the BFF resolves it (default `.data`) against its working
 * directory. `npm start` and `npm run dev` run the workspace script, so that
 * is bff/ (bff/.data); a BFF started from the repository root (node
 * bff/…/server.js) uses ./.data. A relative DATA_DIR is therefore looked for
 * under bff/, the repository root and the directory npm was called from; an
 * absolute one is used as it is.
 *
 * A BFF still running on that data would write it back when it stops, so the
 * reset refuses (and removes nothing) while one runs.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The names bff/src/db uses (snapshot.ts, embedded.ts).
const SNAPSHOT_FILE = 'congodb-snapshot.ejson';
const SNAPSHOT_PID_FILE = 'congodb-snapshot.pid';
const MONGOD_DIR = 'mongod';

const bffDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(bffDir, '..');
const dataDir = process.env.DATA_DIR || '.data';
const candidates = path.isAbsolute(dataDir)
  ? [dataDir]
  : // Only where the BFF itself runs (bff/, or the repository root): never wherever npm happened to be called from.
    [...new Set([bffDir, rootDir].map((base) => path.resolve(base, dataDir)))];
const present = candidates.filter((dir) => existsSync(dir));
const shown = (p) => {
  const relative = path.relative(process.cwd(), p);
  return relative === '' ? '.' : relative.startsWith('..') ? p : relative;
};

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}
const pidIn = (file) => {
  try {
    return Number(readFileSync(file, 'utf8').trim());
  } catch {
    return 0;
  }
};

// A running BFF (CongoDB snapshot) or mongod (its lock file holds its pid while it runs).
const running = [];
for (const dir of present) {
  const bff = pidIn(path.join(dir, SNAPSHOT_PID_FILE));
  if (bff && bff !== process.pid && alive(bff)) running.push(`a BFF (pid ${bff}) keeps its snapshot in ${shown(dir)}`);
  const mongod = pidIn(path.join(dir, MONGOD_DIR, 'mongod.lock'));
  if (mongod && alive(mongod)) running.push(`a mongod (pid ${mongod}) has its files open in ${shown(path.join(dir, MONGOD_DIR))}`);
}
if (running.length > 0) {
  process.stderr.write(`Nothing removed: ${running.join('; ')}.\nStop the BFF first (it writes its data back when it stops), then run npm run reset again.\n`);
  process.exit(1);
}

function size(p) {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(p).reduce((sum, name) => sum + size(path.join(p, name)), 0);
}
const human = (bytes) => (bytes < 1024 ? `${bytes} B` : bytes < 1 << 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1 << 20)).toFixed(1)} MB`);

const removed = [];
for (const dir of present) {
  const names = readdirSync(dir).filter((name) => name === SNAPSHOT_FILE || name === SNAPSHOT_PID_FILE || name === MONGOD_DIR || name.startsWith(`${SNAPSHOT_FILE}.tmp-`));
  for (const name of names) {
    const target = path.join(dir, name);
    const what = name === MONGOD_DIR ? 'mongod data files' : name === SNAPSHOT_FILE ? 'CongoDB snapshot' : name === SNAPSHOT_PID_FILE ? 'stale pid marker' : 'unfinished snapshot';
    const bytes = size(target);
    rmSync(target, { recursive: true, force: true });
    removed.push(target);
    process.stdout.write(`removed ${shown(target)} (${what}, ${human(bytes)})\n`);
  }
}
if (removed.length === 0) {
  process.stdout.write(`Nothing to remove: no database snapshot or mongod files in ${candidates.map(shown).join(', ')}.\n`);
} else {
  process.stdout.write('The next development start begins with an empty database (the demo district is seeded again).\n');
}
