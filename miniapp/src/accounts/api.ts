import type { DevAccount, DevAccountsResponse, LoginResponse, MeResponse, User } from '@sqtb/shared';
import { request } from '../core/request';

export const postLogin = (code: string) =>
  request<LoginResponse>('/api/auth/login', { method: 'POST', data: { code } });

export const fetchMe = async (): Promise<User> => (await request<MeResponse>('/api/me')).user;

/** Seeded accounts; the BFF answers 404 outside development. */
export const fetchDevAccounts = async (): Promise<DevAccount[]> => (await request<DevAccountsResponse>('/api/auth/dev-accounts')).accounts;
