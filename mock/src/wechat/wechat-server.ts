import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

/**
 * A stand-in for the WeChat open API (api.weixin.qq.com), the one outside
 * system this product talks to. It answers `GET /sns/jscode2session` the way
 * WeChat does: a code `dev:<openid>` resolves to that openid; any other code
 * gets WeChat's own invalid-code answer (errcode 40029, HTTP 200).
 */
export interface WechatMock {
  baseUrl: string;
  /** Requests seen, newest last, for tests that check what the BFF sent. */
  calls: Array<{ path: string; appid: string | null; grantType: string | null }>;
  close(): Promise<void>;
}

export const DEV_CODE_PREFIX = 'dev:';

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
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mock');
    calls.push({ path: url.pathname, appid: url.searchParams.get('appid'), grantType: url.searchParams.get('grant_type') });
    let body: Record<string, unknown>;
    if (req.method === 'GET' && url.pathname === '/sns/jscode2session') {
      body = url.searchParams.get('grant_type') === 'authorization_code'
        ? jscode2session(url.searchParams.get('js_code'))
        : { errcode: 40002, errmsg: 'invalid grant_type' };
    } else {
      body = { errcode: 404, errmsg: 'not found in the WeChat stand-in' };
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://${host}:${bound}`,
        calls,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
