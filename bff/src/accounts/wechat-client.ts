import { AppError } from '../core/app-error';
import type { Logger } from '../core/logger';

export interface WechatSession {
  openid: string;
  /** Stays inside the BFF: never logged, never returned. */
  sessionKey: string;
}

export interface WechatClient {
  exchangeCode(code: string): Promise<WechatSession>;
  /** Sends a subscribe message (订阅消息); false when WeChat refused it. */
  sendSubscribeMessage(message: { openid: string; templateId: string; page?: string; data: Record<string, string> }): Promise<boolean>;
}

/**
 * Exchanges a `wx.login` code at WeChat's jscode2session API. WeChat answers
 * HTTP 200 even for a bad code, with an `errcode` in the body.
 */
export function createWechatClient(options: { apiBase: string; appId: string; secret: string; log: Logger }): WechatClient {
  // One access token for the whole app, renewed a little before WeChat expires it.
  let accessToken: { value: string; renewAt: number } | undefined;
  const getAccessToken = async (): Promise<string | undefined> => {
    if (accessToken && accessToken.renewAt > Date.now()) return accessToken.value;
    const url = new URL('/cgi-bin/token', options.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: options.appId, secret: options.secret }).toString();
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) {
      options.log.warn({ errcode: body.errcode }, 'WeChat refused an access token');
      return undefined;
    }
    accessToken = { value: body.access_token, renewAt: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
    return accessToken.value;
  };

  return {
    async sendSubscribeMessage(message) {
      try {
        const token = await getAccessToken();
        if (!token) return false;
        const url = new URL('/cgi-bin/message/subscribe/send', options.apiBase);
        url.search = new URLSearchParams({ access_token: token }).toString();
        const data = Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v }]));
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ touser: message.openid, template_id: message.templateId, page: message.page, data }),
          signal: AbortSignal.timeout(5000),
        });
        const body = (await response.json()) as { errcode?: number };
        if (body.errcode === 40001) accessToken = undefined;
        if (body.errcode) options.log.info({ errcode: body.errcode }, 'WeChat refused a subscribe message');
        return !body.errcode;
      } catch (err) {
        options.log.warn({ err: (err as Error).message }, 'WeChat subscribe message not sent');
        return false;
      }
    },

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
