import { request } from '../core/request';

/**
 * An in-app message. The BFF declares its schema in bff/src/notifications/routes.ts,
 * not in shared/, so the type is written out here to match it.
 */
export interface Message {
  id: string;
  title: string;
  body: string;
  /** A page path in the mini-program, e.g. a complaint's detail page. */
  link?: string;
  read: boolean;
  createdAt: string;
}

export interface MessagePage {
  items: Message[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export const fetchMessages = (page: number, pageSize = 20) => request<MessagePage>('/api/messages', { data: { page, pageSize } });

/** 204 on success. */
export const markMessageRead = (id: string) =>
  request<null>(`/api/messages/${encodeURIComponent(id)}/read`, { method: 'POST', data: {} });
