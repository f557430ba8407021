/**
 * `npm run bench:overview`: the district overview with the demo data, then
 * with 10,000 and 100,000 complaints spread over the last 8 weeks in every
 * status, against the district's complaint list (page 1) and /healthz measured
 * in the same run. The BFF runs on CongoDB in its own process, as in bench.ts.
 */
import path from 'node:path';
import { fillComplaints, measure, startBffOnCongo } from './bench-support';

const root = path.resolve(__dirname, '../..');
const { MONGODB_URI: _external, ...env } = process.env;

async function main() {
  const { uri, base, login, stop } = await startBffOnCongo(root, env);
  const headers = { authorization: `Bearer ${await login('district-1')}` };
  const rows = [];
  try {
    rows.push(await measure('GET /healthz (baseline)', 500, 10, () => fetch(`${base}/healthz`), base));
    rows.push(await measure('GET /api/dashboard/overview, demo data', 50, 1, () => fetch(`${base}/api/dashboard/overview`, { headers }), base));
    for (const total of [10_000, 100_000]) {
      await fillComplaints(uri, total);
      const n = total > 10_000 ? 5 : 20;
      rows.push(await measure(`GET /api/complaints (district, page 1), ${total.toLocaleString('en')} complaints`, n, 1, () => fetch(`${base}/api/complaints?pageSize=20`, { headers }), base));
      rows.push(await measure(`GET /api/dashboard/overview, ${total.toLocaleString('en')} complaints`, n, 1, () => fetch(`${base}/api/dashboard/overview`, { headers }), base));
    }
    const table = [
      '| What | Requests (one at a time) | req/s | p50 ms | p99 ms | DB commands per request |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.commandsPerRequest ?? '–'} |`),
    ];
    process.stdout.write(`${table.join('\n')}\n${JSON.stringify({ rows })}\n`);
  } finally {
    stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
