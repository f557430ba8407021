import { drawOrder } from '@sqtb/shared';
import { HOUR_MS, ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { drawClosedLotteries } from './lottery';
import { StockModel } from './masks.model';

describe('a lottery round', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-02-10T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let roundId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'district-1']) tokens[openid] = await t.login(openid);
    const org = (await t.request('GET', '/api/org', { token: tokens['district-1'] })).body;
    const round = await t.request('POST', '/api/mask-rounds', {
      token: tokens['district-1'],
      body: {
        name: '摇号轮',
        opensAt: clock.now().toISOString(),
        closesAt: new Date(clock.now().getTime() + 2 * HOUR_MS).toISOString(),
        masksPerHousehold: 5,
        pickupWindowHours: 24,
        lottery: true,
        stock: [{ pharmacyId: org.pharmacies[0].id, quantity: 10 }],
      },
    });
    roundId = round.body.id;
  });
  afterAll(() => t.close());

  const apply = (openid: string) => t.request('POST', '/api/mask-reservations', { token: tokens[openid], body: { roundId } });

  it('takes applications, not stock, while the round is open', async () => {
    for (const openid of ['resident-1', 'resident-2', 'resident-3']) {
      const answer = await apply(openid);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ status: 'applied' });
      expect(answer.body.pickupCode).toBeUndefined();
    }
    expect(errorCode(await apply('resident-1'))).toBe('QUOTA_EXCEEDED');
    expect((await StockModel.findOne({ roundId }).lean())!.available).toBe(10);
    const early = await t.request('POST', `/api/mask-rounds/${roundId}/draw`, { token: tokens['district-1'], body: {} });
    expect(early.status).toBe(409);
  });

  it('draws winners up to the stock after closing, reproducibly from the published seed, once', async () => {
    clock.advance(3 * HOUR_MS);
    const [a, b] = await Promise.all([drawClosedLotteries(clock.now()), drawClosedLotteries(clock.now())]);
    expect(a.drawn + b.drawn).toBeGreaterThanOrEqual(1);
    const result = await t.request('GET', `/api/mask-rounds/${roundId}/draw`, { token: tokens['resident-1'] });
    expect(result.status).toBe(200);
    expect(result.body.applications).toHaveLength(3);
    expect(result.body.winners).toHaveLength(2); // 10 masks, 5 each
    // Anyone can re-run the draw from the seed: the first two in the order won.
    expect([...drawOrder(result.body.applications, result.body.seed).slice(0, 2)].sort()).toEqual(result.body.winners);
    expect((await StockModel.findOne({ roundId }).lean())!.available).toBe(0);

    const statuses = await Promise.all(['resident-1', 'resident-2', 'resident-3'].map(async (openid) => (await t.request('GET', '/api/mask-reservations/mine', { token: tokens[openid] })).body.items[0]));
    expect(statuses.filter((s) => s.status === 'approved' && /^\d{8}$/.test(s.pickupCode))).toHaveLength(2);
    expect(statuses.filter((s) => s.status === 'lost')).toHaveLength(1);

    // Drawing again changes nothing.
    const again = await t.request('POST', `/api/mask-rounds/${roundId}/draw`, { token: tokens['district-1'], body: {} });
    expect(again.body).toMatchObject({ seed: result.body.seed, winners: 0, losers: 0 });
  });
});
