import Taro from '@tarojs/taro';

const SESSION_KEY = 'sqtb.session';

export interface StoredSession {
  token: string;
  /** ISO date from the login reply. */
  expiresAt: string;
}

export function saveSession(session: StoredSession): void {
  Taro.setStorageSync(SESSION_KEY, session);
}

/** The bearer token, or null when there is none or it has expired. */
export function readToken(now: number = Date.now()): string | null {
  const stored = Taro.getStorageSync(SESSION_KEY) as Partial<StoredSession> | '' | undefined;
  if (!stored || typeof stored.token !== 'string') return null;
  const expiresAt = Date.parse(stored.expiresAt ?? '');
  if (Number.isFinite(expiresAt) && expiresAt <= now) return null;
  return stored.token;
}

/** Whether a session is kept at all, expired or not: someone logged in here and has not signed out. */
export function hasSession(): boolean {
  const stored = Taro.getStorageSync(SESSION_KEY) as Partial<StoredSession> | '' | undefined;
  return !!stored && typeof stored.token === 'string';
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}
