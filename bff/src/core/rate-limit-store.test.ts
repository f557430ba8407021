import net from 'node:net';
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import pino from 'pino';
import { startCongo, type CongoServerLike } from '../db/congo-unique-storage';
import { startTestApp, type TestApp } from '../../test/test-app';
import { RateLimiter, RateLimitCounter } from './rate-limit';

/**
 * The limiter's store: counters in MongoDB that several limiters (several
 * instances) share, windows by the app's clock, exact under concurrent hits;
 * and, when the database goes away, counting in memory instead of failing the
 * request, said once in the log, back to the database when it answers.
 */
function startProxy(targetPort: number): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return listen().then(() => ({ port, cut, restore: listen }));
}

describe('rate limits kept in the database', () => {
  let congo: CongoServerLike;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let t: TestApp;
  const logged: Array<{ level: number; msg: string }> = [];
  const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (logged.push(JSON.parse(String(chunk))), done()) }));
  let clockMs = Date.parse('2026-03-02T09:00:00+08:00');
  const now = () => clockMs;

  beforeAll(async () => {
    congo = await startCongo();
    proxy = await startProxy(congo.port);
    t = await startTestApp({ LOG_LEVEL: 'silent', RATE_LIMIT_FACTOR: '1', DB_COMMAND_COUNT: 'true' }, { mongodbUri: `mongodb://127.0.0.1:${proxy.port}/?serverMonitoringMode=poll`, serverSelectionTimeoutMS: 1000 });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    await proxy.cut().catch(() => undefined);
    await congo.stop();
  });

  it('counts two limiters (two instances) into one window, closes it by the app clock, and says how long to wait', async () => {
    const [a, b] = [new RateLimiter({ now, log }), new RateLimiter({ now, log })];
    const rule = { limit: 4, windowMs: 60_000 };
    const waits = [];
    for (let i = 0; i < 4; i++) waits.push(await (i % 2 ? a : b).hit('shared:ip:203.0.113.1', rule));
    expect(waits).toEqual([undefined, undefined, undefined, undefined]);
    clockMs += 20_000;
    expect(await a.hit('shared:ip:203.0.113.1', rule)).toBe(40);
    expect(await b.hit('shared:ip:203.0.113.1', rule)).toBe(40);
    expect(await a.hit('shared:ip:203.0.113.2', rule)).toBeUndefined();
    // The window closes 60 s after its first hit: the next opens on the same document.
    clockMs += 40_000;
    expect(await b.hit('shared:ip:203.0.113.1', rule)).toBeUndefined();
    expect(await RateLimitCounter.countDocuments({ key: 'shared:ip:203.0.113.1' })).toBe(1);
    expect((await RateLimitCounter.findOne({ key: 'shared:ip:203.0.113.1' }).lean())!.count).toBe(1);
  });

  it('lets exactly the limit through when many hits race across limiters, on a new window and on a closed one', async () => {
    const limiters = [new RateLimiter({ now, log }), new RateLimiter({ now, log }), new RateLimiter({ now, log })];
    const rule = { limit: 25, windowMs: 60_000 };
    for (const round of ['new window', 'closed window']) {
      const waits = await Promise.all(Array.from({ length: 60 }, (_, i) => limiters[i % 3].hit('race:user:u1', rule)));
      expect([round, waits.filter((w) => w === undefined).length]).toEqual([round, 25]);
      clockMs += 61_000;
    }
  });

  it('counts a per-IP and a per-user key in one command while both are under their limits, and exactly as one key at a time otherwise', async () => {
    clockMs += 61_000;
    const limiters = [new RateLimiter({ now, log }), new RateLimiter({ now, log })];
    const perIp = { limit: 6, windowMs: 60_000 };
    const perUser = { limit: 3, windowMs: 60_000 };
    const hits = [{ key: 'pair:ip:203.0.113.7', rule: perIp }, { key: 'pair:user:u7', rule: perUser }];
    const commands: string[] = [];
    const client = mongoose.connection.getClient();
    const listen = (e: { commandName: string }) => commands.push(e.commandName);
    client.on('commandStarted', listen);
    let first: number | undefined;
    try {
      first = await limiters[0].hitAll(hits);
    } finally {
      client.off('commandStarted', listen);
    }
    expect({ first, commands }).toEqual({ first: undefined, commands: ['update'] });

    // Racing hits across two limiters: the user's limit (3) lets exactly two more through this window.
    const waits = await Promise.all(Array.from({ length: 8 }, (_, i) => limiters[i % 2].hitAll(hits)));
    expect(waits.filter((w) => w === undefined)).toHaveLength(2);
    expect(waits.filter((w) => w !== undefined).every((w) => w! >= 1 && w! <= 60)).toBe(true);
    const counts = async () => Object.fromEntries((await RateLimitCounter.find({ key: { $in: hits.map((h) => h.key) } }).lean()).map((c) => [c.key, c.count]));
    expect(await counts()).toEqual({ 'pair:ip:203.0.113.7': 9, 'pair:user:u7': 9 });

    // The window closes: both keys open a new one on their documents.
    clockMs += 61_000;
    expect(await limiters[1].hitAll(hits)).toBeUndefined();
    expect(await counts()).toEqual({ 'pair:ip:203.0.113.7': 1, 'pair:user:u7': 1 });
  });

  it('counts in memory while the database is away, says so once, and goes back to it when it answers', async () => {
    const limiter = new RateLimiter({ now, log });
    const rule = { limit: 3, windowMs: 60_000 };
    clockMs += 61_000;
    const seen = logged.length;
    await proxy.cut();

    const started = Date.now();
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await limiter.hit('fault:ip:203.0.113.9', rule));
    expect(Date.now() - started).toBeLessThan(3500);
    expect(waits.map((w) => w !== undefined)).toEqual([false, false, false, true, true]);
    expect(logged.slice(seen).filter((l) => l.msg.startsWith('rate limits: the database is not answering'))).toHaveLength(1);

    // The route's limiter does not turn the outage into a 500: the handler's 503 comes through.
    const login = await t.request('POST', '/api/auth/login', { body: { code: 'dev:resident-1' } });
    expect([login.status, login.body.error.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);

    await proxy.restore();
    const deadline = Date.now() + 30_000;
    while (mongoose.connection.readyState !== 1 || !(await mongoose.connection.db!.admin().ping().then(() => true, () => false))) {
      if (Date.now() > deadline) throw new Error('the database did not come back within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1100)); // the limiter asks the database again once a second
    expect(await limiter.hit('fault:ip:203.0.113.9', rule)).toBeUndefined(); // a new, shared count
    expect((await RateLimitCounter.findOne({ key: 'fault:ip:203.0.113.9' }).lean())!.count).toBe(1);
    expect(logged.slice(seen).filter((l) => l.msg.startsWith('rate limits: the database answers again'))).toHaveLength(1);
  });
});
