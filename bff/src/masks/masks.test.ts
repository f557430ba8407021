import { DAY_MS, HOUR_MS, ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { ReservationModel, StockModel } from './masks.model';
import { expireUnclaimed, returnOrphanHolds } from './jobs';
import { Types } from 'mongoose';

describe('mask reservations (汇处理)', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-02-03T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  let org: { committees: Array<{ id: string; code: string }>; pharmacies: Array<{ id: string; code: string }> };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'cadre-1', 'cadre-2', 'pharmacy-1', 'district-1', 'newcomer-a', 'newcomer-b']) tokens[openid] = await t.login(openid);
    org = (await t.request('GET', '/api/org', { token: tokens['district-1'] })).body;
  });
  afterAll(() => t.close());

  const post = (openid: string, path: string, body: unknown = {}, headers: Record<string, string> = {}) => t.request('POST', path, { token: tokens[openid], body, headers });
  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const committee = (code: string) => org.committees.find((c) => c.code === code)!.id;
  const pharmacy = (code: string) => org.pharmacies.find((p) => p.code === code)!.id;

  it('approves resident-1 at once with the nearest pharmacy that has stock, and answers a repeat of the same Idempotency-Key with the same reservation', async () => {
    const first = await post('resident-1', '/api/mask-reservations', {}, { 'idempotency-key': 'tap-0001-abcdef' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'approved', quantity: 5, pharmacy: { id: pharmacy('P1') } });
    expect(first.body.pickupCode).toMatch(/^\d{8}$/);
    expect(first.body.pickupBy).toBe(new Date(clock.now().getTime() + 48 * HOUR_MS).toISOString());
    const again = await post('resident-1', '/api/mask-reservations', {}, { 'idempotency-key': 'tap-0001-abcdef' });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    const quota = await post('resident-1', '/api/mask-reservations', {}, { 'idempotency-key': 'tap-0002-abcdef' });
    expect(quota.status).toBe(409);
    expect(errorCode(quota)).toBe('QUOTA_EXCEEDED');
    const stock = await StockModel.findOne({ pharmacyId: pharmacy('P1') }).lean();
    expect(stock!.available).toBe(195);
  });

  it('holds the quota under a rush of the same household', async () => {
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => post('resident-2', '/api/mask-reservations', {}, { 'idempotency-key': `rush-${i}-xxxxxx` })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'QUOTA_EXCEEDED')).toBe(true);
    expect(await ReservationModel.countDocuments({ userId: (await get('resident-2', '/api/me')).body.user.id })).toBe(1);
    const stocks = await StockModel.find().lean();
    const held = stocks.reduce((n, s) => n + s.holds.length, 0);
    expect(held).toBe(await ReservationModel.countDocuments({ status: 'approved' }));
  });

  it('sends an unregistered household to the cadre, who approves it once registered (stock taken then)', async () => {
    const pending = await post('newcomer-a', '/api/mask-reservations');
    expect(pending.status).toBe(201);
    expect(pending.body).toMatchObject({ status: 'pending_review', reason: 'household-not-registered' });
    expect(pending.body.pickupCode).toBeUndefined();
    const registered = await post('newcomer-a', '/api/residents/registration', {
      name: '赵敏', idNumber: '11010519491231002X', phone: '13912345678', committeeId: committee('A'), address: '潍坊路 400 弄 1 号 101 室', location: { lat: 31.2289, lng: 121.5229 }, householdSize: 2,
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ status: 'approved', idMasked: '1101**********002X', phoneMasked: '139****5678' });
    expect(JSON.stringify(registered.body)).not.toContain('11010519491231002X');
    const approved = await post('cadre-1', `/api/mask-reservations/${pending.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', pharmacy: { id: pharmacy('P1') } });
    expect((await post('cadre-1', `/api/mask-reservations/${pending.body.id}/approve`)).status).toBe(409);
  });

  it('sends a registration at an address that already has a household, or outside the committee, to the cadre', async () => {
    const someoneElsesId = await post('newcomer-b', '/api/residents/registration', {
      name: '钱多多', idNumber: '310115199203180026', phone: '13912345679', committeeId: committee('A'), address: '潍坊路 401 弄', location: { lat: 31.2289, lng: 121.5229 }, householdSize: 1,
    });
    expect(someoneElsesId.status).toBe(409);
    const sameAddress = await post('newcomer-b', '/api/residents/registration', {
      name: '钱多多', idNumber: idFor(900), phone: '13912345679', committeeId: committee('A'), address: '潍坊路４００弄１号１０１室', location: { lat: 31.2289, lng: 121.5229 }, householdSize: 1,
    });
    expect(sameAddress.body).toMatchObject({ status: 'pending_review', reason: 'address-already-registered' });
    const queue = await get('cadre-1', '/api/residents/registrations?status=pending_review');
    expect(queue.body.items[0]).toMatchObject({ id: sameAddress.body.id, phone: '13912345679' });
    expect((await post('cadre-2', `/api/residents/registrations/${sameAddress.body.id}/reject`, { reason: '同址重复登记' })).status).toBe(403);
    expect((await post('cadre-1', `/api/residents/registrations/${sameAddress.body.id}/approve`)).status).toBe(409);
    expect((await post('cadre-1', `/api/residents/registrations/${sameAddress.body.id}/reject`, { reason: '同址重复登记' })).body.status).toBe('rejected');
  });

  it('refuses a bad registration with 400 naming the field', async () => {
    const response = await post('resident-3', '/api/residents/registration', {
      name: '王芳', idNumber: '310115197601230043', phone: '12345', committeeId: committee('B'), address: '潍坊路 120 弄', location: { lat: 31.2233, lng: 121.5306 }, householdSize: 4,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['idNumber', 'phone']);
  });

  it('redeems a pickup code once, only at its own pharmacy', async () => {
    const [reservation] = (await get('resident-1', '/api/mask-reservations/mine')).body.items;
    const redeemed = await post('pharmacy-1', '/api/mask-reservations/redeem', { pickupCode: reservation.pickupCode });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.status).toBe('redeemed');
    const twice = await post('pharmacy-1', '/api/mask-reservations/redeem', { pickupCode: reservation.pickupCode });
    expect(twice.status).toBe(409);
    expect((await post('pharmacy-1', '/api/mask-reservations/redeem', { pickupCode: '00000000' })).status).toBe(404);
    const list = await get('pharmacy-1', '/api/mask-reservations?status=redeemed');
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(reservation.id);
    expect(list.body.items[0].pickupCode).toBeUndefined();
  });

  it('expires what was not picked up and returns the stock, once, however many instances run', async () => {
    const [reservation] = (await get('resident-2', '/api/mask-reservations/mine')).body.items;
    const before = (await StockModel.findOne({ pharmacyId: reservation.pharmacy.id }).lean())!.available;
    clock.advance(49 * HOUR_MS);
    const runs = await Promise.all([expireUnclaimed(clock.now()), expireUnclaimed(clock.now())]);
    expect(runs.reduce((n, r) => n + r.returned, 0)).toBeGreaterThanOrEqual(5);
    expect((await ReservationModel.findById(reservation.id))!.status).toBe('expired');
    const after = (await StockModel.findOne({ pharmacyId: reservation.pharmacy.id }).lean())!;
    expect(after.available).toBe(before + 5);
    expect(after.holds.map((h) => String(h.reservationId))).not.toContain(reservation.id);
  });

  it('returns a hold whose reservation was never written (a crash between the two writes)', async () => {
    const stock = (await StockModel.findOne({ pharmacyId: pharmacy('P4') }).lean())!;
    const ghost = { _id: new Types.ObjectId(), reservationId: new Types.ObjectId(), quantity: 5, at: new Date(clock.now().getTime() - 10 * 60_000) };
    await StockModel.updateOne({ _id: stock._id }, { $inc: { available: -5 }, $push: { holds: ghost } });
    expect((await returnOrphanHolds(clock.now())).returned).toBe(5);
    expect((await StockModel.findById(stock._id).lean())!.available).toBe(stock.available);
    expect((await returnOrphanHolds(clock.now())).returned).toBe(0);
  });

  it('never oversells: 30 households rush for a round with stock for 4', async () => {
    clock.advance(8 * DAY_MS); // the seeded round has closed
    const round = await post('district-1', '/api/mask-rounds', {
      name: '加急一轮', opensAt: new Date(clock.now().getTime() - 1000).toISOString(), closesAt: new Date(clock.now().getTime() + DAY_MS).toISOString(),
      masksPerHousehold: 5, pickupWindowHours: 24, stock: [{ pharmacyId: pharmacy('P1'), quantity: 10 }, { pharmacyId: pharmacy('P2'), quantity: 12 }],
    });
    expect(round.status).toBe(201);
    const households = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const token = await t.login(`rush-household-${i}`);
        const lat = 31.2285 + (i % 10) * 0.0001;
        const reg = await t.request('POST', '/api/residents/registration', {
          token,
          body: { name: `住户${i}`, idNumber: idFor(i), phone: `139000000${String(i).padStart(2, '0')}`, committeeId: committee('A'), address: `潍坊路 500 弄 ${i} 号`, location: { lat, lng: 121.523 }, householdSize: 2 },
        });
        expect(reg.body.status).toBe('approved');
        return token;
      }),
    );
    const answers = await Promise.all(households.map((token) => t.request('POST', '/api/mask-reservations', { token, body: { roundId: round.body.id } })));
    const granted = answers.filter((a) => a.status === 201 && a.body.status === 'approved');
    expect(granted).toHaveLength(4); // 10 + 12 masks, 5 each: 2 + 2
    expect(answers.filter((a) => a.status === 409 && a.body.error.code === 'OUT_OF_STOCK')).toHaveLength(26);
    expect(answers.some((a) => a.status >= 500)).toBe(false);
    const stocks = await StockModel.find({ roundId: round.body.id }).lean();
    expect(stocks.map((s) => s.available).sort()).toEqual([0, 2]);
    expect((await get('district-1', '/api/mask-reservations?status=approved')).body.items.filter((r: { roundId: string }) => r.roundId === round.body.id)).toHaveLength(4);
  });

  it('lists pharmacies nearest first with live stock, and lets a pharmacy add stock and mark itself sold out', async () => {
    const near = await get('resident-1', '/api/pharmacies?lat=31.2294&lng=121.5223');
    expect(near.body.items[0]).toMatchObject({ id: pharmacy('P1'), stock: { available: 0, total: 10, soldOut: false } });
    const added = await post('pharmacy-1', `/api/pharmacies/${pharmacy('P1')}/stock`, { quantity: 20 });
    expect(added.body).toMatchObject({ available: 20, total: 30 });
    expect((await post('pharmacy-1', `/api/pharmacies/${pharmacy('P2')}/stock`, { quantity: 20 })).status).toBe(403);
    expect((await post('pharmacy-1', `/api/pharmacies/${pharmacy('P1')}/sold-out`, { soldOut: true })).body.soldOut).toBe(true);
  });

  it('tells whether a round is open now', async () => {
    const open = await get('resident-3', '/api/mask-rounds/current');
    expect(open.body.round).toMatchObject({ name: '加急一轮', masksPerHousehold: 5, lottery: false });
  });

  it('refuses reserving when no round is open', async () => {
    clock.advance(2 * DAY_MS);
    const response = await post('resident-3', '/api/mask-reservations');
    expect(response.status).toBe(409);
    expect(errorCode(response)).toBe('ROUND_CLOSED');
    expect((await get('resident-3', '/api/mask-rounds/current')).body).toEqual({ round: null });
  });
});

/** A valid made-up ID number per index (GB 11643 check character). */
function idFor(i: number): string {
  const first17 = `31011519900101${String(i).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, k) => n + Number(d) * weights[k], 0);
  return first17 + '10X98765432'[sum % 11];
}
