import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { checkTemplateData, DEV_STATUS_TEMPLATE, type SubscribeTemplate } from './subscribe-keywords';

/**
 * A stand-in for the WeChat open API (api.weixin.qq.com), the one outside
 * system this product talks to, as strict as WeChat where the product meets it:
 *
 * - `GET /sns/jscode2session`: a code `dev:<openid>` resolves to that openid;
 *   any other code gets WeChat's invalid-code answer (errcode 40029, HTTP 200).
 * - `GET /cgi-bin/token`: an access token that expires after `expires_in`
 *   seconds. Fetching a new one replaces the previous, which WeChat keeps
 *   accepting for 5 minutes more. A request with an unknown, expired or
 *   replaced token answers 40001 (WeChat may also say 42001 for an expired
 *   one; the BFF treats the two alike).
 * - `POST /cgi-bin/message/subscribe/send`: a one-time subscribe message goes
 *   only against an unused acceptance of that template by that user, and uses
 *   it up; without one, 43101. Data is checked against the template's keywords
 *   and their types (subscribe-keywords.ts); a bad value is 47003.
 * - `POST /wxa/business/getuserphonenumber`: a phone code `dev-phone:<number>`
 *   resolves to that number in WeChat's `phone_info` shape; anything else 40029.
 *
 * Acceptances are what `wx.requestSubscribeMessage` tells WeChat on the phone.
 * Here a test, or the H5 shell through the BFF's development bridge, reports
 * them at `POST /__stand-in/subscriptions` `{ openid, accepted: [templateId] }`
 * (or calls `accept()`), as the client would learn them.
 */
export interface WechatMock {
  baseUrl: string;
  /** Requests seen, newest last, for tests that check what the BFF sent. */
  calls: Array<{ path: string; appid: string | null; grantType: string | null }>;
  /** Subscribe messages delivered (each used up one acceptance), newest last. */
  subscribeMessages: SubscribeMessage[];
  /** Every send, delivered or refused, with WeChat's errcode (0: delivered), newest last. */
  sendAttempts: Array<{ message: SubscribeMessage; errcode: number }>;
  /** The templates this stand-in knows, by id. */
  templates: Map<string, SubscribeTemplate>;
  /** Records `times` acceptances of a template by a user, as `requestSubscribeMessage` would. */
  accept(openid: string, templateId?: string, times?: number): void;
  /** Unused acceptances of a template by a user. */
  acceptances(openid: string, templateId?: string): number;
  /** Moves the stand-in's clock (token expiry) forward. */
  advanceClock(ms: number): void;
  /** The stand-in's clock (ms). */
  now(): number;
  /** Makes every access token issued so far expired, as if `expires_in` had passed. */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

export interface WechatMockOptions {
  port?: number;
  host?: string;
  /** The templates the admin console would show; the demo's status-change template unless given. */
  templates?: SubscribeTemplate[];
  /** `expires_in` of the access tokens it issues (WeChat: 7200). */
  accessTokenTtlSeconds?: number;
}

export const DEV_CODE_PREFIX = 'dev:';
/** A phone code the stand-in resolves: `dev-phone:13800138000`. */
export const DEV_PHONE_CODE_PREFIX = 'dev-phone:';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

const ACCESS_TOKEN_TTL_SECONDS = 7200;
/** How long WeChat keeps accepting the previous access token after a new one is fetched. */
const REPLACED_TOKEN_GRACE_MS = 5 * 60_000;

export function jscode2session(code: string | null): Record<string, unknown> {
  if (code && code.startsWith(DEV_CODE_PREFIX) && code.length > DEV_CODE_PREFIX.length) {
    const openid = code.slice(DEV_CODE_PREFIX.length);
    // A stable, fake session key: the BFF must never hand it on.
    const sessionKey = createHash('sha256').update(`session:${openid}`).digest('base64').slice(0, 24);
    return { openid, session_key: sessionKey };
  }
  return { errcode: 40029, errmsg: 'invalid code, rid: mock' };
}

/** WeChat's answer to `getuserphonenumber` for a code, given the app it was asked for and the time. */
export function userPhoneNumber(code: unknown, appid: string, nowMs: number): Record<string, unknown> {
  const match = typeof code === 'string' ? /^dev-phone:(\+?\d{5,15})$/.exec(code) : null;
  if (!match) return { errcode: 40029, errmsg: 'invalid code, rid: mock' };
  const number = match[1].replace(/^\+?86(?=1\d{10}$)/, '');
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: { phoneNumber: number, purePhoneNumber: number, countryCode: '86', watermark: { timestamp: Math.floor(nowMs / 1000), appid } },
  };
}

interface IssuedToken {
  appid: string;
  expiresAt: number;
  /** When a newer token for the same app replaced it. */
  replacedAt?: number;
}

export function startWechatMock(options: WechatMockOptions | number = {}, hostArg?: string): Promise<WechatMock> {
  const opts: WechatMockOptions = typeof options === 'number' ? { port: options, host: hostArg } : options;
  const host = opts.host ?? '127.0.0.1';
  const ttlSeconds = opts.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
  const templates = new Map((opts.templates ?? [DEV_STATUS_TEMPLATE]).map((t) => [t.id, t]));
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;

  const calls: WechatMock['calls'] = [];
  const subscribeMessages: SubscribeMessage[] = [];
  const sendAttempts: WechatMock['sendAttempts'] = [];
  const tokens = new Map<string, IssuedToken>();
  const currentToken = new Map<string, string>();
  let issued = 0;
  const acceptances = new Map<string, number>();
  const acceptanceKey = (openid: string, templateId: string) => `${openid}\n${templateId}`;

  /** The app a token was issued to, or the errcode WeChat answers for it. */
  const checkToken = (token: string | null): { appid: string } | { errcode: number; errmsg: string } => {
    const t = token ? tokens.get(token) : undefined;
    if (!t) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest, rid: mock' };
    if (now() >= t.expiresAt) return { errcode: 40001, errmsg: 'invalid credential, access_token expired, rid: mock' };
    if (t.replacedAt !== undefined && now() >= t.replacedAt + REPLACED_TOKEN_GRACE_MS) return { errcode: 40001, errmsg: 'invalid credential, access_token is not latest, rid: mock' };
    return { appid: t.appid };
  };

  const reply = (res: http.ServerResponse, body: Record<string, unknown>) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readJson = (req: http.IncomingMessage): Promise<unknown> =>
    new Promise((resolve) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        try {
          resolve(JSON.parse(raw));
        } catch {
          resolve(undefined);
        }
      });
    });

  const send = (message: SubscribeMessage): Record<string, unknown> => {
    if (typeof message.touser !== 'string' || !message.touser) return { errcode: 40003, errmsg: 'invalid openid, rid: mock' };
    const template = typeof message.template_id === 'string' ? templates.get(message.template_id) : undefined;
    if (!template) return { errcode: 40037, errmsg: 'invalid template id, rid: mock' };
    if (message.page !== undefined && (typeof message.page !== 'string' || message.page.startsWith('/'))) return { errcode: 41030, errmsg: 'invalid page, rid: mock' };
    const invalid = checkTemplateData(template, message.data);
    if (invalid) return { errcode: 47003, errmsg: `${invalid}, rid: mock` };
    const key = acceptanceKey(message.touser, template.id);
    const left = acceptances.get(key) ?? 0;
    if (left <= 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg, rid: mock' };
    acceptances.set(key, left - 1);
    subscribeMessages.push(message);
    return { errcode: 0, errmsg: 'ok', msgid: subscribeMessages.length };
  };

  const accept = (openid: string, templateId = DEV_STATUS_TEMPLATE.id, times = 1) => {
    const key = acceptanceKey(openid, templateId);
    acceptances.set(key, (acceptances.get(key) ?? 0) + times);
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    calls.push({ path: url.pathname, appid: url.searchParams.get('appid'), grantType: url.searchParams.get('grant_type') });
    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      return reply(
        res,
        url.searchParams.get('grant_type') === 'authorization_code'
          ? jscode2session(url.searchParams.get('js_code'))
          : { errcode: 40002, errmsg: 'invalid grant_type' },
      );
    }
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      const appid = url.searchParams.get('appid');
      if (url.searchParams.get('grant_type') !== 'client_credential' || !appid || !url.searchParams.get('secret')) {
        return reply(res, { errcode: 40013, errmsg: 'invalid appid' });
      }
      const token = `mock-access-token-${++issued}`;
      const previous = currentToken.get(appid);
      if (previous) tokens.get(previous)!.replacedAt ??= now();
      tokens.set(token, { appid, expiresAt: now() + ttlSeconds * 1000 });
      currentToken.set(appid, token);
      return reply(res, { access_token: token, expires_in: ttlSeconds });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      const body = await readJson(req);
      const token = checkToken(url.searchParams.get('access_token'));
      const message = body as SubscribeMessage;
      const answer = 'errcode' in token ? token : typeof body !== 'object' || body === null ? { errcode: 47001, errmsg: 'data format error' } : send(message);
      sendAttempts.push({ message, errcode: answer.errcode as number });
      return reply(res, answer);
    }
    if (req.method === 'POST' && url.pathname === '/wxa/business/getuserphonenumber') {
      const body = (await readJson(req)) as { code?: unknown } | undefined;
      const token = checkToken(url.searchParams.get('access_token'));
      if ('errcode' in token) return reply(res, token);
      return reply(res, userPhoneNumber(body?.code, token.appid, now()));
    }
    if (url.pathname === '/__stand-in/subscriptions') {
      if (req.method === 'GET') {
        const openid = url.searchParams.get('openid') ?? '';
        return reply(res, { errcode: 0, acceptances: Object.fromEntries([...templates.keys()].map((id) => [id, acceptances.get(acceptanceKey(openid, id)) ?? 0])) });
      }
      if (req.method === 'POST') {
        const body = (await readJson(req)) as { openid?: unknown; accepted?: unknown } | undefined;
        const accepted = body?.accepted;
        if (typeof body?.openid !== 'string' || !body.openid || !Array.isArray(accepted) || !accepted.every((id) => typeof id === 'string')) {
          return reply(res, { errcode: 47001, errmsg: 'data format error' });
        }
        // What requestSubscribeMessage answers for a template id the app does not have.
        if (!accepted.every((id) => templates.has(id))) return reply(res, { errcode: 20001, errmsg: 'No template data return, verify the template id exist' });
        for (const id of new Set(accepted as string[])) accept(body.openid, id);
        return reply(res, { errcode: 0, acceptances: Object.fromEntries([...new Set(accepted as string[])].map((id) => [id, acceptances.get(acceptanceKey(body.openid as string, id))])) });
      }
    }
    reply(res, { errcode: 404, errmsg: 'not found in the WeChat stand-in' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://${host}:${bound}`,
        calls,
        subscribeMessages,
        sendAttempts,
        templates,
        accept,
        acceptances: (openid, templateId = DEV_STATUS_TEMPLATE.id) => acceptances.get(acceptanceKey(openid, templateId)) ?? 0,
        advanceClock: (ms) => {
          clockOffset += ms;
        },
        now,
        expireAccessTokens: () => {
          for (const t of tokens.values()) t.expiresAt = Math.min(t.expiresAt, now());
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
