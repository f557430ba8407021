/**
 * `npm run bench:overview`: the district overview with the demo data, then
 * with 10,000 and 100,000 complaints spread over the last 8 weeks in every
 * status, against the district's complaint list (page 1) and /healthz measured
 * in the same run. The BFF runs on CongoDB in its own process, as in bench.ts.
 */
import path from 'node:path';
import mongoose from 'mongoose';
import { measure, startBffOnCongo } from './bench-support';

const root = path.resolve(__dirname, '../..');
const { MONGODB_URI: _external, ...env } = process.env;
const HOUR = 3_600_000;

/** Complaints across the four committees and the last 8 weeks, a quarter in each of four statuses. */
async function fill(uri: string, total: number) {
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
  await connection.close();
}

async function main() {
  const { uri, base, login, stop } = await startBffOnCongo(root, env);
  const headers = { authorization: `Bearer ${await login('district-1')}` };
  const rows = [];
  try {
    rows.push(await measure('GET /healthz (baseline)', 500, 10, () => fetch(`${base}/healthz`)));
    rows.push(await measure('GET /api/dashboard/overview, demo data', 50, 1, () => fetch(`${base}/api/dashboard/overview`, { headers })));
    for (const total of [10_000, 100_000]) {
      await fill(uri, total);
      const n = total > 10_000 ? 5 : 20;
      rows.push(await measure(`GET /api/complaints (district, page 1), ${total.toLocaleString('en')} complaints`, n, 1, () => fetch(`${base}/api/complaints?pageSize=20`, { headers })));
      rows.push(await measure(`GET /api/dashboard/overview, ${total.toLocaleString('en')} complaints`, n, 1, () => fetch(`${base}/api/dashboard/overview`, { headers })));
    }
    const table = ['| What | Requests (one at a time) | req/s | p50 ms | p99 ms |', '| --- | ---: | ---: | ---: | ---: |', ...rows.map((r) => `| ${r.name} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} |`)];
    process.stdout.write(`${table.join('\n')}\n${JSON.stringify({ rows })}\n`);
  } finally {
    stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
