import { idParamsSchema, messagePageSchema, pageQuerySchema, subscribeTemplatesSchema, subscriptionBalanceSchema, subscriptionReportSchema } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { defineRoute, type RouteSpec } from '../core/route';
import type { Clock } from '../core/clock';
import { listMessages, markRead, recordAcceptances, subscribeTemplates, tellStandInOfAcceptances, type SubscribeTemplateSettings } from './service';

export function notificationRoutes(deps: { clock: Clock; template: SubscribeTemplateSettings; devLogin: boolean; wechatApiBase?: string }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/messages',
      tag: 'notifications',
      summary: 'My in-app messages, newest first, each with what became of its WeChat copy',
      access: 'any-user',
      query: pageQuerySchema,
      responses: { 200: { description: 'Messages', schema: messagePageSchema } },
      handler: async ({ user, query }) => ({ body: await listMessages(user.id, query.page, query.pageSize) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/messages/:id/read',
      tag: 'notifications',
      summary: 'Mark one of my messages read',
      access: 'any-user',
      params: idParamsSchema,
      responses: { 204: { description: 'Marked' } },
      errors: [404],
      handler: async ({ user, params }) => {
        await markRead(user.id, params.id, deps.clock.now());
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/wechat/subscribe-templates',
      tag: 'notifications',
      summary: 'The subscribe-message template ids to pass to requestSubscribeMessage',
      access: 'any-user',
      responses: { 200: { description: 'Template ids', schema: subscribeTemplatesSchema } },
      handler: () => ({ body: subscribeTemplates(deps.template) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/wechat/subscriptions',
      tag: 'notifications',
      summary: 'Report the templates accepted in requestSubscribeMessage: one WeChat message each',
      access: 'any-user',
      rateLimit: { name: 'wechat-subscriptions', perIp: { limit: 120, windowMs: 60_000 }, perUser: { limit: 30, windowMs: 60_000 } },
      body: subscriptionReportSchema,
      responses: { 200: { description: 'Unused acceptances now held', schema: subscriptionBalanceSchema } },
      errors: [400, 429],
      handler: async ({ user, body }) => ({ body: await recordAcceptances(user.id, body.accepted, deps.template) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/dev/wechat-stand-in/subscriptions',
      tag: 'notifications',
      summary: 'Development only: the H5 shell tells the WeChat stand-in what requestSubscribeMessage would tell WeChat (404 in production)',
      access: 'any-user',
      rateLimit: { name: 'wechat-stand-in', perIp: { limit: 120, windowMs: 60_000 }, perUser: { limit: 30, windowMs: 60_000 } },
      body: subscriptionReportSchema,
      responses: { 204: { description: 'Told' } },
      errors: [400, 404, 502],
      handler: async ({ user, body }) => {
        if (!deps.devLogin || !deps.wechatApiBase) throw new AppError('NOT_FOUND', 'Not found');
        await tellStandInOfAcceptances(deps.wechatApiBase, user.id, body.accepted, deps.template);
        return { status: 204 };
      },
    }),
  ];
}
