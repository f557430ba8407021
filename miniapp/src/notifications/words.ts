import type { WechatDelivery } from '@sqtb/shared';

/** What became of a message's WeChat copy, as its card says it. */
export const WECHAT_DELIVERY_WORDS: Record<WechatDelivery, string> = {
  sent: '已同时发送微信通知',
  'not-subscribed': '未发微信通知：未订阅',
  failed: '微信通知发送失败',
};
