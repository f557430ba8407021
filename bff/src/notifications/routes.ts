import { z } from 'zod';
import { objectIdSchema } from '@sqtb/shared';
import { defineRoute, type RouteSpec } from '../core/route';
import type { Clock } from '../core/clock';
import { listMessages, markRead } from './service';

const messageSchema = z.object({ id: z.string(), title: z.string(), body: z.string(), link: z.string().optional(), read: z.boolean(), createdAt: z.string() });

export function notificationRoutes(deps: { clock: Clock }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/messages',
      tag: 'notifications',
      summary: 'My in-app messages, newest first',
      access: 'any-user',
      query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
      responses: {
        200: { description: 'Messages', schema: z.object({ items: z.array(messageSchema), total: z.number(), unread: z.number(), page: z.number(), pageSize: z.number() }) },
      },
      handler: async ({ user, query }) => ({ body: await listMessages(user.id, query.page, query.pageSize) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/messages/:id/read',
      tag: 'notifications',
      summary: 'Mark one of my messages read',
      access: 'any-user',
      params: z.object({ id: objectIdSchema }).strict(),
      responses: { 204: { description: 'Marked' } },
      errors: [404],
      handler: async ({ user, params }) => {
        await markRead(user.id, params.id, deps.clock.now());
        return { status: 204 };
      },
    }),
  ];
}
