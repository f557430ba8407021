import { HOUR_MS, ManualClock } from '../core/clock';
import { startTestApp, type TestApp } from '../../test/test-app';
import { pauseAround } from '../../test/pause';
import { ReservationModel, StockModel } from './masks.model';
import { expireUnclaimed, returnOrphanHolds } from './jobs';
import { drawClosedLotteries, drawRound } from './lottery';
import { drawOrder } from '@sqtb/shared';
import { AppError } from '../core/app-error';

/**
 * Each race found in review, replayed in the order that broke it: a job or a
 * second request forced in between two writes of the first.
 */
describe('mask races, in the order that broke them', () => {
  let t: TestApp;
  // Hours ahead of the wall clock: a reservation made "now" is hours old to the jobs' clock.
  const clock = new ManualClock(new Date(Date.now() + 3 * HOUR_MS));
  const tokens: Record<string, string> = {};
  let org: { committees: Array<{ id: string; code: string }>; pharmacies: Array<{ id: string; code: string }> };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'cadre-1', 'pharmacy-1', 'district-1', 'late-registrant']) tokens[openid] = await t.login(openid);
    org = (await t.request('GET', '/api/org', { token: tokens['district-1'] })).body;
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const post = (openid: string, path: string, body: unknown = {}) => t.request('POST', path, { token: tokens[openid], body });
  const pharmacy = (code: string) => org.pharmacies.find((p) => p.code === code)!.id;

  async function openRound(lottery: boolean, quantity: number) {
    const round = await post('district-1', '/api/mask-rounds', {
      name: lottery ? '摇号轮' : '竞态轮',
      opensAt: clock.now().toISOString(),
      closesAt: new Date(clock.now().getTime() + 2 * HOUR_MS).toISOString(),
      masksPerHousehold: 5,
      pickupWindowHours: 24,
      lottery,
      stock: [{ pharmacyId: pharmacy('P1'), quantity }],
    });
    expect(round.status).toBe(201);
    return round.body.id as string;
  }

  /** total (initial + restocks) = available + masks of approved or redeemed reservations. */
  async function expectEveryMaskAccountedFor(roundId: string) {
    const stock = (await StockModel.findOne({ roundId, pharmacyId: pharmacy('P1') }).lean())!;
    const live = await ReservationModel.find({ roundId, status: { $in: ['approved', 'redeemed'] } }).lean();
    expect(stock.available).toBe(stock.total - live.reduce((n, r) => n + r.quantity, 0));
    return { stock, live };
  }

  it('finding 1: the orphan-hold job running between a cadre taking stock and approving gives nothing back', async () => {
    const roundId = await openRound(false, 20);
    const pending = await post('late-registrant', '/api/mask-reservations', { roundId });
    expect(pending.body.status).toBe('pending_review');
    const committeeA = org.committees.find((c) => c.code === 'A')!.id;
    const registered = await post('late-registrant', '/api/residents/registration', {
      name: '钱进', idNumber: '11010519491231002X', phone: '13912340000', committeeId: committeeA, address: '潍坊路 900 弄 9 号 909 室', location: { lat: 31.2289, lng: 121.5229 }, householdSize: 3,
    });
    expect(registered.body).toMatchObject({ status: 'approved' });
    clock.advance(3 * HOUR_MS);

    let returned = -1;
    // The approval's own status change waits while the job runs.
    pauseAround(ReservationModel, 'findOneAndUpdate', { before: async () => (returned = (await returnOrphanHolds(clock.now())).returned) });
    const approved = await post('cadre-1', `/api/mask-reservations/${pending.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(returned).toBe(0);
    const { stock } = await expectEveryMaskAccountedFor(roundId);
    expect(stock.available).toBe(15);
  });

  it('finding 2: a pharmacy redeeming between the expiry job reading and writing keeps its masks handed out', async () => {
    const roundId = await openRound(false, 20);
    const reserved = await post('resident-1', '/api/mask-reservations', { roundId });
    expect(reserved.body).toMatchObject({ status: 'approved', pharmacy: { id: pharmacy('P1') } });
    const late = new Date(clock.now().getTime() + 25 * HOUR_MS);

    // The job has read the due reservations; the pharmacy redeems before the job writes.
    pauseAround(ReservationModel, 'find', { after: async () => expect((await post('pharmacy-1', '/api/mask-reservations/redeem', { pickupCode: reserved.body.pickupCode })).status).toBe(200) });
    await expireUnclaimed(late);
    expect((await ReservationModel.findById(reserved.body.id).lean())!.status).toBe('redeemed');
    const { stock } = await expectEveryMaskAccountedFor(roundId);
    expect(stock.available).toBe(15);
  });

  it('finding 3: a lottery draw cut off halfway is resumed by the next run', async () => {
    const roundId = await openRound(true, 10);
    for (const openid of ['resident-1', 'resident-2', 'resident-3']) expect((await post(openid, '/api/mask-reservations', { roundId })).body.status).toBe('applied');
    clock.advance(3 * HOUR_MS);

    // The instance dies while reading the second application.
    const original = ReservationModel.findById.bind(ReservationModel);
    let reads = 0;
    jest.spyOn(ReservationModel, 'findById').mockImplementation(((...args: Parameters<typeof original>) => {
      reads += 1;
      if (reads === 2) throw new Error('instance stopped mid-draw');
      return original(...args);
    }) as typeof ReservationModel.findById);
    await expect(drawClosedLotteries(clock.now())).rejects.toThrow('instance stopped mid-draw');
    jest.restoreAllMocks();
    expect(await ReservationModel.countDocuments({ roundId, status: 'applied' })).toBeGreaterThan(0);

    await drawClosedLotteries(clock.now());
    expect(await ReservationModel.countDocuments({ roundId, status: 'applied' })).toBe(0);
    expect(await ReservationModel.countDocuments({ roundId, status: 'approved' })).toBe(2);
    expect(await ReservationModel.countDocuments({ roundId, status: 'lost' })).toBe(1);
    const { stock } = await expectEveryMaskAccountedFor(roundId);
    expect(stock.available).toBe(0);
    // A third run finds nothing left to draw.
    expect(await drawClosedLotteries(clock.now())).toEqual({ drawn: 0 });
  });

  it('review: a reservation whose insert landed but whose answer was lost keeps its hold (the retry finds it)', async () => {
    const roundId = await openRound(false, 20);
    // The insert lands; its answer is lost on the way back.
    const create = ReservationModel.create.bind(ReservationModel) as (doc: unknown) => Promise<unknown>;
    jest.spyOn(ReservationModel, 'create').mockImplementationOnce((async (doc: unknown) => {
      await create(doc);
      throw new Error('connection lost after the write');
    }) as never);
    const answer = await post('resident-2', '/api/mask-reservations', { roundId });
    expect(answer.status).toBe(500);
    const { live } = await expectEveryMaskAccountedFor(roundId);
    expect(live).toHaveLength(1);
  });

  it('review: two draws of one round at once — one draws, the other is told a draw is running, and the winners are the first in the published order', async () => {
    const roundId = await openRound(true, 10);
    for (const openid of ['resident-1', 'resident-2', 'resident-3']) expect((await post(openid, '/api/mask-reservations', { roundId })).body.status).toBe('applied');
    clock.advance(3 * HOUR_MS);
    const draws = await Promise.allSettled([drawRound(roundId, clock.now()), drawRound(roundId, clock.now())]);
    expect(draws.filter((d) => d.status === 'fulfilled')).toHaveLength(1);
    const refused = draws.find((d) => d.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect(refused.reason.code).toBe('CONFLICT');
    const result = (await t.request('GET', `/api/mask-rounds/${roundId}/draw`, { token: tokens['resident-1'] })).body;
    expect(result.winners).toEqual(drawOrder(result.applications, result.seed).slice(0, 2).sort());
    await expectEveryMaskAccountedFor(roundId);
  });
});
