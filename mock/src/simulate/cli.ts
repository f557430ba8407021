import { parseArgs } from 'node:util';
import { formatMismatches } from './compare';
import { writeLedger } from './ledger';
import { DEFAULT_START, simulate } from './simulate';
import { summarise } from './summary';

/**
 * `npm run simulate -- --days 30 --seed 42 [--base-url http://localhost:3000]
 * [--start 2026-03-02] [--out simulation-ledger.json]`: drives a BFF started
 * with SIMULATED_CLOCK=true, writes the ledger, prints the month and every
 * figure (and shop grade) that differs; exits 1 on any difference.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      days: { type: 'string', default: '30' },
      seed: { type: 'string', default: '42' },
      'base-url': { type: 'string', default: 'http://localhost:3000' },
      start: { type: 'string', default: DEFAULT_START },
      out: { type: 'string', default: 'simulation-ledger.json' },
    },
  });
  const days = Number(values.days);
  const seed = Number(values.seed);
  if (!Number.isInteger(days) || days < 1 || !Number.isInteger(seed)) throw new Error('--days and --seed must be whole numbers (days ≥ 1)');

  const began = performance.now();
  let shown = -1;
  const result = await simulate({
    baseUrl: values['base-url']!,
    days,
    seed,
    start: values.start,
    progress: (done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent !== shown) process.stderr.write(`${percent}% `);
      shown = percent;
    },
  });
  const seconds = ((performance.now() - began) / 1000).toFixed(1);
  writeLedger(values.out!, { ledger: result.ledger, expected: result.expected, actual: result.actual, mismatches: result.mismatches });

  process.stdout.write(`\n${summarise(result.ledger, result.expected.district)}\n`);
  process.stdout.write(`${result.requests} requests in ${seconds} s; ledger written to ${values.out}\n`);
  if (result.mismatches.length === 0) {
    process.stdout.write("Every overview figure matches the ledger (district staff and cadre), every shop's grade and reasons the rule's, and every case's contact candidates the rule's over the ledger's visits.\n");
    return 0;
  }
  process.stdout.write(`${result.mismatches.length} mismatches:\n${formatMismatches(result.mismatches)}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`simulation failed: ${err.stack ?? err.message}\n`);
    process.exit(2);
  },
);
