import mongoose from 'mongoose';
import { HOUR_MS, ManualClock } from '../core/clock';
import { startTestApp, type TestApp } from '../../test/test-app';

/**
 * What a reservation costs the database (issue 18), as the driver's command
 * monitoring counts it (DB_COMMAND_COUNT: every answer carries x-db-commands),
 * the read that authenticates the user included.
 */
describe('what reserving masks costs the database', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-04-06T09:00:00+08:00'));
  let roundId: string;
  const households: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ DB_COMMAND_COUNT: 'true' }, { clock });
    const district = await t.login('district-1');
    const org = (await t.request('GET', '/api/org', { token: district })).body;
    const committee = org.committees.find((c: { code: string }) => c.code === 'A');
    for (const i of [0, 1]) {
      const idNumber = idFor(800 + i);
      const token = await t.login(`cost-household-${i}`);
      const registered = await t.request('POST', '/api/residents/registration', {
        token,
        body: { name: `住户${i}`, idNumber, phone: `1390000000${i}`, committeeId: committee.id, address: `潍坊路 700 弄 ${i} 号`, location: committee.area.center, householdSize: 2 },
      });
      expect(registered.body).toMatchObject({ status: 'approved' });
      households.push(token);
    }
    const round = await t.request('POST', '/api/mask-rounds', {
      token: district,
      body: {
        name: '计数轮', opensAt: clock.now().toISOString(), closesAt: new Date(clock.now().getTime() + 2 * HOUR_MS).toISOString(), masksPerHousehold: 5, pickupWindowHours: 24,
        stock: org.pharmacies.map((p: { id: string }) => ({ pharmacyId: p.id, quantity: 50 })),
      },
    });
    expect(round.status).toBe(201);
    roundId = round.body.id;
  });
  afterAll(() => t.close());

  /** Each command the driver starts while `run` runs, as "command collection". */
  async function commandsOf<T>(run: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
    const commands: string[] = [];
    const client = mongoose.connection.getClient();
    const listener = (e: { commandName: string; command: Record<string, unknown> }) => commands.push(`${e.commandName} ${String(e.command[e.commandName])}`);
    client.on('commandStarted', listener);
    try {
      return { result: await run(), commands };
    } finally {
      client.off('commandStarted', listener);
    }
  }

  it('approves a household at once in at most 4 commands, the rate-limit counters included: the user (with the household), the counters, one stock update, the insert', async () => {
    // The first reservation loads the round and the pharmacies into memory.
    const warm = await t.request('POST', '/api/mask-reservations', { token: households[0], body: { roundId }, headers: { 'idempotency-key': 'cost-warm-0001' } });
    expect(warm.body.status).toBe('approved');

    const { result: answer, commands } = await commandsOf(() => t.request('POST', '/api/mask-reservations', { token: households[1], body: { roundId }, headers: { 'idempotency-key': 'cost-measured-0001' } }));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'approved', quantity: 5, pharmacy: { name: expect.any(String), address: expect.any(String) } });
    expect(Number(answer.headers.get('x-db-commands'))).toBe(commands.length);
    // Counted apart only: the reference caches' version read, at most once a second for all
    // requests together (core/reference-cache.ts), which may fall in this one.
    const counted = commands.filter((c) => c !== 'find referenceversions');
    const cacheChecks = commands.length - counted.length;
    expect({ counted: counted.length <= 4, cacheChecks: cacheChecks <= 1, commands }).toEqual({ counted: true, cacheChecks: true, commands });
    expect(counted.filter((c) => c.endsWith(' registrations'))).toEqual([]);
  });

  it('still approves an account whose household copy is missing (written before it existed, or lost), by reading its registration', async () => {
    const token = await t.login('cost-household-legacy');
    const idNumber = idFor(810);
    const district = await t.login('district-1');
    const org = (await t.request('GET', '/api/org', { token: district })).body;
    const committee = org.committees.find((c: { code: string }) => c.code === 'A');
    const registered = await t.request('POST', '/api/residents/registration', {
      token,
      body: { name: '旧住户', idNumber, phone: '13900000010', committeeId: committee.id, address: '潍坊路 710 弄 1 号', location: committee.area.center, householdSize: 1 },
    });
    expect(registered.body).toMatchObject({ status: 'approved' });
    const me = (await t.request('GET', '/api/me', { token })).body.user;
    await mongoose.connection.collection('users').updateOne({ _id: new mongoose.Types.ObjectId(me.id) }, { $unset: { household: '' } });

    const { result: answer, commands } = await commandsOf(() => t.request('POST', '/api/mask-reservations', { token, body: { roundId }, headers: { 'idempotency-key': 'cost-legacy-0001' } }));
    expect(answer.body).toMatchObject({ status: 'approved', quantity: 5 });
    expect(commands.filter((c) => c.endsWith(' registrations'))).toEqual(['find registrations']);
  });
});

/** A valid made-up ID number per index (GB 11643 check character). */
function idFor(i: number): string {
  const first17 = `31011519900101${String(i).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, k) => n + Number(d) * weights[k], 0);
  return first17 + '10X98765432'[sum % 11];
}
