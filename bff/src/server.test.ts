import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The real entry point as `npm start` runs it: it starts on its own embedded
 * database, serves, and on SIGTERM lets the request in flight finish and exits 0.
 */
describe('the BFF process', () => {
  let child: ChildProcess;
  const lines: Array<Record<string, unknown>> = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sqtb-server-test-'));

  const waitFor = (test: (line: Record<string, unknown>) => boolean, ms = 30_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not seen in ${ms} ms; log:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`)), ms);
      const check = () => {
        const found = lines.find(test);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`the BFF exited with ${child.exitCode}; log:\n${lines.map((l) => JSON.stringify(l)).join('\n')}`));
        } else setTimeout(check, 50);
      };
      check();
    });

  beforeAll(() => {
    const root = path.resolve(__dirname, '../..');
    // Its own embedded database, the demo seed, no H5 files needed.
    const { MONGODB_URI: _shared, ...env } = process.env;
    child = spawn(process.execPath, ['--import', 'tsx', 'bff/src/server.ts'], {
      cwd: root,
      env: { ...env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', EMBEDDED_DB: 'congodb', LOG_LEVEL: 'info', STATIC_DIR: '/nonexistent', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        try {
          lines.push(JSON.parse(line));
        } catch {
          lines.push({ raw: line });
        }
      });
    }
  });
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says which database runs and that development keeps its data as a snapshot', async () => {
    const line = await waitFor((l) => l.database === 'congodb');
    expect(line).toMatchObject({ persistent: true, persistence: 'snapshot' });
    expect(String(line.msg)).toMatch(/kept as a snapshot/);
  });

  it('serves, finishes the requests in flight on SIGTERM, refuses new ones, and exits cleanly', async () => {
    const listening = await waitFor((l) => typeof l.port === 'number' && String(l.msg).includes('listening'));
    const base = `http://127.0.0.1:${listening.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // Load: 20 logins in flight when the signal comes.
    const inFlight = Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `dev:sigterm-${i}` }) }).then((r) => r.status, (err: Error) => `reset: ${err.cause ?? err.message}`),
      ),
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGTERM');
    await waitFor((l) => String(l.msg).startsWith('stopping'));
    // A request arriving after the signal is refused (503, or the connection once the server is gone);
    // every request that arrived before it gets its answer.
    const late = await fetch(`${base}/healthz`, { headers: { connection: 'close' } }).then((r) => r.status, () => 'refused');
    expect([503, 'refused']).toContain(late);
    const statuses = await inFlight;
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.msg === 'stopped')).toBe(true);
    expect(JSON.stringify(lines)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./); // no token in the log
  });
});
