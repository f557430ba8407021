import type Router from '@koa/router';
import type Koa from 'koa';
import { noFieldsSchema } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from './app-error';
import { idempotencyKeyOf, requestHash, runOnce } from './idempotency';
import type { Logger } from './logger';
import type { RouteSpec } from './route';
import { RateLimiter, rateLimited, type RateLimit } from './rate-limit';
import { parseInput } from './validate';

export type Authenticate = (ctx: Koa.Context) => Promise<AuthUser>;

/**
 * Registers each declared route: check access, parse input, call the handler
 * (once per Idempotency-Key on an idempotent route), shape the reply.
 */
export function mountRoutes(router: Router, specs: RouteSpec[], authenticate: Authenticate, limits: { limiter: RateLimiter; factor: number } = { limiter: new RateLimiter({ store: 'memory' }), factor: 1 }): void {
  for (const spec of specs) {
    if (spec.idempotent && spec.access === 'public') throw new Error(`${spec.method} ${spec.path}: an idempotent route needs a user to key its Idempotency-Key by`);
    const scale = (r: RateLimit) => ({ limit: Math.max(1, Math.round(r.limit * limits.factor)), windowMs: r.windowMs });
    const limit = spec.rateLimit && rateLimited(limits.limiter, spec.rateLimit.name, scale(spec.rateLimit.perIp), scale(spec.rateLimit.perUser ?? spec.rateLimit.perIp));
    router[spec.method](spec.path, async (ctx) => {
      let user = undefined as unknown as AuthUser;
      if (spec.access !== 'public') {
        user = await authenticate(ctx);
        if (spec.access !== 'any-user' && !spec.access.includes(user.role)) {
          throw new AppError('FORBIDDEN', `This action is not open to the role ${user.role}`);
        }
        ctx.state.user = user;
      }
      await limit?.(ctx, spec.access === 'public' ? undefined : user.id);
      spec.credential?.(ctx);
      const idempotencyKey = spec.idempotent ? idempotencyKeyOf(ctx) : undefined;
      const hasBody = Number(ctx.get('content-length') || 0) > 0 || !!ctx.get('transfer-encoding');
      const accepted = spec.bodyType ? [spec.bodyType] : ['json', 'urlencoded'];
      // A body the parser does not read must not pass as an empty one.
      if ((spec.bodyType || hasBody) && spec.body && !ctx.is(accepted)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body as ${spec.bodyType ?? 'application/json'}`);
      }
      const params = parseInput(spec.params, ctx.params, 'params');
      // A route that takes no query string says so: unknown parameters are refused, not ignored.
      const query = spec.query ? parseInput(spec.query, ctx.query, 'query') : parseInput(noFieldsSchema, ctx.query, 'query');
      // An empty POST reads as {} so that steps without fields need no body.
      const body = parseInput(spec.body, (ctx.request as { body?: unknown }).body ?? {}, 'body');
      const run = () => spec.handler({ body, query, params, user, ctx });
      const { result, replayed } = idempotencyKey
        ? await runOnce({ userId: user.id, key: idempotencyKey, route: `${spec.method.toUpperCase()} ${spec.path}`, requestHash: requestHash(ctx.method, ctx.path, { params, query, body }) }, run, {
            onStoreError: (err) => (ctx.state.log as Logger | undefined)?.error({ err }, 'the reply to an Idempotency-Key was not stored; repeats will get 409 until it expires'),
          })
        : { result: await run(), replayed: false };
      if (replayed) ctx.set('Idempotent-Replayed', 'true');
      ctx.status = result.status ?? 200;
      if (result.headers) ctx.set(result.headers);
      if (result.body !== undefined) ctx.body = result.body;
    });
  }
}
