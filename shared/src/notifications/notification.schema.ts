import { z } from 'zod';
import { pagedReplySchema } from '../core/pagination.schema';
import { wechatDeliverySchema } from './subscription.schema';

/** One in-app message (站内信), and what became of its WeChat subscribe-message copy. */
export const messageViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().optional(),
  read: z.boolean(),
  createdAt: z.string(),
  wechat: wechatDeliverySchema,
});
export type MessageView = z.infer<typeof messageViewSchema>;

/** `GET /api/messages?page=&pageSize=`: newest first, with how many of all are unread. */
export const messagePageSchema = pagedReplySchema(messageViewSchema).extend({ unread: z.number() });
export type MessagePage = z.infer<typeof messagePageSchema>;
