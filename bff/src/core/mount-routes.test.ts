import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { z } from 'zod';
import { AppError } from './app-error';
import { errorMiddleware } from './error-middleware';
import { mountRoutes } from './mount-routes';
import { defineRoute } from './route';
import type { AuthUser } from '../accounts/auth-user';

/** The access check and input parsing every declared route goes through, over HTTP. */
describe('declared routes', () => {
  let server: Server;
  let base: string;
  const users: Record<string, AuthUser> = {
    cadre: { id: 'u1', role: 'cadre', displayName: 'c', scope: {}, registered: true },
    resident: { id: 'u2', role: 'resident', displayName: 'r', scope: {}, registered: true },
  };
  const handled: string[] = [];

  beforeAll(async () => {
    const router = new Router();
    mountRoutes(
      router,
      [
        defineRoute({
          method: 'post',
          path: '/things/:id',
          tag: 't',
          summary: 'cadres only',
          access: ['cadre', 'district'],
          params: z.object({ id: z.string().regex(/^\d+$/) }),
          body: z.object({ n: z.number().int() }).strict(),
          responses: { 201: { description: 'made' } },
          handler: ({ params, body, user }) => {
            handled.push(params.id);
            return { status: 201, body: { id: params.id, n: body.n, by: user.role } };
          },
        }),
      ],
      async (ctx) => {
        const user = users[ctx.get('x-test-user')];
        if (!user) throw new AppError('UNAUTHENTICATED', 'who are you');
        return user;
      },
    );
    const app = new Koa();
    app.use(errorMiddleware());
    app.use(bodyParser());
    app.use(router.routes());
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (path: string, user: string | undefined, body: unknown) =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(user ? { 'x-test-user': user } : {}) },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  it('lets an allowed role through with parsed input', async () => {
    const response = await post('/things/42', 'cadre', { n: 3 });
    expect(response).toEqual({ status: 201, body: { id: '42', n: 3, by: 'cadre' } });
  });

  it('answers a role that may not act with 403 before the handler runs', async () => {
    const before = handled.length;
    const response = await post('/things/43', 'resident', { n: 3 });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect(handled.length).toBe(before);
  });

  it('answers a missing login with 401', async () => {
    expect((await post('/things/44', undefined, { n: 1 })).status).toBe(401);
  });

  it('refuses bad params and bodies with 400 naming where', async () => {
    const badParam = await post('/things/abc', 'cadre', { n: 1 });
    expect(badParam.status).toBe(400);
    expect(badParam.body.error.details.in).toBe('params');
    const badBody = await post('/things/45', 'cadre', { n: 1.5, $where: 'x' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.details.in).toBe('body');
  });
});
