import type Koa from 'koa';
import { AppError } from './app-error';

/**
 * Graceful shutdown at the request level: once draining starts, a request that
 * arrives is refused with 503 (and the connection closed), while the requests
 * already being handled run to the end. `drain()` resolves when none is left.
 */
export function createDrain() {
  let draining = false;
  let active = 0;
  let idle: (() => void) | undefined;

  const middleware: Koa.Middleware = async (ctx, next) => {
    if (draining) {
      ctx.set('Connection', 'close');
      throw new AppError('SHUTTING_DOWN', 'This server is shutting down; try again');
    }
    active += 1;
    try {
      await next();
    } finally {
      active -= 1;
      if (draining && active === 0) idle?.();
    }
  };

  const drain = () =>
    new Promise<void>((resolve) => {
      draining = true;
      if (active === 0) resolve();
      else idle = resolve;
    });

  return { middleware, drain };
}
