import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { startWechatMock, type WechatMock } from '@sqtb/mock';
import { createApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { createLogger } from '../src/core/logger';
import { ensureIndexes } from '../src/db/database';
import { createWechatClient } from '../src/accounts/wechat-client';
import { seedDemoData } from '../src/dev/seed';
import type { RouteSpec } from '../src/core/route';
import type { Clock } from '../src/core/clock';
import { generatePrivateJwk, keyRingFromJwks } from '../src/core/keys';
import type { JWK } from 'jose';

/**
 * The BFF as tests meet it: the real app on a loopback port, a real MongoDB
 * protocol server (a database of this file's own), the WeChat stand-in, and
 * the demo district seeded.
 */
export interface TestApp {
  baseUrl: string;
  config: Config;
  wechat: WechatMock;
  /** Every route the app mounted, as declared. */
  routes: RouteSpec[];
  request(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<TestResponse>;
  /** Logs in as a seeded (or new) openid and returns the bearer token. */
  login(openid: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface TestAppOptions {
  clock?: Clock;
  healthKeys?: JWK[];
  /** Another database server than the suite's (fault tests put a proxy in front of one). */
  mongodbUri?: string;
  /** How long the driver looks for a server before a request fails (ms). */
  serverSelectionTimeoutMS?: number;
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const uri = options.mongodbUri ?? process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is unset: run the tests through jest (its global setup starts a database)');
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  const wechat = await startWechatMock();
  try {
    return await startWith(wechat, uri, dbName, env, options);
  } catch (err) {
    await wechat.close();
    await mongoose.disconnect();
    throw err;
  }
}

async function startWith(wechat: WechatMock, uri: string, dbName: string, env: Record<string, string>, options: TestAppOptions): Promise<TestApp> {
  const config = loadConfig({ NODE_ENV: 'test', MONGODB_URI: uri, MONGODB_DB_NAME: dbName, WECHAT_API_BASE: wechat.baseUrl, STATIC_DIR: '/nonexistent-static-dir', RATE_LIMIT_FACTOR: '1000', ...env });
  const log = createLogger(config.logLevel);
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000, heartbeatFrequencyMS: 1000, autoIndex: false, monitorCommands: !!config.countDbCommands });
  await ensureIndexes();
  await seedDemoData({ idKey: config.keys.idHash }, options.clock?.now());
  const database = {
    kind: process.env.TEST_DATABASE_KIND ?? 'unknown',
    ping: async () => mongoose.connection.readyState === 1 && !!(await mongoose.connection.db?.admin().ping().then(() => true, () => false)),
  };
  const wechatClient = createWechatClient({ apiBase: wechat.baseUrl, appId: config.wechat.appId, secret: config.wechat.secret, log });
  const healthKeys = await keyRingFromJwks(options.healthKeys ?? [await generatePrivateJwk('test-key-1')]);
  const { app, routes } = createApp({ config, log, wechat: wechatClient, database, clock: options.clock, healthKeys });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request: TestApp['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };

  return {
    baseUrl,
    config,
    wechat,
    routes,
    request,
    async login(openid) {
      const response = await request('POST', '/api/auth/login', { body: { code: `dev:${openid}` } });
      if (response.status !== 200) throw new Error(`login as ${openid} failed: ${response.status} ${response.text}`);
      return response.body.token as string;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
      await wechat.close();
    },
  };
}

/** Asserts the one error shape and returns its code. */
export function errorCode(response: TestResponse): string {
  const error = response.body?.error;
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string') {
    throw new Error(`not in the error shape: ${response.status} ${response.text}`);
  }
  return error.code;
}
