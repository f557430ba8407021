/**
 * The mask rush, measured (npm run bench:masks). Starts CongoDB and the BFF on
 * it, each in a process of its own as a real database server would be,
 * registers N households, opens a round with less
 * stock than N households want, then fires 2 reservation attempts per household
 * (different Idempotency-Keys, all at once) from this separate process. Prints
 * one JSON line; a bare Koa hello-world is measured in the same run as baseline.
 *
 *   npm run bench:masks -- --households 2000 --stock 500 --concurrency 200
 */
import path from 'node:path';
import { commandsTotal, openConnections, percentile, runConcurrently, startBffOnCongo, startLogged } from './bench-support';

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]));
const HOUSEHOLDS = Number(args.get('--households') ?? 2000);
const STOCK = Number(args.get('--stock') ?? 500);
const CONCURRENCY = Number(args.get('--concurrency') ?? 200);
const PER_HOUSEHOLD = 5;
const root = path.resolve(__dirname, '../..');
const tsx = ['--import', 'tsx'];

function idNumber(i: number): string {
  const first17 = `310115199${String(Math.floor(i / 28) % 10)}${String(1 + (Math.floor(i / 280) % 9)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, k) => n + Number(d) * weights[k], 0);
  return first17 + '10X98765432'[sum % 11];
}

async function main() {
  const { MONGODB_URI: _external, ...env } = process.env;
  const { base, stop } = await startBffOnCongo(root, env);
  const call = async (method: string, p: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(base + p, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => ({}))) as any };
  };
  const login = async (openid: string) => (await call('POST', '/api/auth/login', undefined, { code: `dev:${openid}` })).body.token as string;

  try {
    const district = await login('district-1');
    const org = (await call('GET', '/api/org', district)).body;
    const committeeA = org.committees.find((c: { code: string }) => c.code === 'A');

    // Households, registered through the API like residents would.
    const setup = await runConcurrently(
      Array.from({ length: HOUSEHOLDS }, (_, i) => async () => {
        const token = await login(`bench-household-${i}`);
        const registered = await call('POST', '/api/residents/registration', token, {
          name: `住户${i}`,
          idNumber: idNumber(i),
          phone: `139${String(i).padStart(8, '0')}`,
          committeeId: committeeA.id,
          address: `潍坊路 ${i} 号`,
          location: { lat: committeeA.area.center.lat + ((i % 50) - 25) * 0.00005, lng: committeeA.area.center.lng },
          householdSize: 2,
        });
        if (registered.body.status !== 'approved') throw new Error(`household ${i} not approved: ${JSON.stringify(registered.body)}`);
        return token;
      }),
      50,
    );

    // Stock split over the 6 pharmacies, each a multiple of the masks per household.
    const units = STOCK / PER_HOUSEHOLD;
    const stock = org.pharmacies.map((p: { id: string }, k: number) => ({ pharmacyId: p.id, quantity: (Math.floor(units / 6) + (k < units % 6 ? 1 : 0)) * PER_HOUSEHOLD }));
    const now = Date.now();
    const round = await call('POST', '/api/mask-rounds', district, {
      name: 'bench round', opensAt: new Date(now - 1000).toISOString(), closesAt: new Date(now + 3_600_000).toISOString(), masksPerHousehold: PER_HOUSEHOLD, pickupWindowHours: 24, stock,
    });
    if (round.status !== 201) throw new Error(`round not opened: ${JSON.stringify(round.body)}`);

    // The rush: every household taps twice (two Idempotency-Keys), all at once.
    const attempts = setup.results.flatMap((token, i) =>
      [0, 1].map((tap) => () => call('POST', '/api/mask-reservations', token, { roundId: round.body.id }, { 'idempotency-key': `bench-${i}-tap-${tap}` }).then((r) => ({ household: i, ...r }))),
    );
    await openConnections(CONCURRENCY, () => fetch(`${base}/healthz`));
    const commandsBefore = await commandsTotal(base);
    const rush = await runConcurrently(attempts, CONCURRENCY);
    const commandsAfter = await commandsTotal(base);
    const approved = rush.results.filter((r) => r.status === 201 && r.body.status === 'approved');
    const perHousehold = new Map<number, Set<string>>();
    for (const r of approved) perHousehold.set(r.household, (perHousehold.get(r.household) ?? new Set()).add(r.body.id));
    const duplicates = [...perHousehold.values()].filter((ids) => ids.size > 1).length;
    const granted = new Set(approved.map((r) => r.body.id)).size * PER_HOUSEHOLD;
    const pharmacies = (await call('GET', `/api/pharmacies?lat=${committeeA.area.center.lat}&lng=${committeeA.area.center.lng}`, district)).body.items;
    const stockTotal = pharmacies.reduce((n: number, p: { stock: { total: number } }) => n + p.stock.total, 0);
    const negative = pharmacies.some((p: { stock: { available: number } }) => p.stock.available < 0);

    // Baseline in the same run: a bare Koa hello-world, same number of requests, same concurrency.
    const hello = await startLogged(process.execPath, [...tsx, 'bff/bench/hello-koa.ts'], env, root);
    await openConnections(CONCURRENCY, () => fetch(`http://127.0.0.1:${hello.port}/`));
    const baseline = await runConcurrently(attempts.map(() => () => fetch(`http://127.0.0.1:${hello.port}/`).then((r) => r.json())), CONCURRENCY);
    hello.child.kill('SIGTERM');

    process.stdout.write(
      `${JSON.stringify({
        households: HOUSEHOLDS,
        attempts: attempts.length,
        granted,
        stock: stockTotal,
        oversold: Math.max(0, granted - stockTotal) + (negative ? 1 : 0),
        duplicates,
        errors5xx: rush.results.filter((r) => r.status >= 500).length,
        outOfStock: rush.results.filter((r) => r.body?.error?.code === 'OUT_OF_STOCK').length,
        quotaExceeded: rush.results.filter((r) => r.body?.error?.code === 'QUOTA_EXCEEDED').length,
        rps: Math.round(attempts.length / rush.seconds),
        // Database commands per attempt, approved or refused: the BFF's running total over the rush.
        commandsPerRequest: Math.round(((commandsAfter - commandsBefore) / attempts.length) * 10) / 10,
        p50ms: percentile(rush.latencies, 50),
        p99ms: percentile(rush.latencies, 99),
        baselineHelloKoaRps: Math.round(attempts.length / baseline.seconds),
        concurrency: CONCURRENCY,
        database: 'congodb (own process)',
      })}\n`,
    );
  } finally {
    stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
