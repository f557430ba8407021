import { idParamsSchema, messagePageSchema, pageQuerySchema } from '@sqtb/shared';
import { defineRoute, type RouteSpec } from '../core/route';
import type { Clock } from '../core/clock';
import { listMessages, markRead } from './service';

export function notificationRoutes(deps: { clock: Clock }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/messages',
      tag: 'notifications',
      summary: 'My in-app messages, newest first',
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
  ];
}
