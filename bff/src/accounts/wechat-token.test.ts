import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import pino from 'pino';
import { DEV_STATUS_TEMPLATE, startWechatMock, type WechatMock } from '@sqtb/mock';
import { startCongo, type CongoServerLike } from '../db/congo-unique-storage';
import { ensureIndexes } from '../db/database';
import { createWechatClient, type WechatClient } from './wechat-client';
import { WechatAccessToken } from './wechat-token.model';

/**
 * Two WeChat clients (two BFF instances) on one database and one WeChat:
 * the access token is fetched once and shared, refreshed by one of them
 * 5 minutes before it expires while the other keeps using the stored one,
 * and replaced when WeChat refuses it. The token never reaches a log line.
 */
describe('the WeChat access token, shared across instances', () => {
  let congo: CongoServerLike;
  let wechat: WechatMock;
  const logged: string[] = [];
  const log = pino({ level: 'trace' }, new Writable({ write: (chunk, _enc, done) => (logged.push(String(chunk)), done()) }));
  /** The clients' clock: real time plus what a test adds. */
  let offsetMs = 0;
  const now = () => Date.now() + offsetMs;
  const client = (instance: string): WechatClient => createWechatClient({ apiBase: wechat.baseUrl, appId: 'wx-token-test', secret: 'wx-token-secret', log, now, instance });
  const tokenFetches = () => wechat.calls.filter((c) => c.path === '/cgi-bin/token').length;
  /** A message WeChat takes: its recipient has accepted the template once. */
  const message = (openid: string) => {
    wechat.accept(openid, DEV_STATUS_TEMPLATE.id);
    return { openid, templateId: DEV_STATUS_TEMPLATE.id, data: { thing1: '测试', thing2: '令牌', time3: '10:00' } };
  };
  const sent = (result: { outcome: string }) => result.outcome === 'sent';

  beforeAll(async () => {
    congo = await startCongo();
    await mongoose.connect(`mongodb://127.0.0.1:${congo.port}/?serverMonitoringMode=poll`, { dbName: 'wechat_token', autoIndex: false });
    await ensureIndexes();
    wechat = await startWechatMock();
  });
  afterAll(async () => {
    await mongoose.disconnect();
    await wechat.close();
    await congo.stop();
  });

  it('is fetched once for two clients sending at the same time, and stored with its expiry', async () => {
    const [a, b] = [client('instance-a'), client('instance-b')];
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).sendSubscribeMessage(message(`resident-${i}`))));
    expect(results.map(sent)).toEqual(Array(10).fill(true));
    expect(tokenFetches()).toBe(1);
    expect(wechat.subscribeMessages).toHaveLength(10);

    // A third instance starting later reuses it too.
    expect(sent(await client('instance-c').sendSubscribeMessage(message('resident-c')))).toBe(true);
    expect(tokenFetches()).toBe(1);

    const stored = (await WechatAccessToken.findOne({ appId: 'wx-token-test' }).lean())!;
    expect(stored.token).toMatch(/^mock-access-token-/);
    const expiresIn = new Date(stored.expiresAt!).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(7100_000);
    expect(expiresIn).toBeLessThanOrEqual(7200_000);
    expect(stored.leaseId).toBeUndefined();
  });

  it('is refreshed once, 5 minutes before it expires, while both clients keep sending', async () => {
    const [a, b] = [client('instance-a'), client('instance-b')];
    await Promise.all([a.sendSubscribeMessage(message('warm-a')), b.sendSubscribeMessage(message('warm-b'))]);
    const before = tokenFetches();
    const first = (await WechatAccessToken.findOne({ appId: 'wx-token-test' }).lean())!;

    // 6 minutes before expiry: still fresh, nobody refreshes.
    offsetMs = new Date(first.expiresAt!).getTime() - Date.now() - 6 * 60_000;
    expect((await Promise.all([a.sendSubscribeMessage(message('r1')), b.sendSubscribeMessage(message('r2'))])).map(sent)).toEqual([true, true]);
    expect(tokenFetches()).toBe(before);

    // 4 minutes before expiry: due. One of the two fetches; both send.
    offsetMs = new Date(first.expiresAt!).getTime() - Date.now() - 4 * 60_000;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).sendSubscribeMessage(message(`r-${i}`))));
    expect(results.map(sent)).toEqual(Array(6).fill(true));
    expect(tokenFetches()).toBe(before + 1);
    const second = (await WechatAccessToken.findOne({ appId: 'wx-token-test' }).lean())!;
    expect(second.token).not.toBe(first.token);
    expect(new Date(second.expiresAt!).getTime()).toBeGreaterThan(new Date(first.expiresAt!).getTime());
    offsetMs = 0;
  });

  it('is replaced once when WeChat refuses the stored one, and the message still goes', async () => {
    // A token WeChat does not know (e.g. invalidated when someone fetched one by hand).
    await WechatAccessToken.updateOne({ appId: 'wx-token-test' }, { $set: { token: 'revoked-token' } });
    const before = tokenFetches();
    const [a, b] = [client('instance-d'), client('instance-e')];
    expect((await Promise.all([a.sendSubscribeMessage(message('x1')), b.sendSubscribeMessage(message('x2'))])).map(sent)).toEqual([true, true]);
    expect(tokenFetches()).toBe(before + 1);
    expect((await WechatAccessToken.findOne({ appId: 'wx-token-test' }).lean())!.token).toMatch(/^mock-access-token-/);
  });

  it('waits for the instance holding the refresh lease instead of fetching its own', async () => {
    await WechatAccessToken.updateOne(
      { appId: 'wx-token-test' },
      { $set: { expiresAt: new Date(0), leaseId: 'held-elsewhere', leaseOwner: 'instance-z', leaseUntil: new Date(Date.now() + 60_000) } },
    );
    const before = tokenFetches();
    const sending = client('instance-f').sendSubscribeMessage(message('w1'));
    await new Promise((r) => setTimeout(r, 400));
    expect(tokenFetches()).toBe(before);
    // The lease holder stores its token (here, one WeChat really issued).
    const issued = (await (await fetch(`${wechat.baseUrl}/cgi-bin/token?grant_type=client_credential&appid=wx-token-test&secret=s`)).json()) as { access_token: string };
    await WechatAccessToken.updateOne(
      { appId: 'wx-token-test', leaseId: 'held-elsewhere' },
      { $set: { token: issued.access_token, expiresAt: new Date(Date.now() + 7200_000), leaseUntil: new Date() }, $unset: { leaseId: 1 } },
    );
    expect(sent(await sending)).toBe(true);
    expect(tokenFetches()).toBe(before + 1); // the holder's fetch, none by the waiting client
  });

  it('never writes the token to a log line', () => {
    expect(logged.some((line) => line.includes('WeChat access token refreshed and shared'))).toBe(true);
    expect(logged.filter((line) => /mock-access-token|revoked-token/.test(line))).toEqual([]);
  });
});
