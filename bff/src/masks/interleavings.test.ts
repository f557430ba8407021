import fc from 'fast-check';
import { Types } from 'mongoose';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { DAY_MS, HOUR_MS, type Clock } from '../core/clock';
import { Committee, Pharmacy } from '../org/org.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave } from '../../test/interleave';
import { RegistrationModel, ReservationModel, RoundModel, StockModel } from './masks.model';
import { redeem, reserve, review } from './reservations';
import { drawRound } from './lottery';
import { expireUnclaimed, returnOrphanHolds } from './jobs';
import { addStock, setSoldOut } from './rounds';

/**
 * The mask invariant under many orders of the same concurrent work: residents
 * reserving, a cadre approving and rejecting, a lottery drawn twice at once, a
 * pharmacy redeeming, restocking and selling out, and the expiry and
 * orphan-hold jobs, every database call interleaved by fast-check's scheduler.
 * After each run, for every round and pharmacy:
 *   total (initial + restocks) = available + masks of approved or redeemed reservations,
 * stock is never negative, every approved reservation has its hold and every
 * hold belongs to one. `INTERLEAVINGS=1000 npm run test:stress` runs more.
 */
const RUNS = Number(process.env.INTERLEAVINGS ?? 100);
const PER = 5;

describe('masks under forced interleavings', () => {
  let t: TestApp;
  let committeeId: Types.ObjectId;
  let pharmacies: Array<{ _id: Types.ObjectId; location: { lat: number; lng: number } }>;
  let cadre: AuthUser;
  const district: AuthUser = { id: new Types.ObjectId().toString(), role: 'district', displayName: '区级', scope: {}, registered: true };
  let day = 0;

  beforeAll(async () => {
    t = await startTestApp();
    const committee = (await Committee.findOne({ code: 'A' }).lean())!;
    committeeId = committee._id;
    pharmacies = (await Pharmacy.find().sort({ code: 1 }).limit(3).lean()).map((p) => ({ _id: p._id, location: { lat: p.location!.lat, lng: p.location!.lng } }));
    cadre = { id: new Types.ObjectId().toString(), role: 'cadre', displayName: '居委', scope: { committeeId: String(committeeId) }, registered: true };
  });
  afterAll(() => t.close());

  const resident = (): AuthUser => ({ id: new Types.ObjectId().toString(), role: 'resident', displayName: '居民', scope: {}, registered: true });
  const clockAt = (at: Date): Clock => ({ now: () => new Date(at) });
  const pharmacyUser = (pharmacyId: Types.ObjectId): AuthUser => ({ id: new Types.ObjectId().toString(), role: 'pharmacy', displayName: '药房', scope: { pharmacyId: String(pharmacyId) }, registered: true });

  async function registerApproved(user: AuthUser, label: string) {
    const at = pharmacies[0].location;
    await RegistrationModel.create({
      userId: user.id, name: '测试', idHash: `h-${label}-${user.id}`, idMasked: '1101**********0000', phone: '13900000000', committeeId,
      address: label, addressKey: label, approvedAddressKey: label, location: at, householdSize: 2, status: 'approved',
    });
  }

  /** A fresh day: an open round with a little stock, a closed lottery round with applications, and reservations awaiting review. */
  async function setUpDay() {
    day += 1;
    const now = new Date(Date.UTC(2027, 0, 1) + day * DAY_MS);
    const round = await RoundModel.create({ name: `第${day}轮`, opensAt: new Date(now.getTime() - 4 * HOUR_MS), closesAt: new Date(now.getTime() + HOUR_MS), masksPerHousehold: PER, pickupWindowHours: 24 });
    const lottery = await RoundModel.create({ name: `摇号${day}`, opensAt: new Date(now.getTime() - 4 * HOUR_MS), closesAt: new Date(now.getTime() - HOUR_MS), masksPerHousehold: PER, pickupWindowHours: 24, lottery: true });
    await StockModel.insertMany([
      { roundId: round._id, pharmacyId: pharmacies[0]._id, available: 10, total: 10 },
      { roundId: round._id, pharmacyId: pharmacies[1]._id, available: 5, total: 5 },
      { roundId: lottery._id, pharmacyId: pharmacies[2]._id, available: 10, total: 10 },
    ]);
    const earlier = clockAt(new Date(now.getTime() - 3 * HOUR_MS));
    // Households waiting for the cadre: they reserved before registering, and are registered now.
    const waiting = [resident(), resident(), resident()];
    const pending = [];
    for (const [i, user] of waiting.entries()) {
      pending.push((await reserve(user, { roundId: String(round._id) }, undefined, earlier)).body.id);
      await registerApproved(user, `d${day}-wait-${i}`);
    }
    // Households applying to the lottery while it was open.
    for (let i = 0; i < 3; i++) {
      const user = resident();
      await registerApproved(user, `d${day}-lot-${i}`);
      await reserve(user, { roundId: String(lottery._id) }, undefined, clockAt(new Date(now.getTime() - 2 * HOUR_MS)));
    }
    const rushing = [resident(), resident(), resident()];
    for (const [i, user] of rushing.entries()) await registerApproved(user, `d${day}-rush-${i}`);
    return { now, round, lottery, pending, rushing };
  }

  /** Redeems whichever reservation of these rounds is approved when it runs, at its own pharmacy. */
  async function redeemOne(roundIds: Types.ObjectId[], now: Date) {
    const approved = await ReservationModel.findOne({ roundId: { $in: roundIds }, status: 'approved' }).lean();
    if (approved) await redeem(pharmacyUser(approved.pharmacyId!), approved.pickupCode!, clockAt(now));
  }

  async function checkInvariant(roundIds: Types.ObjectId[]) {
    const stocks = await StockModel.find({ roundId: { $in: roundIds } }).lean();
    const reservations = await ReservationModel.find({ roundId: { $in: roundIds } }).lean();
    const live = reservations.filter((r) => r.status === 'approved' || r.status === 'redeemed');
    for (const stock of stocks) {
      const here = live.filter((r) => String(r.roundId) === String(stock.roundId) && String(r.pharmacyId) === String(stock.pharmacyId));
      const granted = here.reduce((n, r) => n + r.quantity, 0);
      expect(stock.available).toBeGreaterThanOrEqual(0);
      expect({ pharmacy: String(stock.pharmacyId), total: stock.total }).toEqual({ pharmacy: String(stock.pharmacyId), total: stock.available + granted });
      expect(stock.holds.map((h) => String(h._id)).sort()).toEqual(here.map((r) => String(r.holdId)).sort());
    }
    for (const r of live) expect(r.holdId).toBeDefined();
  }

  it(`keeps every mask accounted for over ${RUNS} interleavings of reserve, review, draw, redeem, restock, sold-out, expiry and orphan return`, async () => {
    let runs = 0;
    let reachedHandlers = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.nat({ max: 80 }), { minLength: 14, maxLength: 14 }), async (s, delays) => {
        const { now, round, lottery, pending, rushing } = await setUpDay();
        const rounds = [round._id, lottery._id];
        const operations: Array<() => Promise<unknown>> = [
          ...rushing.map((user) => () => reserve(user, { roundId: String(round._id) }, undefined, clockAt(now))),
          () => review(cadre, pending[0], true, clockAt(now)),
          () => review(cadre, pending[1], true, clockAt(now)),
          () => review(cadre, pending[2], false, clockAt(now)),
          () => drawRound(String(lottery._id), now),
          () => drawRound(String(lottery._id), now),
          () => redeemOne(rounds, now),
          () => addStock(district, String(pharmacies[1]._id), PER, now),
          () => setSoldOut(district, String(pharmacies[0]._id), true, now),
          () => expireUnclaimed(new Date(now.getTime() + 25 * HOUR_MS)),
          () => returnOrphanHolds(now),
        ];
        // Each operation starts after a chosen number of the others' database calls.
        const results = await interleave(s, operations.map((run, i) => ({ run, startAfter: delays[i] })));
        // Refusals (409 out of stock, conflict) are answers; anything else is a defect.
        for (const r of results) if (r.status === 'rejected' && !(r.reason instanceof AppError && r.reason.status < 500)) throw r.reason;
        reachedHandlers += results.filter((r) => r.status === 'fulfilled').length;
        await checkInvariant(rounds);
        // Each run's records go once checked: the embedded engine scans whole collections, so kept runs would slow every later one.
        await Promise.all([
          ReservationModel.deleteMany({ roundId: { $in: rounds } }),
          StockModel.deleteMany({ roundId: { $in: rounds } }),
          RoundModel.deleteMany({ _id: { $in: rounds } }),
          RegistrationModel.deleteMany({ address: new RegExp(`^d${day}-`) }),
        ]);
        runs += 1;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(runs).toBe(RUNS);
    process.stdout.write(`masks: ${RUNS} interleavings, ${reachedHandlers} operations completed, invariant held after each\n`);
  }, 30_000 + RUNS * 2_000);
});
