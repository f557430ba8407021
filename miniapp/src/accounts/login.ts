import Taro from '@tarojs/taro';
import type { LoginResponse } from '@sqtb/shared';
import { ApiError } from '../core/api-error';
import { saveSession } from '../core/session';
import { postLogin } from './api';

/** The login code the BFF accepts for a seeded account in development. */
export const devLoginCode = (openid: string) => `dev:${openid}`;

/** Exchange a login code for a session and keep its token for later requests. */
export async function loginWithCode(code: string): Promise<LoginResponse> {
  const reply = await postLogin(code);
  saveSession({ token: reply.token, expiresAt: reply.expiresAt });
  return reply;
}

/** The mini-program path: ask WeChat for a one-time code, then log in with it. */
export async function loginWithWechat(): Promise<LoginResponse> {
  let code: string | undefined;
  try {
    code = (await Taro.login()).code;
  } catch {
    code = undefined;
  }
  if (!code) throw new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请稍后重试');
  return loginWithCode(code);
}
