import {
  desktopTicketConfirmedSchema,
  desktopTicketCreatedSchema,
  desktopTicketParamsSchema,
  desktopTicketPollQuerySchema,
  desktopTicketStatusSchema,
  devAccountsResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  noFieldsSchema,
  phoneCodeRequestSchema,
  phoneMaskedResponseSchema,
} from '@sqtb/shared';
import { AppError } from '../core/app-error';
import type { Clock } from '../core/clock';
import { defineRoute, type RouteSpec } from '../core/route';
import { collectDesktopTicket, confirmDesktopTicket, createDesktopTicket, login, savePhoneFromCode, signOut, type AccountsDeps } from './service';
import { listDevAccounts } from '../dev/seed';

/** Staff sign in on a computer to work from a big screen (exports, the overview); residents use the phone. */
const DESKTOP_ROLES = ['cadre', 'handler', 'district', 'pharmacy', 'enterprise'] as const;

export function accountRoutes(deps: AccountsDeps & { devLogin: boolean; clock: Clock; desktopTokenTtlSeconds: number }): RouteSpec[] {
  const desktop = { tokens: deps.tokens, desktopTokenTtlSeconds: deps.desktopTokenTtlSeconds };
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
      handler: ({ user }) => ({ body: { user: { id: user.id, role: user.role, displayName: user.displayName, scope: user.scope, registered: user.registered } } }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/phone',
      tag: 'accounts',
      summary: 'Keep the phone number WeChat vouches for (the code of a getPhoneNumber button); answers it masked',
      access: 'any-user',
      rateLimit: { name: 'phone', perIp: { limit: 60, windowMs: 60_000 }, perUser: { limit: 10, windowMs: 60_000 } },
      body: phoneCodeRequestSchema,
      responses: { 200: { description: 'Kept', schema: phoneMaskedResponseSchema } },
      errors: [400, 429, 502],
      handler: async ({ user, body }) => ({ body: await savePhoneFromCode(user.id, body.code, deps, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      tag: 'accounts',
      summary: 'Sign out: from a computer, that computer; from the phone, every computer it signed in',
      access: 'any-user',
      body: noFieldsSchema,
      responses: { 204: { description: 'Signed out' } },
      errors: [401],
      handler: async ({ user }) => {
        await signOut(user, deps.clock.now());
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/desktop-tickets',
      tag: 'accounts',
      summary: 'A computer asks for a sign-in ticket (2 minutes, single-use) to show as a QR code',
      access: 'public',
      rateLimit: { name: 'desktop-ticket', perIp: { limit: 10, windowMs: 60_000 } },
      body: noFieldsSchema,
      responses: { 201: { description: 'A ticket', schema: desktopTicketCreatedSchema } },
      errors: [400, 429],
      handler: async () => ({ status: 201, body: await createDesktopTicket(desktop, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/desktop-tickets/:ticket',
      tag: 'accounts',
      summary: "The computer polls its ticket with the collect key it was given: pending, or confirmed with its own token exactly once; then 404",
      access: 'public',
      rateLimit: { name: 'desktop-ticket-poll', perIp: { limit: 120, windowMs: 60_000 } },
      params: desktopTicketParamsSchema,
      query: desktopTicketPollQuerySchema,
      responses: { 200: { description: 'Pending or confirmed', schema: desktopTicketStatusSchema } },
      errors: [400, 404, 429],
      handler: async ({ params, query }) => ({ body: await collectDesktopTicket(params.ticket, query.key, desktop, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/desktop-tickets/:ticket/confirm',
      tag: 'accounts',
      summary: 'A signed-in phone confirms the ticket it scanned: the computer signs in as this user',
      access: DESKTOP_ROLES,
      rateLimit: { name: 'desktop-ticket-confirm', perIp: { limit: 60, windowMs: 60_000 }, perUser: { limit: 20, windowMs: 60_000 } },
      params: desktopTicketParamsSchema,
      responses: { 200: { description: 'Confirmed', schema: desktopTicketConfirmedSchema } },
      errors: [400, 401, 403, 404, 409, 429],
      handler: async ({ user, params }) => {
        await confirmDesktopTicket(params.ticket, user, deps.clock.now());
        return { body: { confirmed: true } };
      },
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
