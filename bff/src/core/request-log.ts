import { randomUUID } from 'node:crypto';
import type Koa from 'koa';
import type { Logger } from './logger';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives each request an id (the caller's X-Request-Id when it is sane), a child
 * logger carrying it, and one line when it ends. Only the path is logged:
 * query strings can carry codes or tokens.
 */
export function requestLog(root: Logger): Koa.Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.log = root.child({ requestId });
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = ctx.state.user as { id?: string; role?: string } | undefined;
      (ctx.state.log as Logger).info(
        { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10, userId: user?.id, role: user?.role },
        'request',
      );
    }
  };
}
