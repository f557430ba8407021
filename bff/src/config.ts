import { z } from 'zod';
import { deriveKey } from './core/keys';
import { parseTemplateKeywords, type TemplateKeyword } from './notifications/subscribe-data';

/**
 * Every setting the BFF reads, validated once at start. A bad value stops the
 * start with a message naming it. Secrets have defaults only in development
 * and test; production must set them.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    MONGODB_URI: z.string().regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI').optional(),
    MONGODB_DB_NAME: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/).default('sqtb'),
    /** Which embedded database to run when MONGODB_URI is unset. */
    EMBEDDED_DB: z.enum(['auto', 'mongodb-memory-server', 'congodb']).default('auto'),
    /** Signs session tokens only: rotating it signs everyone out, nothing else. */
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Keys the stored hash of ID numbers (and health-code subjects): never rotated without re-hashing (README). */
    ID_HASH_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Signs photo links (valid one hour): rotating it only expires the links handed out. */
    URL_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    /** How the client address is read behind reverse proxies: a hop count, or a comma list of proxy addresses. Unset: no proxy, the socket address. */
    TRUST_PROXY: z
      .string()
      .regex(/^(\d{1,2}|[0-9a-fA-F:.]+(,[0-9a-fA-F:.]+)*)$/, 'must be a hop count or a comma list of proxy IP addresses')
      .optional(),
    JWT_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(7200),
    WECHAT_API_BASE: z.url().optional(),
    WECHAT_APPID: z.string().min(1).optional(),
    WECHAT_SECRET: z.string().min(1).optional(),
    WECHAT_SUBSCRIBE_TEMPLATE_ID: z.string().min(1).max(64).default('complaint-status-dev-template'),
    /** The status-change template's keywords as the admin console numbers them, and what fills each: `thing1=title,thing2=body,time3=time`. */
    WECHAT_SUBSCRIBE_KEYWORDS: z
      .string()
      .default('thing1=title,thing2=body,time3=time')
      .transform((text, ctx) => {
        try {
          return parseTemplateKeywords(text);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    /** How long a computer signed in by scanning its QR code stays signed in (at most JWT_TTL_SECONDS). */
    DESKTOP_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
    CORS_ORIGINS: z.string().default('http://localhost:10086,http://127.0.0.1:10086'),
    BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/).default('1mb'),
    SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
    STATIC_DIR: z.string().optional(),
    /** The health code's private signing keys: a JSON array of P-256 JWKs with a kid; the first signs. */
    HEALTH_CODE_KEYS: z
      .string()
      .transform((text, ctx) => {
        try {
          const keys = JSON.parse(text) as unknown;
          if (Array.isArray(keys) && keys.length > 0) return keys as Array<Record<string, string>>;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of private JWKs' });
        return z.NEVER;
      })
      .optional(),
    DATA_DIR: z.string().default('.data'),
    /** Runs every scheduled job this often instead of its own interval (tests of several instances). */
    JOB_INTERVAL_MS: z.coerce.number().int().min(50).max(86_400_000).optional(),
    /** Multiplies every rate limit (tests and benchmarks raise them; 1 in production). */
    RATE_LIMIT_FACTOR: z.coerce.number().positive().max(1_000_000).default(1),
    /** Development and test only: the clock stands still until /api/simulation moves it (npm run simulate). */
    SIMULATED_CLOCK: z.enum(['true', 'false']).default('false'),
    /**
     * Development and test only: `true`, every answer carries x-db-commands, the database commands it
     * took (cost tests); `total`, only the process's running total in x-db-commands-total (npm run bench).
     */
    DB_COMMAND_COUNT: z.enum(['true', 'total', 'false']).default('false'),
    /** Open311 clients as `name:key` pairs, comma-separated. */
    OPEN311_API_KEYS: z.string().regex(/^([\w.-]+:[\w.-]{12,})(,[\w.-]+:[\w.-]{12,})*$/, 'name:key pairs with keys of 12+ characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['SIMULATED_CLOCK', 'DB_COMMAND_COUNT'] as const) {
      if (env[key] !== 'false') ctx.addIssue({ code: 'custom', path: [key], message: 'is refused in production' });
    }
    for (const key of ['MONGODB_URI', 'JWT_SECRET', 'ID_HASH_KEY', 'URL_SIGNING_KEY', 'WECHAT_API_BASE', 'WECHAT_APPID', 'WECHAT_SECRET', 'HEALTH_CODE_KEYS'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  });

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  logLevel: string;
  mongodbUri?: string;
  mongodbDbName: string;
  embeddedDb: 'auto' | 'mongodb-memory-server' | 'congodb';
  jwt: { secret: string; ttlSeconds: number; issuer: string; audience: string };
  /** One secret per purpose, so each can rotate on its own (README, "Secrets"). */
  keys: { idHash: string; urlSigning: string; healthCodeSubject: string };
  /** Unset: no proxy. A number: that many proxies in front. A list: the proxies' own addresses. */
  trustProxy?: { hops: number } | { addresses: string[] };
  /** Unset in development and test: the WeChat stand-in from mock/ is started instead. */
  wechat: { apiBase?: string; appId: string; secret: string; subscribeTemplateId: string; subscribeKeywords: TemplateKeyword[] };
  /** A desktop session's token lifetime: shorter than the phone's. */
  desktopTokenTtlSeconds: number;
  corsOrigins: string[];
  bodyLimit: string;
  seedDemoData: boolean;
  /** Development conveniences such as the seeded-account login on H5. */
  devLogin: boolean;
  staticDir?: string;
  /** Open311 api_key → client name. */
  open311Keys: Map<string, string>;
  healthCodeKeys?: Array<Record<string, string>>;
  /** Where development keeps what must survive a restart (the dev signing key). */
  dataDir: string;
  rateLimitFactor: number;
  /** Answers report database commands: each its own (cost tests) or the process total (bench); never in production. */
  countDbCommands: false | 'per-request' | 'total';
  jobIntervalMs?: number;
  /** The clock stands still and /api/simulation moves it, runs jobs and resets the data (never in production). */
  simulatedClock: boolean;
}

/** Only for development and test, and said so loudly in the name. */
const DEV_ONLY_JWT_SECRET = 'dev-only-secret-not-for-production-use-0123456789';

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dev = env.NODE_ENV !== 'production';
  // Development and test keep the keys they always had, derived from the dev-only secret.
  const idHashKey = env.ID_HASH_KEY ?? deriveKey(DEV_ONLY_JWT_SECRET, 'id-number-hash');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    mongodbUri: env.MONGODB_URI,
    mongodbDbName: env.MONGODB_DB_NAME,
    embeddedDb: env.EMBEDDED_DB,
    jwt: {
      secret: env.JWT_SECRET ?? DEV_ONLY_JWT_SECRET,
      ttlSeconds: env.JWT_TTL_SECONDS,
      issuer: 'sqtb-bff',
      audience: 'sqtb-miniapp',
    },
    keys: {
      idHash: idHashKey,
      urlSigning: env.URL_SIGNING_KEY ?? deriveKey(DEV_ONLY_JWT_SECRET, 'signed-file-urls'),
      healthCodeSubject: deriveKey(idHashKey, 'health-code-subject'),
    },
    trustProxy: !env.TRUST_PROXY ? undefined : /^\d+$/.test(env.TRUST_PROXY) ? { hops: Number(env.TRUST_PROXY) } : { addresses: env.TRUST_PROXY.split(',') },
    wechat: {
      apiBase: env.WECHAT_API_BASE,
      appId: env.WECHAT_APPID ?? 'wx-dev-appid',
      secret: env.WECHAT_SECRET ?? 'wx-dev-secret',
      subscribeTemplateId: env.WECHAT_SUBSCRIBE_TEMPLATE_ID,
      subscribeKeywords: env.WECHAT_SUBSCRIBE_KEYWORDS,
    },
    desktopTokenTtlSeconds: Math.min(env.DESKTOP_TOKEN_TTL_SECONDS, env.JWT_TTL_SECONDS),
    corsOrigins: env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    bodyLimit: env.BODY_LIMIT,
    seedDemoData: env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === 'true' : env.NODE_ENV === 'development',
    devLogin: dev,
    staticDir: env.STATIC_DIR,
    healthCodeKeys: env.HEALTH_CODE_KEYS,
    dataDir: env.DATA_DIR,
    rateLimitFactor: env.RATE_LIMIT_FACTOR,
    countDbCommands: env.DB_COMMAND_COUNT === 'true' ? 'per-request' : env.DB_COMMAND_COUNT === 'total' ? 'total' : false,
    jobIntervalMs: env.JOB_INTERVAL_MS,
    simulatedClock: env.SIMULATED_CLOCK === 'true',
    open311Keys: new Map(
      (env.OPEN311_API_KEYS ?? (dev ? 'demo:open311-demo-key' : ''))
        .split(',')
        .filter(Boolean)
        .map((pair) => pair.split(':').reverse() as [string, string]),
    ),
  };
}
