import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import type { Logger } from './logger';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One id per request (the caller's X-Request-Id when it is sane, else a new
 * UUID), sent back in X-Request-Id; a logger carrying it for whatever the
 * request logs (`ctx.state.log`); and one closing line when the response has
 * finished or was cut off: method, path, status, time, user.
 *
 * The child logger is made on first use: most requests log nothing but their
 * closing line, and making one for each took a measurable share of a short
 * request's CPU.
 *
 * Redaction: the line holds the path only (query strings can carry codes or
 * signatures) and no header at all, so no Authorization or cookie can leak;
 * the root logger's redaction (logger.ts) still covers everything else.
 */
export function requestLog(root: Logger): Koa.Middleware {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    const incoming = ctx.get('X-Request-Id');
    const requestId = SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    let log: Logger | undefined;
    ctx.state.requestId = requestId;
    Object.defineProperty(ctx.state, 'log', { get: () => (log ??= root.child({ requestId })), enumerable: true, configurable: true });
    ctx.set('X-Request-Id', requestId);

    const res = ctx.res;
    const close = () => {
      res.off('finish', close);
      res.off('close', close);
      const user = ctx.state.user as { id?: string; role?: string } | undefined;
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const line = { requestId, method: ctx.method, path: ctx.path, status: ctx.status, ms, userId: user?.id, role: user?.role };
      const message = res.writableFinished ? 'request' : 'request aborted';
      if (ctx.status >= 500) root.error(line, message);
      else root.info(line, message);
    };
    res.once('finish', close);
    res.once('close', close);
    await next();
  };
}
