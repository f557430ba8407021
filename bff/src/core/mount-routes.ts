import type Router from '@koa/router';
import type Koa from 'koa';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from './app-error';
import type { RouteSpec } from './route';
import { parseInput } from './validate';

export type Authenticate = (ctx: Koa.Context) => Promise<AuthUser>;

/** Registers each declared route: check access, parse input, call the handler, shape the reply. */
export function mountRoutes(router: Router, specs: RouteSpec[], authenticate: Authenticate): void {
  for (const spec of specs) {
    router[spec.method](spec.path, async (ctx) => {
      let user = undefined as unknown as AuthUser;
      if (spec.access !== 'public') {
        user = await authenticate(ctx);
        if (spec.access !== 'any-user' && !spec.access.includes(user.role)) {
          throw new AppError('FORBIDDEN', `This action is not open to the role ${user.role}`);
        }
        ctx.state.user = user;
      }
      if (spec.bodyType && !ctx.is(spec.bodyType)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the body with Content-Type: ${spec.bodyType}`);
      const params = parseInput(spec.params, ctx.params, 'params');
      const query = parseInput(spec.query, ctx.query, 'query');
      // An empty POST reads as {} so that steps without fields need no body.
      const body = parseInput(spec.body, (ctx.request as { body?: unknown }).body ?? {}, 'body');
      const result = await spec.handler({ body, query, params, user, ctx });
      ctx.status = result.status ?? 200;
      if (result.headers) ctx.set(result.headers);
      if (result.body !== undefined) ctx.body = result.body;
    });
  }
}
