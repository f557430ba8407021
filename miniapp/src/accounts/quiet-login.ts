import { isH5 } from '../core/platform';
import { setSessionRenewal } from '../core/request';
import { hasSession } from '../core/session';
import { loginWithWechat } from './login';

/**
 * A lapsed or revoked token, in the mini-program: log in again with a fresh
 * `Taro.login` code, without asking. Only someone still signed in here is
 * renewed (signing out forgets the session); H5 has no `wx.login`, so its
 * sessions end at the login page.
 */
export async function renewQuietly(): Promise<boolean> {
  if (isH5() || !hasSession()) return false;
  await loginWithWechat();
  return true;
}

/** Called once when the app launches: the request layer renews through this. */
export function installQuietLogin(): void {
  setSessionRenewal(renewQuietly);
}
