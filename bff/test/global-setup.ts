import { createLogger } from '../src/core/logger';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded';

/**
 * One database server for the whole run. With MONGODB_URI set (a real
 * server), tests use it; otherwise the embedded one starts here. Each test
 * file then works in a database of its own.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.TEST_DATABASE_KIND = 'external';
    return;
  }
  const log = createLogger('warn');
  const db: EmbeddedDatabase = await startEmbeddedDatabase((process.env.EMBEDDED_DB as 'auto') ?? 'auto', log);
  process.env.MONGODB_URI = db.uri;
  process.env.TEST_DATABASE_KIND = db.kind;
  (globalThis as { __testDatabase?: EmbeddedDatabase }).__testDatabase = db;
  process.stdout.write(`\ntests use the ${db.kind} database at ${db.uri}\n`);
}
