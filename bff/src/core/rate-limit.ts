import type Koa from 'koa';
import { AppError } from './app-error';

/**
 * Fixed-window counters per key (user or IP), kept in this instance's memory:
 * a rush or a script is slowed down without a database round trip. With
 * several BFF instances each enforces its own share; the real guards against
 * abuse of stock and quota are the unique indexes, not this.
 */
export interface RateLimit {
  /** Requests allowed per window, per key. */
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request; returns the seconds to wait when over the limit. */
  hit(key: string, rule: RateLimit): number | undefined {
    const now = this.now();
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

/** Refuses with 429 and Retry-After once either the caller's IP or their account is over its limit. */
export function rateLimited(limiter: RateLimiter, name: string, perIp: RateLimit, perUser: RateLimit) {
  return (ctx: Koa.Context, userId?: string) => {
    const waits = [limiter.hit(`${name}:ip:${ctx.ip}`, perIp), userId ? limiter.hit(`${name}:user:${userId}`, perUser) : undefined].filter((w): w is number => w !== undefined);
    if (waits.length) {
      const retryAfter = Math.max(1, ...waits);
      ctx.set('Retry-After', String(retryAfter));
      throw new AppError('RATE_LIMITED', `Too many requests; try again in ${retryAfter} s`, { retryAfterSeconds: retryAfter });
    }
  };
}
