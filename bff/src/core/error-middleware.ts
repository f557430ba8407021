import type Koa from 'koa';
import type { ErrorCode } from '@sqtb/shared';
import { AppError } from './app-error';
import type { Logger } from './logger';

/** A part of the API whose clients read refusals in their own standard's shape (Open311 under /open311/). */
export interface ErrorReply {
  pathPrefix: string;
  /** Sets the body (and its type) for the error; the status is already set. */
  write(ctx: Koa.Context, error: AppError): void;
}

/**
 * Every failure leaves the BFF in one shape: `{"error":{"code","message","details"}}`,
 * except under the path prefixes of `replies`, which write their own.
 * Known client mistakes become 4xx; an unknown error is a 500 whose detail is
 * logged, never shown.
 */
export function errorMiddleware(replies: ErrorReply[] = []): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
      // Nothing downstream answered: no route, no method on a known path, no file.
      if (ctx.status === 404 && ctx.body == null) throw new AppError('NOT_FOUND', `No route for ${ctx.method} ${ctx.path}`);
    } catch (err) {
      const appError = toAppError(err);
      const log = ctx.state.log as Logger | undefined;
      if (appError.code === 'DATABASE_UNAVAILABLE') log?.warn({ err: (err as Error).message }, 'database unavailable');
      else if (appError.status >= 500) log?.error({ err }, 'request failed');
      ctx.status = appError.status;
      const reply = replies.find((r) => ctx.path.startsWith(r.pathPrefix));
      if (reply) reply.write(ctx, appError);
      else ctx.body = { error: { code: appError.code, message: appError.message, ...(appError.details === undefined ? {} : { details: appError.details }) } };
      if (appError.code === 'DATABASE_UNAVAILABLE') ctx.set('Retry-After', '5');
    }
  };
}

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const DATABASE_DOWN_ERRORS = new Set([
  'MongoNetworkError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoNetworkTimeoutError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
]);

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { name?: string; status?: number; expose?: boolean; type?: string; message?: string };
  if (e?.name && DATABASE_DOWN_ERRORS.has(e.name)) return new AppError('DATABASE_UNAVAILABLE', 'The database is not answering; try again shortly');
  // A connection cut mid-request surfaces as a plain socket error from the driver.
  const socketCode = (err as { code?: string })?.code;
  if (socketCode && ['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT'].includes(socketCode)) {
    return new AppError('DATABASE_UNAVAILABLE', 'The database is not answering; try again shortly');
  }
  if (e?.message?.includes('Client must be connected') || e?.message?.includes('before initial connection is complete')) {
    return new AppError('DATABASE_UNAVAILABLE', 'The database is not answering; try again shortly');
  }
  // Errors raised by Koa's own middleware (body parser, router) carry a status.
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    if (e.type === 'entity.parse.failed' || (e.status === 400 && /json/i.test(e.message ?? ''))) {
      return new AppError('MALFORMED_JSON', 'The request body is not valid JSON');
    }
    const code = HTTP_STATUS_CODES[e.status] ?? 'VALIDATION_FAILED';
    return new AppError(code, e.expose && e.message ? e.message : defaultMessage(code), undefined, e.status);
  }
  return new AppError('INTERNAL', 'Something went wrong on our side');
}

function defaultMessage(code: ErrorCode): string {
  return code === 'NOT_FOUND' ? 'Not found' : 'The request was refused';
}
