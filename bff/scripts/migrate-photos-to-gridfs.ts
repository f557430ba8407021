/**
 * Moves photos kept inside documents (the `files` collection, before GridFS)
 * into the GridFS bucket `photos`, under the same ids. See
 * bff/src/files/migration.ts for what it does to each photo.
 *
 *   MONGODB_URI=mongodb://… [MONGODB_DB_NAME=sqtb] npx tsx bff/scripts/migrate-photos-to-gridfs.ts [--dry-run] [--keep-legacy]
 *
 * --dry-run      say what would be done, write nothing
 * --keep-legacy  copy into the bucket but keep the old documents (a rollback to
 *                the previous version still finds them); run again without it
 *                once the new version stays
 *
 * Idempotent: a second run changes nothing. Safe while the BFF runs. Suggested
 * order: mongodump; run it; deploy; run it again (for photos the old version
 * took during the rollout). Exit code 1 when a photo could not be moved.
 */
import mongoose from 'mongoose';
import { migratePhotosToGridFS } from '../src/files/migration';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--dry-run' && a !== '--keep-legacy');
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown.join(' ')}; usage: migrate-photos-to-gridfs.ts [--dry-run] [--keep-legacy]`);
    return 2;
  }
  const uri = process.env.MONGODB_URI;
  if (!uri) {
    console.error('Set MONGODB_URI to the database whose photos to move (and MONGODB_DB_NAME if it is not "sqtb").');
    return 2;
  }
  const dbName = process.env.MONGODB_DB_NAME ?? 'sqtb';
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 10_000, autoIndex: false });
  try {
    const dryRun = args.includes('--dry-run');
    const report = await migratePhotosToGridFS({ dryRun, keepLegacy: args.includes('--keep-legacy'), log: (line) => console.log(line) });
    console.log(`${dryRun ? 'dry run: ' : ''}${JSON.stringify(report)}`);
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await mongoose.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('photo migration failed:', err);
    process.exit(1);
  },
);
