/**
 * Recomputes the overview's complaint rollups (bff/src/complaints/rollup.ts)
 * from the complaints themselves: once when upgrading a deployment to a version
 * with rollups, and whenever complaints were written around the BFF.
 *
 *   MONGODB_URI=mongodb://… [MONGODB_DB_NAME=sqtb] npm run rollups:rebuild
 *
 * Idempotent: a second run writes the same rollups. Run it before the BFF takes
 * traffic (or at a quiet moment): a complaint step taken while it runs may be
 * overwritten (see rebuildComplaintRollups). Exit code 0 when done.
 */
import mongoose from 'mongoose';
import { rebuildComplaintRollups } from '../src/complaints/rollup-rebuild';

async function main(): Promise<number> {
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error('Set MONGODB_URI to the database whose rollups to rebuild (and MONGODB_DB_NAME if it is not "sqtb").');
    return 2;
  }
  await mongoose.connect(uri, { dbName: process.env.MONGODB_DB_NAME ?? 'sqtb', serverSelectionTimeoutMS: 10_000, autoIndex: false });
  try {
    const started = Date.now();
    const report = await rebuildComplaintRollups(new Date());
    console.log(JSON.stringify({ ...report, ms: Date.now() - started }));
    return 0;
  } finally {
    await mongoose.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('rollup rebuild failed:', err);
    process.exit(1);
  },
);
