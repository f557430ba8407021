import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { createLogger, exitWhenLogged, type Logger } from './core/logger';
import { connectDatabase } from './db/database';
import { createApp } from './app';
import { createWechatClient } from './accounts/wechat-client';
import { seedDemoData } from './dev/seed';
import { startScheduler } from './jobs/scheduler';
import { allJobs } from './jobs/all-jobs';
import { ManualClock, systemClock } from './core/clock';
import { loadKeyRing } from './core/keys';
import type { JWK } from 'jose';

/** How long a graceful stop may take before the process exits anyway. */
const STOP_WITHIN_MS = 10_000;

/** The log, once the configuration has said its level: a failed start exits after its lines are written. */
let startedLog: Logger | undefined;

/** Connects the database, serves, and stops gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nThe BFF did not start.\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  startedLog = log;

  const stopWechatMock = await (async () => {
    if (config.wechat.apiBase) return async () => undefined;
    // Development and test only (production requires WECHAT_API_BASE): stand in for WeChat.
    const { startWechatMock } = await import('@sqtb/mock');
    // The stand-in shows the admin console the template this configuration names, keyword for keyword.
    const { subscribeTemplateId: id, subscribeKeywords } = config.wechat;
    const mock = await startWechatMock({ templates: [{ id, title: '办理进度通知', keywords: Object.fromEntries(subscribeKeywords.map((k) => [k.key, k.source])) }] });
    config.wechat.apiBase = mock.baseUrl;
    log.info({ wechatApiBase: mock.baseUrl }, 'WeChat open API: the stand-in from mock/ (codes look like dev:<openid>)');
    return mock.close;
  })();

  const database = await connectDatabase(config, log);
  if (config.seedDemoData) {
    const seeded = await seedDemoData({ idKey: config.keys.idHash });
    log.info(seeded, 'demo district seeded');
  }

  const wechat = createWechatClient({ apiBase: config.wechat.apiBase!, appId: config.wechat.appId, secret: config.wechat.secret, log });
  const healthKeys = await loadKeyRing(config.healthCodeKeys as JWK[] | undefined, config.env, config.dataDir);
  // A simulated clock stands still: the simulator moves it and runs the jobs itself.
  const clock = config.simulatedClock ? new ManualClock(new Date()) : systemClock;
  const { app, drain } = createApp({ config, log, wechat, database, healthKeys, clock });
  const jobs = allJobs.map((job) => (config.jobIntervalMs ? { ...job, everyMs: config.jobIntervalMs } : job));
  const scheduler = config.simulatedClock ? { stop: async () => undefined } : startScheduler(jobs, { clock, log });
  if (config.simulatedClock) log.warn('SIMULATED_CLOCK: the clock stands still until /api/simulation moves it; scheduled jobs run only when asked');
  const server: Server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    log.info({ port, env: config.env }, `社区通办 BFF listening on http://localhost:${port}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: refusing new requests and new job runs, finishing those in flight');
    // What the stop is waiting for, so a forced exit says what it cut off.
    let waitingFor = 'requests or jobs';
    setTimeout(() => {
      log.error(`${waitingFor} did not finish within ${STOP_WITHIN_MS / 1000} s; exiting`);
      exitWhenLogged(log, 1);
    }, STOP_WITHIN_MS).unref();
    // Running jobs end (or are told to stop) and release their leases while the database is still open.
    const jobsStopped = scheduler.stop({ timeoutMs: STOP_WITHIN_MS - 2_000 });
    await drain();
    // A short grace in which late arrivals are answered 503 rather than cut off mid-connection.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await drain();
    server.close();
    server.closeAllConnections();
    await jobsStopped;
    waitingFor = 'closing the database (and writing the development snapshot: changes since the last one are lost)';
    await database.close();
    await stopWechatMock();
    log.info('stopped');
    exitWhenLogged(log, 0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`The BFF failed to start: ${(err as Error).stack ?? err}\n`);
  if (startedLog) exitWhenLogged(startedLog, 1);
  else process.exit(1);
});
