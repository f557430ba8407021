import Taro from '@tarojs/taro';
import type { ApiError } from '../core/api-error';
import { ROUTES } from '../core/routes';
import { clearSession, readToken } from '../core/session';
import { postSignOut } from './api';

/** Forget the session and restart at the login page (no way back). */
export function backToLogin(): void {
  clearSession();
  void Taro.reLaunch({ url: ROUTES.login });
}

/** A 401 means the token is missing, expired or revoked: only a new login helps. */
export function leaveIfUnauthenticated(error: ApiError): void {
  if (error.status === 401) backToLogin();
}

/**
 * Logout asks first: it is one tap away from the profile's main content. The
 * BFF is told, so the computers this phone signed in are signed out with it;
 * offline, the phone forgets its session all the same.
 */
export async function confirmSignOut(): Promise<void> {
  const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出当前账号吗？' });
  if (!confirm) return;
  if (readToken()) await postSignOut().catch(() => undefined);
  backToLogin();
}
