import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

/**
 * A stand-in for the WeChat open API (api.weixin.qq.com), the one outside
 * system this product talks to. It answers `GET /sns/jscode2session` the way
 * WeChat does: a code `dev:<openid>` resolves to that openid; any other code
 * gets WeChat's own invalid-code answer (errcode 40029, HTTP 200). It also
 * issues access tokens (`GET /cgi-bin/token`) and takes subscribe messages
 * (`POST /cgi-bin/message/subscribe/send`), keeping them for tests to read.
 */
export interface WechatMock {
  baseUrl: string;
  /** Requests seen, newest last, for tests that check what the BFF sent. */
  calls: Array<{ path: string; appid: string | null; grantType: string | null }>;
  /** Subscribe messages accepted, newest last. */
  subscribeMessages: SubscribeMessage[];
  close(): Promise<void>;
}

export const DEV_CODE_PREFIX = 'dev:';

export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

const ACCESS_TOKEN_TTL_SECONDS = 7200;

export function jscode2session(code: string | null): Record<string, unknown> {
  if (code && code.startsWith(DEV_CODE_PREFIX) && code.length > DEV_CODE_PREFIX.length) {
    const openid = code.slice(DEV_CODE_PREFIX.length);
    // A stable, fake session key: the BFF must never hand it on.
    const sessionKey = createHash('sha256').update(`session:${openid}`).digest('base64').slice(0, 24);
    return { openid, session_key: sessionKey };
  }
  return { errcode: 40029, errmsg: 'invalid code, rid: mock' };
}

export function startWechatMock(port = 0, host = '127.0.0.1'): Promise<WechatMock> {
  const calls: WechatMock['calls'] = [];
  const subscribeMessages: SubscribeMessage[] = [];
  const accessTokens = new Set<string>();
  const reply = (res: http.ServerResponse, body: Record<string, unknown>) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
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
      if (url.searchParams.get('grant_type') !== 'client_credential' || !url.searchParams.get('appid') || !url.searchParams.get('secret')) {
        return reply(res, { errcode: 40013, errmsg: 'invalid appid' });
      }
      const token = `mock-access-token-${accessTokens.size + 1}`;
      accessTokens.add(token);
      return reply(res, { access_token: token, expires_in: ACCESS_TOKEN_TTL_SECONDS });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!accessTokens.has(url.searchParams.get('access_token') ?? '')) return reply(res, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' });
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        try {
          const message = JSON.parse(raw) as SubscribeMessage;
          if (!message.touser || !message.template_id || typeof message.data !== 'object') return reply(res, { errcode: 47003, errmsg: 'argument invalid' });
          subscribeMessages.push(message);
          reply(res, { errcode: 0, errmsg: 'ok', msgid: subscribeMessages.length });
        } catch {
          reply(res, { errcode: 47001, errmsg: 'data format error' });
        }
      });
      return;
    }
    reply(res, { errcode: 404, errmsg: 'not found in the WeChat stand-in' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://${host}:${bound}`,
        calls,
        subscribeMessages,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
