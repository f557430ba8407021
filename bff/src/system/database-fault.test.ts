import net from 'node:net';
import mongoose from 'mongoose';
import { startCongo, type CongoServerLike } from '../db/congo-unique-storage';
import { startTestApp, type TestApp } from '../../test/test-app';

/**
 * The database goes away mid-traffic: a TCP proxy between the BFF and its
 * database is cut and later restored. Requests fail fast with 503 in the error
 * shape, /readyz says so, the BFF recovers by itself, and every write it
 * acknowledged is in the database.
 */
function startProxy(targetPort: number): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
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
  return listen().then(() => ({ port, cut, restore: listen, close: cut }));
}

describe('when the database goes away', () => {
  let congo: CongoServerLike;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    congo = await startCongo();
    proxy = await startProxy(congo.port);
    t = await startTestApp({ LOG_LEVEL: 'error' }, { mongodbUri: `mongodb://127.0.0.1:${proxy.port}/?serverMonitoringMode=poll`, serverSelectionTimeoutMS: 1000 });
    token = await t.login('resident-1');
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    await proxy.close().catch(() => undefined);
    await congo.stop();
  });

  const file = (i: number) =>
    t.request('POST', '/api/complaints', {
      token,
      body: { category: 'sanitation', description: `故障演练第 ${i} 条反映`, location: { lat: 31.2291, lng: 121.5231 }, address: '潍坊路 400 弄' },
    });

  it('fails fast with 503, says so on /readyz, recovers by itself, and loses no acknowledged write', async () => {
    const acknowledged: string[] = [];
    const answers: number[] = [];
    const record = (r: { status: number; body: any }) => {
      answers.push(r.status);
      if (r.status === 201) acknowledged.push(r.body.id);
    };

    for (let i = 0; i < 10; i++) record(await file(i));
    // Cut while requests are in flight.
    const inFlight = Array.from({ length: 10 }, (_, i) => file(100 + i).then(record));
    await proxy.cut();
    await Promise.all(inFlight);

    const started = Date.now();
    const during = await file(200);
    record(during);
    expect(during.status).toBe(503);
    expect(during.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await t.request('GET', '/readyz')).status).toBe(503);

    await proxy.restore();
    const deadline = Date.now() + 30_000;
    while ((await t.request('GET', '/readyz')).status !== 200) {
      if (Date.now() > deadline) throw new Error('the BFF did not recover within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    for (let i = 0; i < 10; i++) record(await file(300 + i));

    expect(answers.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(answers.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    const stored = new Set((await mongoose.connection.db!.collection('complaints').find({}, { projection: { _id: 1 } }).toArray()).map((d) => String(d._id)));
    const lost = acknowledged.filter((id) => !stored.has(id));
    process.stdout.write(`database fault: ${answers.length} requests, ${acknowledged.length} acknowledged, ${answers.filter((s) => s === 503).length} refused with 503, ${lost.length} acknowledged writes lost\n`);
    expect(lost).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
  });
});
