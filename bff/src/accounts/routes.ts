import { devAccountsResponseSchema, loginRequestSchema, loginResponseSchema, meResponseSchema } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { defineRoute, type RouteSpec } from '../core/route';
import { login, type AccountsDeps } from './service';
import { listDevAccounts } from '../dev/seed';

export function accountRoutes(deps: AccountsDeps & { devLogin: boolean }): RouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      tag: 'accounts',
      summary: 'Log in with a wx.login code: the BFF exchanges it at WeChat and returns a token',
      access: 'public',
      rateLimit: { name: 'login', perIp: { limit: 60, windowMs: 60_000 } },
      body: loginRequestSchema,
      responses: { 200: { description: 'Logged in', schema: loginResponseSchema } },
      errors: [400, 401, 502],
      handler: async ({ body }) => ({ body: await login(body.code, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/me',
      tag: 'accounts',
      summary: 'The current user with role and scope',
      access: 'any-user',
      responses: { 200: { description: 'The current user', schema: meResponseSchema } },
      errors: [401],
      handler: ({ user }) => ({ body: { user } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/dev-accounts',
      tag: 'accounts',
      summary: 'Development only: the seeded accounts the H5 login page offers (404 in production)',
      access: 'public',
      responses: { 200: { description: 'Seeded accounts', schema: devAccountsResponseSchema } },
      errors: [404],
      handler: () => {
        if (!deps.devLogin) throw new AppError('NOT_FOUND', 'Not found');
        return { body: { accounts: listDevAccounts() } };
      },
    }),
  ];
}
