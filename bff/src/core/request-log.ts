import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type Koa from 'koa';
import { pinoHttp } from 'pino-http';
import type { Logger } from './logger';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** What the line at the end of a request needs from Koa's context. */
interface Pending {
  ctx: Koa.Context;
  started: bigint;
}

/**
 * pino's own HTTP logger (pino-http) under Koa. Each request gets an id (the
 * caller's X-Request-Id when it is sane, else a new UUID) sent back in
 * X-Request-Id, a child logger carrying it (`ctx.state.log`), and one line
 * when the response is finished or cut off: method, path, status, time, user.
 *
 * Redaction: the line holds the path only (query strings can carry codes or
 * signatures) and no header at all, so no Authorization or cookie can leak;
 * the root logger's redaction (logger.ts) still covers everything else.
 */
export function requestLog(root: Logger): Koa.Middleware {
  const pending = new WeakMap<IncomingMessage, Pending>();
  const line = (req: IncomingMessage) => {
    const entry = pending.get(req);
    if (!entry) return {};
    const { ctx, started } = entry;
    const user = ctx.state.user as { id?: string; role?: string } | undefined;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10, userId: user?.id, role: user?.role };
  };
  const http = pinoHttp({
    logger: root,
    // The logger stays as the app made it: no req/res serializers added.
    wrapSerializers: false,
    // Child loggers carry { requestId } only, not the whole request.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    customSuccessObject: (req) => line(req),
    customErrorObject: (req) => line(req),
    customSuccessMessage: (req, res) => (res.writableEnded ? 'request' : 'request aborted'),
    customErrorMessage: () => 'request',
  });
  return async (ctx, next) => {
    pending.set(ctx.req, { ctx, started: process.hrtime.bigint() });
    http(ctx.req, ctx.res);
    const requestId = String(ctx.req.id);
    ctx.state.requestId = requestId;
    ctx.state.log = ctx.req.log;
    ctx.set('X-Request-Id', requestId);
    await next();
  };
}
