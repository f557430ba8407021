import type Koa from 'koa';
import mongoose, { Schema, model } from 'mongoose';
import { AppError } from './app-error';
import { clientIp, type TrustProxy } from './client-ip';
import type { Logger } from './logger';
import { isDuplicateKey } from '../db/duplicate-key';

/**
 * Fixed-window counters per key (route name + client IP, or route name +
 * user), kept in MongoDB so that every BFF instance counts into the same
 * window: two instances do not double a limit. A rush or a script is slowed
 * down; the real guards against abuse of stock and quota are still the unique
 * indexes, not this.
 *
 * One counter document per key: `windowEnd` is when its window closes (by the
 * app's clock, so tests and the simulator can move it), `expiresAt` when the
 * database may drop it (by the real clock: a TTL index). A hit is one
 * findOneAndUpdate: `$inc` on the key's open window, or upsert a new one. When
 * the key's last window has closed but its document is still there (TTL runs
 * once a minute; CongoDB, the offline test database, runs none), the upsert's
 * insert meets the unique key and the closed window is restarted with a
 * conditional update, which only one of several racing requests wins; the
 * others go round again and count into the window it opened.
 *
 * When the database does not answer, limits must not turn requests into 500s:
 * the limiter then counts in this instance's memory (the same windows, per
 * instance, as before limits were shared), logs one warning for the outage and
 * one line when the database is back.
 */
export interface RateLimit {
  /** Requests allowed per window, per key. */
  limit: number;
  windowMs: number;
}

const counterSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    count: { type: Number, required: true },
    windowEnd: { type: Date, required: true },
    /** Dropped by MongoDB's TTL monitor after this (real time), well after the window closed. */
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
counterSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
export const RateLimitCounter = model('RateLimitCounter', counterSchema);

/**
 * How long a hit waits for the database before counting in memory instead. A
 * cut connection fails sooner (the driver reports it); this bounds a server
 * that accepts and does not answer, and is well above a busy server's time.
 */
const DATABASE_WAIT_MS = 3000;
/** While the database is away, how often a hit tries it again. */
const RETRY_DATABASE_MS = 1000;
/** How often an instance removes expired counters itself, for servers without a TTL monitor. */
const SWEEP_EVERY_MS = 10 * 60_000;
/** Kept a little past the window's end, so a clock a few seconds apart never drops a live window. */
const EXPIRY_MARGIN_MS = 60_000;

/** The fixed windows of one instance: the fallback when the database is away. */
class MemoryWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();

  hit(key: string, rule: RateLimit, now: number): number | undefined {
    const window = this.windows.get(key);
    if (!window || now - window.start >= rule.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 100_000) this.sweep(now, rule.windowMs);
      return undefined;
    }
    window.count += 1;
    return window.count > rule.limit ? Math.ceil((window.start + rule.windowMs - now) / 1000) : undefined;
  }

  private sweep(now: number, windowMs: number) {
    for (const [key, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(key);
  }
}

export interface RateLimiterOptions {
  /** The app's clock (ms); windows open and close by it. */
  now?: () => number;
  log?: Logger;
  /** How the client address is read (TRUST_PROXY); see client-ip.ts. */
  trustProxy?: TrustProxy;
  /** 'memory': this instance only (tests of the mechanism without a database). Default 'database'. */
  store?: 'database' | 'memory';
}

export class RateLimiter {
  readonly trustProxy: TrustProxy | undefined;
  private readonly now: () => number;
  private readonly log: Logger | undefined;
  private readonly store: 'database' | 'memory';
  private readonly memory = new MemoryWindows();
  /** Set while the database is not answering: hits count in memory. */
  private degradedSince: number | undefined;
  /** While degraded, when a hit next tries the database. */
  private retryAt = 0;
  private lastSweep = Date.now();

  constructor(options: RateLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.log = options.log;
    this.trustProxy = options.trustProxy;
    this.store = options.store ?? 'database';
  }

  /** Counts one request; returns the seconds to wait when over the limit. Never throws for a database fault. */
  async hit(key: string, rule: RateLimit): Promise<number | undefined> {
    const now = this.now();
    if (this.store === 'memory') return this.memory.hit(key, rule, now);
    if (mongoose.connection.readyState !== 1) return this.degraded(key, rule, now, 'not connected');
    // During an outage one request a second asks the database again; the others do not wait on it.
    if (this.degradedSince !== undefined) {
      if (Date.now() < this.retryAt) return this.memory.hit(key, rule, now);
      this.retryAt = Date.now() + RETRY_DATABASE_MS;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_WAIT_MS} ms`)), DATABASE_WAIT_MS);
      });
      const wait = await Promise.race([this.hitStored(key, rule, now), timeout]);
      this.recovered();
      return wait;
    } catch (err) {
      return this.degraded(key, rule, now, (err as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Counts one request against several keys (a route's per-IP and per-user
   * limits) and returns the longest wait. While every key is under its limit
   * in an open window, that is one database command for all of them: each key
   * is a conditional upsert (`count < limit` in an open window) in one
   * unordered bulk write. A key that is over its limit, or whose window has
   * closed, does not match; its upsert meets the unique key and is counted
   * again on its own by `hit`, which says how long to wait or opens a new window.
   */
  async hitAll(hits: Array<{ key: string; rule: RateLimit }>): Promise<number | undefined> {
    const now = this.now();
    if (this.store === 'memory' || mongoose.connection.readyState !== 1 || this.degradedSince !== undefined || hits.length < 2) {
      return longest(await Promise.all(hits.map((h) => this.hit(h.key, h.rule))));
    }
    const open = new Date(now);
    const unmatched = new Set<number>();
    let timer: NodeJS.Timeout | undefined;
    try {
      this.sweepNow();
      // Through the driver: this runs on every limited request, and mongoose's casting of a
      // bulk write (plain strings, numbers and dates here) cost more CPU than the command.
      const counted = RateLimitCounter.collection.bulkWrite(
        hits.map(({ key, rule }) => ({
          updateOne: {
            filter: { key, windowEnd: { $gt: open }, count: { $lt: rule.limit } },
            update: { $inc: { count: 1 }, $setOnInsert: { windowEnd: new Date(now + rule.windowMs), expiresAt: new Date(Date.now() + rule.windowMs + EXPIRY_MARGIN_MS) } },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      // Bounded like a single hit: a server that accepts and does not answer must not hold the request
      // (an answer after the bound is dropped, its failure too).
      counted.catch(() => undefined);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_WAIT_MS} ms`)), DATABASE_WAIT_MS);
      });
      await Promise.race([counted, timeout]);
    } catch (err) {
      const writeErrors = (err as { writeErrors?: Array<{ index: number; code?: number; err?: { code?: number } }> }).writeErrors;
      if (!writeErrors || !writeErrors.every((e) => isDuplicateKey(e.err ?? e))) {
        return longest(hits.map((h) => this.degraded(h.key, h.rule, now, (err as Error).message)));
      }
      for (const e of writeErrors) unmatched.add(e.index);
    } finally {
      clearTimeout(timer);
    }
    this.recovered();
    return longest(await Promise.all(hits.filter((_, i) => unmatched.has(i)).map((h) => this.hit(h.key, h.rule))));
  }

  private async hitStored(key: string, rule: RateLimit, now: number): Promise<number | undefined> {
    const open = new Date(now);
    const fresh = () => ({ windowEnd: new Date(now + rule.windowMs), expiresAt: new Date(Date.now() + rule.windowMs + EXPIRY_MARGIN_MS) });
    this.sweepNow();
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const counted = await RateLimitCounter.findOneAndUpdate(
          { key, windowEnd: { $gt: open } },
          { $inc: { count: 1 }, $setOnInsert: fresh() },
          { upsert: true, new: true, lean: true },
        );
        return this.waitFor(counted!, rule, now);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      // The key's previous window has closed but its document remains: open a new window on it.
      const restarted = await RateLimitCounter.findOneAndUpdate({ key, windowEnd: { $lte: open } }, { $set: { count: 1, ...fresh() } }, { new: true, lean: true });
      if (restarted) return this.waitFor(restarted, rule, now);
      // Another request restarted it first (or the TTL monitor just removed it): count into that window.
    }
    throw new Error(`the counter ${key} kept changing under five attempts`);
  }

  private waitFor(counter: { count: number; windowEnd: Date }, rule: RateLimit, now: number): number | undefined {
    return counter.count > rule.limit ? Math.max(1, Math.ceil((new Date(counter.windowEnd).getTime() - now) / 1000)) : undefined;
  }

  private degraded(key: string, rule: RateLimit, now: number, reason: string): number | undefined {
    this.retryAt = Date.now() + RETRY_DATABASE_MS;
    if (this.degradedSince === undefined) {
      this.degradedSince = Date.now();
      this.log?.warn({ reason }, "rate limits: the database is not answering; counting in this instance's memory until it is back");
    }
    return this.memory.hit(key, rule, now);
  }

  private recovered() {
    if (this.degradedSince === undefined) return;
    this.log?.info({ degradedForMs: Date.now() - this.degradedSince }, 'rate limits: the database answers again; counting there');
    this.degradedSince = undefined;
  }

  /** MongoDB's TTL index removes expired counters; this covers a server that has none (CongoDB). */
  private sweepNow() {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    RateLimitCounter.deleteMany({ expiresAt: { $lt: new Date() } }).catch(() => undefined);
  }
}

/** The longest of several waits; none when no key is over its limit. */
const longest = (waits: Array<number | undefined>) => {
  const over = waits.filter((w): w is number => w !== undefined);
  return over.length ? Math.max(...over) : undefined;
};

/** Refuses with 429 and Retry-After once either the caller's IP or their account is over its limit. */
export function rateLimited(limiter: RateLimiter, name: string, perIp: RateLimit, perUser: RateLimit) {
  return async (ctx: Koa.Context, userId?: string): Promise<void> => {
    const hits = [{ key: `${name}:ip:${clientIp(ctx, limiter.trustProxy)}`, rule: perIp }];
    if (userId) hits.push({ key: `${name}:user:${userId}`, rule: perUser });
    const wait = await limiter.hitAll(hits);
    if (wait !== undefined) {
      const retryAfter = Math.max(1, wait);
      ctx.set('Retry-After', String(retryAfter));
      throw new AppError('RATE_LIMITED', `Too many requests; try again in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
    }
  };
}
