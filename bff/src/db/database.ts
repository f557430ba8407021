import mongoose from 'mongoose';
import type { Config } from '../config';
import type { Logger } from '../core/logger';
import { startEmbeddedDatabase } from './embedded';

/** Where the records live, and whether they outlive this process. */
export interface Database {
  kind: 'external' | 'mongodb-memory-server' | 'congodb';
  persistent: boolean;
  connection: mongoose.Connection;
  /** True when the server answers a ping within the time given. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

// Fail fast when the database is away instead of queueing requests for seconds.
mongoose.set('bufferCommands', false);
mongoose.set('strictQuery', true);

export async function connectDatabase(config: Pick<Config, 'mongodbUri' | 'mongodbDbName' | 'embeddedDb'>, log: Logger): Promise<Database> {
  const embedded = config.mongodbUri ? undefined : await startEmbeddedDatabase(config.embeddedDb, log);
  const uri = config.mongodbUri ?? embedded!.uri;
  await mongoose.connect(uri, { dbName: config.mongodbDbName, serverSelectionTimeoutMS: 5000, autoIndex: false });
  await ensureIndexes();

  const kind = embedded?.kind ?? 'external';
  const persistent = !embedded;
  log.info(
    { database: kind, dbName: config.mongodbDbName, persistent },
    persistent ? `database: ${kind} (data survives a restart)` : `database: embedded ${kind} (in memory: data is lost when the BFF stops)`,
  );

  const connection = mongoose.connection;
  return {
    kind,
    persistent,
    connection,
    async ping(timeoutMs = 1000) {
      if (connection.readyState !== 1 || !connection.db) return false;
      try {
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ping timeout')), timeoutMs).unref());
        await Promise.race([connection.db.admin().ping(), timeout]);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}

/** Builds every model's indexes before the BFF serves: the unique ones carry rules. */
export async function ensureIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) await model.createIndexes();
}
