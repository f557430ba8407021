import { AppError } from '../core/app-error';
import type { Logger } from '../core/logger';

export interface WechatSession {
  openid: string;
  /** Stays inside the BFF: never logged, never returned. */
  sessionKey: string;
}

export interface WechatClient {
  exchangeCode(code: string): Promise<WechatSession>;
}

/**
 * Exchanges a `wx.login` code at WeChat's jscode2session API. WeChat answers
 * HTTP 200 even for a bad code, with an `errcode` in the body.
 */
export function createWechatClient(options: { apiBase: string; appId: string; secret: string; log: Logger }): WechatClient {
  return {
    async exchangeCode(code) {
      const url = new URL('/sns/jscode2session', options.apiBase);
      url.search = new URLSearchParams({ appid: options.appId, secret: options.secret, js_code: code, grant_type: 'authorization_code' }).toString();
      let body: { openid?: string; session_key?: string; errcode?: number; errmsg?: string };
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
        body = (await response.json()) as typeof body;
      } catch (err) {
        options.log.warn({ err: (err as Error).message }, 'WeChat jscode2session unreachable');
        throw new AppError('UPSTREAM_UNAVAILABLE', 'WeChat login is not reachable right now; try again shortly');
      }
      if (body.errcode || !body.openid || !body.session_key) {
        options.log.info({ errcode: body.errcode }, 'WeChat refused a login code');
        throw new AppError('WECHAT_LOGIN_FAILED', 'The WeChat login code is invalid or expired; log in again', { errcode: body.errcode });
      }
      return { openid: body.openid, sessionKey: body.session_key };
    },
  };
}
