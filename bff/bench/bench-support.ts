import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';

/**
 * Starts a process that logs JSON lines and resolves once a line shows it
 * listening. Its later lines are drained unread: parsing the BFF's request log
 * would take this load process's CPU from the same two cores.
 */
export function startLogged(command: string, args: string[], env: Record<string, string | undefined>, cwd: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(command, args, { cwd, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start in 60 s`)), 60_000);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line) as { port?: number; msg?: string };
        if (typeof entry.port === 'number' && String(entry.msg).includes('listening')) {
          clearTimeout(timer);
          lines.close();
          child.stdout!.resume();
          resolve({ child, port: entry.port });
        }
      } catch {
        // not a log line
      }
    });
  });
}

/** Runs tasks with at most `limit` in flight; returns each task's latency in ms. */
export async function runConcurrently<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<{ results: T[]; latencies: number[]; seconds: number }> {
  const results: T[] = new Array(tasks.length);
  const latencies: number[] = new Array(tasks.length);
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      const t0 = performance.now();
      results[i] = await tasks[i]();
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return { results, latencies, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

export interface Row {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Mean database commands per request, from the BFF's running total (x-db-commands-total); null where nothing reports it. */
  commandsPerRequest: number | null;
}

/** The BFF's running total of database commands (DB_COMMAND_COUNT=total), read from an answer that takes none. */
export async function commandsTotal(base: string): Promise<number> {
  const response = await fetch(`${base}/healthz`);
  await response.arrayBuffer();
  const total = response.headers.get('x-db-commands-total');
  if (total === null) throw new Error('the BFF reports no x-db-commands-total: start it with DB_COMMAND_COUNT=total');
  return Number(total);
}

/**
 * Opens `connections` keep-alive connections by sending that many requests at once, untimed. Opening 200
 * connections at the moment a timed run starts measures the load process, not the server: with a plain Node
 * server that spins 4 ms per request, the first 200 requests of 1,000 waited 2.6–5 s while every later one took
 * under 0.25 s. Behind a proxy the BFF sees connections it keeps open, so each run starts with them open.
 */
export async function openConnections(connections: number, send: () => Promise<Response>): Promise<void> {
  await runConcurrently(Array.from({ length: connections }, () => async () => (await send()).arrayBuffer()), connections);
}

/**
 * Sends `requests` requests with `concurrency` in flight, on connections opened first (openConnections) by
 * as many untimed requests; any 4xx/5xx stops the bench. req/s to 1 place below 10.
 * With `bff` (its base URL), commands per request are the growth of its running total over the run, divided by
 * the requests: background jobs that ran meanwhile are counted too, so the figure can only err upwards.
 */
export async function measure(name: string, requests: number, concurrency: number, send: () => Promise<Response>, bff?: string): Promise<Row> {
  await openConnections(concurrency, send);
  const before = bff ? await commandsTotal(bff) : null;
  const run = await runConcurrently(
    Array.from({ length: requests }, () => async () => {
      const response = await send();
      await response.arrayBuffer();
      if (response.status >= 400) throw new Error(`${name}: ${response.status}`);
      return response;
    }),
    concurrency,
  );
  const rps = requests / run.seconds;
  const after = bff ? await commandsTotal(bff) : null;
  return {
    name,
    requests,
    rps: rps >= 10 ? Math.round(rps) : Math.round(rps * 10) / 10,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    commandsPerRequest: before === null || after === null ? null : Math.round(((after - before) / requests) * 10) / 10,
  };
}

/**
 * CongoDB in a process of its own (so a bench can fill it directly) and the
 * BFF on it: the production bundle (built first, as `npm start` runs it), in
 * development with generous rate limits; `login` returns a token.
 */
export async function startBffOnCongo(root: string, env: Record<string, string | undefined>) {
  const tsx = ['--import', 'tsx'];
  execFileSync(process.execPath, ['bff/scripts/build.mjs', 'bff'], { cwd: root, stdio: 'ignore' });
  const db = await startLogged(process.execPath, [...tsx, 'bff/bench/congo-server.ts'], env, root);
  const uri = `mongodb://127.0.0.1:${db.port}/?serverMonitoringMode=poll`;
  const bff = await startLogged(process.execPath, ['bff/dist/server.js'], { ...env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri, LOG_LEVEL: 'info', STATIC_DIR: '/nonexistent', RATE_LIMIT_FACTOR: '1000', DB_COMMAND_COUNT: 'total' }, root);
  const base = `http://127.0.0.1:${bff.port}`;
  const login = async (openid: string) =>
    ((await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `dev:${openid}` }) })).json()) as { token: string }).token;
  const stop = () => {
    bff.child.kill('SIGTERM');
    db.child.kill('SIGTERM');
  };
  return { uri, base, bffPid: bff.child.pid!, login, stop };
}

const HOUR = 3_600_000;

/**
 * Complaints across the four committees and the last 8 weeks, a quarter in each of four statuses,
 * written straight into the database; then the overview's rollups are rebuilt from them once.
 */
export async function fillComplaints(uri: string, total: number) {
  const connection = await mongoose.createConnection(uri, { dbName: 'sqtb' }).asPromise();
  const reporter = await connection.collection('users').findOne({ openid: 'resident-1' });
  const committees = await connection.collection('committees').find().toArray();
  const now = Date.now();
  const existing = await connection.collection('complaints').countDocuments();
  for (let start = existing; start < total; start += 2000) {
    const batch = Array.from({ length: Math.min(2000, total - start) }, (_, k) => {
      const i = start + k;
      const committee = committees[i % committees.length];
      const createdAt = new Date(now - ((i * 47_000) % (56 * 24 * HOUR)));
      const stage = i % 4; // 0 submitted, 1 dispatched, 2 resolved, 3 closed
      const dispatchedAt = stage >= 1 ? new Date(createdAt.getTime() + 3 * HOUR) : undefined;
      const resolvedAt = stage >= 2 ? new Date(createdAt.getTime() + 30 * HOUR) : undefined;
      return {
        reporterId: reporter!._id, reporterName: '张伟', category: 'sanitation', description: `压测数据 ${i}`,
        location: committee.area.center, cell: `c${i % 500}`, address: '潍坊路', photoIds: [], anonymous: false,
        committeeId: committee._id, streetId: committee.streetId,
        status: ['submitted', 'dispatched', 'resolved', 'closed'][stage],
        acceptBy: new Date(createdAt.getTime() + 24 * HOUR), deadline: new Date(createdAt.getTime() + 5 * 24 * HOUR),
        ...(dispatchedAt ? { acceptedAt: dispatchedAt, firstDispatchedAt: dispatchedAt, dispatchedAt } : {}),
        ...(resolvedAt ? { resolvedAt } : {}),
        ...(stage === 3 ? { closedAt: new Date(resolvedAt!.getTime() + HOUR), rating: { stars: 4 + (i % 2) } } : {}),
        timeline: [{ at: createdAt, role: 'resident', action: 'submit', to: 'submitted' }], meTooUserIds: [], resolutionPhotoIds: [],
        reopenCount: i % 10 === 3 ? 1 : 0, resolutions: stage >= 2 ? 1 : 0, lateResolutions: stage >= 2 && i % 7 === 0 ? 1 : 0,
        ratingCount: stage === 3 ? 1 : 0, satisfiedCount: stage === 3 ? 1 : 0, urgeCount: 0, meTooCount: 0, notRated: false,
        createdAt, updatedAt: createdAt,
      };
    });
    await connection.collection('complaints').insertMany(batch);
  }
  // Written around the BFF, so its rollups are rebuilt from them (what `npm run rollups:rebuild` does).
  const { rebuildComplaintRollups } = await import('../src/complaints/rollup-rebuild');
  await rebuildComplaintRollups(new Date(now), connection);
  await connection.close();
}
