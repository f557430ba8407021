/**
 * `npm run bench`: one run, side by side, from this separate load process —
 * a bare Koa hello-world, /healthz, signing and verifying health codes, the
 * complaint list with 10,000 and 100,000 complaints, and a (smaller) mask
 * rush — then build sizes and the BFF's resident memory. Prints a Markdown
 * table and one JSON line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fillComplaints, measure, startBffOnCongo, startLogged, type Row } from './bench-support';

const root = path.resolve(__dirname, '../..');
const tsx = ['--import', 'tsx'];
const { MONGODB_URI: _external, ...env } = process.env;

function sizeOf(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((n, f) => {
    const p = path.join(dir, f);
    const s = statSync(p);
    return n + (s.isDirectory() ? sizeOf(p) : s.size);
  }, 0);
}

async function main() {
  const rows: Row[] = [];
  const hello = await startLogged(process.execPath, [...tsx, 'bff/bench/hello-koa.ts'], env, root);
  const koa = await measure('bare Koa hello-world (baseline)', 2000, 50, () => fetch(`http://127.0.0.1:${hello.port}/`));
  hello.child.kill('SIGTERM');
  rows.push(koa);

  const { uri, base, bffPid, login, stop } = await startBffOnCongo(root, env);
  const resident = await login('resident-1');
  const pharmacy = await login('pharmacy-1');
  const district = await login('district-1');
  const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  try {
    rows.push(await measure('GET /healthz', 2000, 50, () => fetch(`${base}/healthz`), base));
    // A registered resident's code is stored when they register; the seed's resident gets it from a first issue,
    // not from 50 first issues at once, each of which would work it out.
    await (await fetch(`${base}/api/health-code`, { headers: auth(resident) })).arrayBuffer();
    rows.push(await measure('GET /api/health-code (stored code + ES256 sign)', 1000, 50, () => fetch(`${base}/api/health-code`, { headers: auth(resident) }), base));
    const { token } = (await (await fetch(`${base}/api/health-code`, { headers: auth(resident) })).json()) as { token: string };
    rows.push(await measure('POST /api/health-code/verify (ES256 verify + scan log)', 1000, 50, () => fetch(`${base}/api/health-code/verify`, { method: 'POST', headers: auth(pharmacy), body: JSON.stringify({ token }) }), base));
    const overview = (total: number, requests: number) =>
      measure(`GET /api/dashboard/overview (district) with ${total.toLocaleString('en')} complaints`, requests, 1, () => fetch(`${base}/api/dashboard/overview`, { headers: auth(district) }), base);
    await fillComplaints(uri, 1_000);
    rows.push(await overview(1_000, 20));
    for (const total of [10_000, 100_000]) {
      await fillComplaints(uri, total);
      rows.push(await measure(`GET /api/complaints (district, page 1) with ${total.toLocaleString('en')} complaints`, total > 10_000 ? 40 : 200, 10, () => fetch(`${base}/api/complaints?pageSize=20`, { headers: auth(district) }), base));
    }
    rows.push(await overview(100_000, 5));
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${bffPid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

    const rushLine = execFileSync(process.execPath, [...tsx, 'bff/bench/masks.bench.ts', '--households', '500', '--stock', '150'], { cwd: root, env: env as NodeJS.ProcessEnv, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    const rush = JSON.parse(rushLine) as { rps: number; p50ms: number; p99ms: number; attempts: number; granted: number; stock: number; oversold: number; duplicates: number; errors5xx: number; commandsPerRequest: number | null };
    rows.push({
      name: `POST /api/mask-reservations rush (${rush.attempts} attempts, 200 in flight, own BFF and database; oversold ${rush.oversold}, duplicates ${rush.duplicates}, 5xx ${rush.errors5xx})`,
      requests: rush.attempts,
      rps: rush.rps,
      p50: rush.p50ms,
      p99: rush.p99ms,
      commandsPerRequest: rush.commandsPerRequest,
    });

    const weapp = path.join(root, 'miniapp/dist/weapp');
    const weappTotal = sizeOf(weapp);
    // Subpackage roots as the built app.json declares them; the rest is the main package.
    const appJson = path.join(weapp, 'app.json');
    const roots = existsSync(appJson) ? (JSON.parse(readFileSync(appJson, 'utf8')) as { subPackages?: Array<{ root: string }> }).subPackages?.map((p) => p.root) ?? [] : [];
    const weappSubpackages = roots.reduce((n, d) => n + sizeOf(path.join(weapp, d)), 0);
    const h5 = path.join(root, 'miniapp/dist/h5');
    const h5Initial = existsSync(path.join(h5, 'index.html'))
      ? [...readFileSync(path.join(h5, 'index.html'), 'utf8').matchAll(/src="\/?([^"]+\.js)"/g)].reduce((n, m) => n + gzipSync(readFileSync(path.join(h5, m[1]))).length, 0)
      : 0;

    const table = [
      '| What | Requests | req/s | p50 ms | p99 ms | × bare Koa | DB commands per request |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${(r.rps / koa.rps).toFixed(3)} | ${r.commandsPerRequest ?? '–'} |`),
    ].join('\n');
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    // Sizes of what is built; a missing build says so rather than 0 KB.
    const weappSizes = existsSync(appJson) ? `weapp main package ${kb(weappTotal - weappSubpackages)}, weapp total ${kb(weappTotal)}` : 'weapp not built (npm run build:weapp)';
    const h5Size = h5Initial ? `H5 initial JS gzipped ${kb(h5Initial)}` : 'H5 not built (npm run build:h5)';
    process.stdout.write(`${table}\n\n${weappSizes}, ${h5Size}, BFF resident memory after the run ${(rss / 1048576).toFixed(0)} MB\n`);
    process.stdout.write(`${JSON.stringify({ rows, weappMainBytes: weappTotal - weappSubpackages, weappTotalBytes: weappTotal, h5InitialJsGzipBytes: h5Initial, bffRssBytes: rss })}\n`);
  } finally {
    stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
