import { z } from 'zod';

/**
 * WeChat one-time subscribe messages (订阅消息).
 *
 * The mini-program asks with `Taro.requestSubscribeMessage({ tmplIds })`; each template id
 * the user answered `'accept'` for is one acceptance, good for one message. It reports them here.
 */

/** A subscribe-message template id as the admin console shows it. */
export const TEMPLATE_ID_MAX_LENGTH = 64;
export const templateIdSchema = z.string().trim().min(1).max(TEMPLATE_ID_MAX_LENGTH);

/** `wx.requestSubscribeMessage` takes at most 3 template ids at a time. */
export const SUBSCRIBE_TEMPLATES_PER_REQUEST = 3;

/**
 * `POST /api/wechat/subscriptions`: the template ids the user accepted in
 * `requestSubscribeMessage` (those whose answer is `'accept'`). Sent only
 * when at least one was accepted: with none there is nothing to report.
 */
export const subscriptionReportSchema = z
  .object({ accepted: z.array(templateIdSchema).min(1).max(SUBSCRIBE_TEMPLATES_PER_REQUEST) })
  .strict();
export type SubscriptionReport = z.infer<typeof subscriptionReportSchema>;

/** Reply to `POST /api/wechat/subscriptions`: the unused acceptances now held, per template the app uses. */
export const subscriptionBalanceSchema = z.object({
  balances: z.array(z.object({ templateId: z.string(), remaining: z.number().int().nonnegative() })),
});
export type SubscriptionBalance = z.infer<typeof subscriptionBalanceSchema>;

/** `GET /api/wechat/subscribe-templates`: the template ids to pass to `requestSubscribeMessage`. */
export const subscribeTemplatesSchema = z.object({ statusChange: z.string() });
export type SubscribeTemplates = z.infer<typeof subscribeTemplatesSchema>;

/** What became of the WeChat copy of an in-app message. */
export const WECHAT_DELIVERIES = ['sent', 'not-subscribed', 'failed'] as const;
export const wechatDeliverySchema = z.enum(WECHAT_DELIVERIES);
export type WechatDelivery = z.infer<typeof wechatDeliverySchema>;
