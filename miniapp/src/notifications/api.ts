import type { MessagePage } from '@sqtb/shared';
import { request } from '../core/request';

export const fetchMessages = (page: number, pageSize = 20) => request<MessagePage>('/api/messages', { data: { page, pageSize } });

/** 204 on success. */
export const markMessageRead = (id: string) =>
  request<null>(`/api/messages/${encodeURIComponent(id)}/read`, { method: 'POST', data: {} });
