import { lookup } from 'node:dns/promises';
import type { Logger } from '../core/logger';
import { startCongo } from './congo-unique-storage';

/**
 * The database the BFF runs on when MONGODB_URI is unset: a real mongod through
 * mongodb-memory-server where one can be had (a cached or system binary, or a
 * download on a machine with internet), else CongoDB, a wire-compatible server
 * in pure TypeScript (see congo-unique-storage.ts). Neither keeps data across a
 * restart.
 */
export interface EmbeddedDatabase {
  kind: 'mongodb-memory-server' | 'congodb';
  uri: string;
  persistent: false;
  stop(): Promise<void>;
}

export type EmbeddedChoice = 'auto' | 'mongodb-memory-server' | 'congodb';

export async function startEmbeddedDatabase(choice: EmbeddedChoice, log: Logger): Promise<EmbeddedDatabase> {
  if (choice === 'congodb') return startCongoDatabase();
  if (choice === 'mongodb-memory-server' || (await realMongodAvailable(log))) {
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    const server = await MongoMemoryServer.create();
    return { kind: 'mongodb-memory-server', uri: server.getUri(), persistent: false, stop: async () => void (await server.stop()) };
  }
  return startCongoDatabase();
}

async function startCongoDatabase(): Promise<EmbeddedDatabase> {
  const server = await startCongo();
  // CongoDB has no streaming hello: the driver must poll, or it drops its pool every heartbeat.
  return { kind: 'congodb', uri: `${server.getConnectionUri()}/?serverMonitoringMode=poll`, persistent: false, stop: () => server.stop() };
}

/** A mongod binary is on disk already, or the download host resolves (so a download can work). */
async function realMongodAvailable(log: Logger): Promise<boolean> {
  try {
    const { DryMongoBinary } = await import('mongodb-memory-server');
    const { resolveConfig, ResolveConfigVariables, DEFAULT_VERSION } = await import('mongodb-memory-server-core/lib/util/resolveConfig');
    const version = resolveConfig(ResolveConfigVariables.VERSION) ?? DEFAULT_VERSION;
    if (await DryMongoBinary.locateBinary({ version })) return true;
  } catch (err) {
    log.debug({ err }, 'could not look for a cached mongod');
  }
  const host = process.env.MONGOMS_DOWNLOAD_MIRROR ? new URL(process.env.MONGOMS_DOWNLOAD_MIRROR).hostname : 'fastdl.mongodb.org';
  try {
    await Promise.race([lookup(host), new Promise((_, reject) => setTimeout(() => reject(new Error('dns timeout')), 1500).unref())]);
    return true;
  } catch {
    return false;
  }
}
