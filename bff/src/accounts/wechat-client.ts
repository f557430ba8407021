import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AppError } from '../core/app-error';
import type { Logger } from '../core/logger';
import { WechatAccessToken } from './wechat-token.model';
import { isDuplicateKey } from '../db/duplicate-key';

export interface WechatSession {
  openid: string;
  /** Stays inside the BFF: never logged, never returned. */
  sessionKey: string;
}

/** What became of a subscribe message at WeChat (`WechatDelivery` in shared). */
export interface SubscribeSendResult {
  outcome: 'sent' | 'not-subscribed' | 'failed';
  /** WeChat's errcode when it answered with one (43101, 47003, …); absent when it did not answer. */
  errcode?: number;
  /** WeChat was asked but its answer was lost (a timeout, a dropped connection): the message may have gone. */
  uncertain?: true;
}

export interface SubscribeMessageInput {
  openid: string;
  templateId: string;
  page?: string;
  data: Record<string, string>;
}

export interface WechatClient {
  exchangeCode(code: string): Promise<WechatSession>;
  /**
   * Sends a one-time subscribe message (订阅消息). `not-subscribed`: WeChat
   * answered 43101 (the user holds no acceptance of the template); `failed`:
   * any other refusal, or WeChat not reached. Never throws.
   */
  sendSubscribeMessage(message: SubscribeMessageInput): Promise<SubscribeSendResult>;
  /**
   * Exchanges the code of a `getPhoneNumber` button for the user's number.
   * A code WeChat refuses is `PHONE_CODE_INVALID`; WeChat not reached is `UPSTREAM_UNAVAILABLE`.
   */
  phoneNumber(code: string): Promise<{ phone: string; countryCode: string }>;
}

/** A token is refreshed this long before WeChat expires it; until then every instance reuses it. */
const RENEW_BEFORE_MS = 5 * 60_000;
/** A token this close to its expiry is no longer handed out, even while another instance refreshes it. */
const STILL_GOOD_MARGIN_MS = 30_000;
/** How long one instance may take to fetch and store a new token (the fetch itself times out at 5 s). */
const LEASE_MS = 15_000;
/** How long an instance waits for another's refresh when it has no token to use meanwhile. */
const WAIT_FOR_REFRESH_MS = 8_000;
const POLL_MS = 150;

/** WeChat's answers to a request made with a bad or expired access token. */
const TOKEN_REFUSED = new Set([40001, 42001]);
/** WeChat's answer to a subscribe message the user holds no acceptance for. */
const NOT_SUBSCRIBED = 43101;

interface AccessToken {
  value: string;
  /** When WeChat stops accepting it (ms). */
  expiresAt: number;
}

/**
 * Talks to the WeChat open API. WeChat answers HTTP 200 even for a bad code,
 * with an `errcode` in the body.
 *
 * The access token (for subscribe messages) is shared by every instance
 * through the database (wechat-token.model.ts): read from there, refreshed by
 * one instance under a lease 5 minutes before it expires while the others keep
 * using the stored one, dropped when WeChat refuses it. When the database does
 * not answer, this instance fetches and keeps its own meanwhile. The token is
 * never logged.
 */
export function createWechatClient(options: {
  apiBase: string;
  appId: string;
  secret: string;
  log: Logger;
  /** The real clock unless a test moves it (ms). Token expiry is judged by it. */
  now?: () => number;
  /** Names this instance on the lease, for people reading the collection. */
  instance?: string;
}): WechatClient {
  const { appId, log } = options;
  const now = options.now ?? Date.now;
  const owner = options.instance ?? `${hostname()}:${process.pid}`;
  const fresh = (t: AccessToken) => now() < t.expiresAt - RENEW_BEFORE_MS;
  const alive = (t: AccessToken) => now() < t.expiresAt - STILL_GOOD_MARGIN_MS;
  let cached: AccessToken | undefined;
  let pending: Promise<string | undefined> | undefined;

  const fetchToken = async (): Promise<AccessToken | undefined> => {
    const url = new URL('/cgi-bin/token', options.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: options.secret }).toString();
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token) {
      log.warn({ errcode: body.errcode }, 'WeChat refused an access token');
      return undefined;
    }
    return { value: body.access_token, expiresAt: now() + (body.expires_in ?? 7200) * 1000 };
  };

  /**
   * Takes the refresh lease when it is free (released or run out) and the
   * stored token is due (missing, refused, or within 5 minutes of expiry): one
   * conditional update, so of several instances finding the token due, one
   * fetches. Returns the lease id of this take, or null.
   */
  const takeLease = async (): Promise<string | null> => {
    const leaseId = randomUUID();
    const at = now();
    try {
      const taken = await WechatAccessToken.findOneAndUpdate(
        {
          appId,
          $and: [
            { $or: [{ leaseUntil: { $lte: new Date(at) } }, { leaseId: { $exists: false } }] },
            { $or: [{ expiresAt: { $lte: new Date(at + RENEW_BEFORE_MS) } }, { token: { $exists: false } }] },
          ],
        },
        { $set: { leaseId, leaseOwner: owner, leaseUntil: new Date(at + LEASE_MS) } },
        { upsert: true, new: true, lean: true },
      );
      return taken?.leaseId === leaseId ? leaseId : null;
    } catch (err) {
      // The document exists and is not ours to refresh: the upsert's insert hit the unique appId.
      if (isDuplicateKey(err)) return null;
      throw err;
    }
  };

  const refreshUnderLease = async (leaseId: string, stored: AccessToken | undefined): Promise<AccessToken | undefined> => {
    let token: AccessToken | undefined;
    try {
      token = await fetchToken();
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'WeChat access token not fetched');
    }
    if (!token) {
      // Let another instance (or the next message) try; the stored token serves while it is good.
      await WechatAccessToken.updateOne({ appId, leaseId }, { $set: { leaseUntil: new Date(now()) }, $unset: { leaseId: 1 } });
      return stored && alive(stored) ? stored : undefined;
    }
    const saved = await WechatAccessToken.updateOne(
      { appId, leaseId },
      { $set: { token: token.value, expiresAt: new Date(token.expiresAt), refreshedAt: new Date(now()), leaseUntil: new Date(now()) }, $unset: { leaseId: 1 } },
    ).catch((err: Error) => {
      // Fetched but not stored: use it here rather than fetch again; the lease runs out and another instance refreshes.
      log.warn({ appId, err: err.name }, 'a new WeChat access token was not stored'); // the name only: a write error could quote the document
      return { matchedCount: -1 };
    });
    if (saved.matchedCount === -1) return token;
    if (saved.matchedCount === 1) log.info({ appId, expiresAt: new Date(token.expiresAt).toISOString() }, 'WeChat access token refreshed and shared');
    else log.warn({ appId }, 'the WeChat access-token lease ran out before the new token was stored; this instance uses it alone');
    return token;
  };

  /** The stored token when it is fresh; else a refresh by this instance or, while another refreshes, the stored one. */
  const sharedToken = async (): Promise<AccessToken | undefined> => {
    const deadline = Date.now() + WAIT_FOR_REFRESH_MS;
    for (;;) {
      const stored = await WechatAccessToken.findOne({ appId }).lean();
      const storedToken = stored?.token && stored.expiresAt ? { value: stored.token, expiresAt: new Date(stored.expiresAt).getTime() } : undefined;
      if (storedToken && fresh(storedToken)) return storedToken;
      const leaseId = await takeLease();
      if (leaseId) return refreshUnderLease(leaseId, storedToken);
      // Another instance is fetching a new one: the stored token, refreshed early for this, serves meanwhile.
      if (storedToken && alive(storedToken)) return storedToken;
      if (Date.now() >= deadline) {
        log.warn({ appId }, 'no WeChat access token: another instance holds the refresh lease and has stored none');
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const getAccessToken = (): Promise<string | undefined> => {
    if (cached && fresh(cached)) return Promise.resolve(cached.value);
    // One look-up at a time in this instance; concurrent messages share it.
    pending ??= (async () => {
      try {
        const token = await sharedToken();
        if (token) cached = token;
        return token?.value;
      } catch (err) {
        log.warn({ err: (err as Error).message }, "the shared WeChat access token could not be read; this instance uses its own until the database answers");
        if (cached && alive(cached)) return cached.value;
        const token = await fetchToken();
        if (token) cached = token;
        return token?.value;
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };

  /** WeChat refused this token: nobody uses it again, and the next look-up refreshes it. */
  const dropToken = async (value: string) => {
    if (cached?.value === value) cached = undefined;
    await WechatAccessToken.updateOne({ appId, token: value }, { $set: { expiresAt: new Date(0) } }).catch(() => undefined);
  };

  /** One POST to the open API with the access token; WeChat answers HTTP 200 with an errcode in the body. */
  const post = async <T extends { errcode?: number }>(path: string, token: string, body: unknown): Promise<T> => {
    const url = new URL(path, options.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return (await response.json()) as T;
  };

  /**
   * A call made with the access token: when WeChat refuses the token (40001,
   * 42001) it is dropped and the call made once more with a new one, which is
   * safe because a refused call did nothing. Undefined when no token can be had.
   */
  const withToken = async <T extends { errcode?: number }>(path: string, body: unknown): Promise<T | undefined> => {
    for (let attempt = 0; ; attempt++) {
      const token = await getAccessToken();
      if (!token) return undefined;
      const answer = await post<T>(path, token, body);
      if (answer.errcode && TOKEN_REFUSED.has(answer.errcode)) {
        await dropToken(token);
        if (attempt === 0) continue;
      }
      return answer;
    }
  };

  return {
    async sendSubscribeMessage(message) {
      const data = Object.fromEntries(Object.entries(message.data).map(([k, v]) => [k, { value: v }]));
      try {
        const answer = await withToken<{ errcode?: number }>('/cgi-bin/message/subscribe/send', { touser: message.openid, template_id: message.templateId, page: message.page, data });
        if (!answer) return { outcome: 'failed' };
        if (!answer.errcode) return { outcome: 'sent' };
        log.info({ errcode: answer.errcode }, 'WeChat refused a subscribe message');
        return { outcome: answer.errcode === NOT_SUBSCRIBED ? 'not-subscribed' : 'failed', errcode: answer.errcode };
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'WeChat subscribe message not sent');
        return { outcome: 'failed', uncertain: true };
      }
    },

    async phoneNumber(code) {
      let answer: { errcode?: number; phone_info?: { purePhoneNumber?: string; countryCode?: string } } | undefined;
      try {
        answer = await withToken('/wxa/business/getuserphonenumber', { code });
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'WeChat getuserphonenumber unreachable');
        throw new AppError('UPSTREAM_UNAVAILABLE', 'WeChat is not reachable right now; try again shortly');
      }
      if (!answer) throw new AppError('UPSTREAM_UNAVAILABLE', 'WeChat is not reachable right now; try again shortly');
      const number = answer.phone_info?.purePhoneNumber;
      if (answer.errcode || !number) {
        log.info({ errcode: answer.errcode }, 'WeChat refused a phone code');
        if (answer.errcode && TOKEN_REFUSED.has(answer.errcode)) throw new AppError('UPSTREAM_UNAVAILABLE', 'WeChat refused our credentials; try again shortly');
        throw new AppError('PHONE_CODE_INVALID', 'WeChat refused the phone code: it is used, expired or not one WeChat gave', { errcode: answer.errcode });
      }
      return { phone: number, countryCode: answer.phone_info?.countryCode ?? '86' };
    },

    async exchangeCode(code) {
      const url = new URL('/sns/jscode2session', options.apiBase);
      url.search = new URLSearchParams({ appid: appId, secret: options.secret, js_code: code, grant_type: 'authorization_code' }).toString();
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
