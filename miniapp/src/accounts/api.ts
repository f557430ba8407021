import type {
  DesktopTicketConfirmed,
  DesktopTicketCreated,
  DesktopTicketStatus,
  DevAccount,
  DevAccountsResponse,
  LoginResponse,
  MeResponse,
  PhoneMaskedResponse,
  User,
} from '@sqtb/shared';
import { request } from '../core/request';

export const postLogin = (code: string) =>
  request<LoginResponse>('/api/auth/login', { method: 'POST', data: { code } });

export const fetchMe = async (): Promise<User> => (await request<MeResponse>('/api/me')).user;

/** Seeded accounts; the BFF answers 404 outside development. */
export const fetchDevAccounts = async (): Promise<DevAccount[]> => (await request<DevAccountsResponse>('/api/auth/dev-accounts')).accounts;

/**
 * End this session at the BFF: on a computer, that computer; on the phone, also
 * every computer it signed in (204).
 */
export const postSignOut = () => request<null>('/api/auth/sign-out', { method: 'POST', data: {} });

/** The code of a `getPhoneNumber` button: the BFF keeps the number and answers it masked. */
export const postPhoneCode = (code: string) => request<PhoneMaskedResponse>('/api/me/phone', { method: 'POST', data: { code } });

const ticketPath = (ticket: string) => `/api/auth/desktop-tickets/${encodeURIComponent(ticket)}`;

/** A computer asks for a sign-in ticket (no token): its QR code carries it. */
export const createDesktopTicket = () => request<DesktopTicketCreated>('/api/auth/desktop-tickets', { method: 'POST', data: {} });

/** The computer polls with its collect key: pending, then confirmed with its own session exactly once, then 404. */
export const fetchDesktopTicket = (ticket: Pick<DesktopTicketCreated, 'ticket' | 'collectKey'>) =>
  request<DesktopTicketStatus>(ticketPath(ticket.ticket), { data: { key: ticket.collectKey } });

/** The phone that scanned the ticket signs the computer in as its own user. */
export const confirmDesktopTicket = (ticket: string) =>
  request<DesktopTicketConfirmed>(`${ticketPath(ticket)}/confirm`, { method: 'POST', data: {} });
