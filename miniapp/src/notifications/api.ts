import type { MessagePage, SubscribeTemplates, SubscriptionBalance, SubscriptionReport } from '@sqtb/shared';
import { request } from '../core/request';

export const fetchMessages = (page: number, pageSize = 20) => request<MessagePage>('/api/messages', { data: { page, pageSize } });

/** 204 on success. */
export const markMessageRead = (id: string) =>
  request<null>(`/api/messages/${encodeURIComponent(id)}/read`, { method: 'POST', data: {} });

/** The subscribe-message template ids to ask for (`requestSubscribeMessage`). */
export const fetchSubscribeTemplates = () => request<SubscribeTemplates>('/api/wechat/subscribe-templates');

/** The template ids the user accepted: each is good for one WeChat message. */
export const reportSubscriptions = (report: SubscriptionReport) =>
  request<SubscriptionBalance>('/api/wechat/subscriptions', { method: 'POST', data: { ...report } });
