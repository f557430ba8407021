import { reservationTransition } from '@sqtb/shared';
import type { Job } from '../jobs/scheduler';
import { ReservationModel, RoundModel, StockModel } from './models';
import { release } from './stock';
import { drawClosedLotteries } from './lottery';

/** A hold younger than this may belong to a reservation still being written. */
const HOLD_GRACE_MS = 2 * 60_000;

/** Approved reservations not picked up by `pickupBy` expire; their masks go back to the pharmacy. */
export async function expireUnclaimed(now: Date): Promise<{ expired: number; returned: number }> {
  const decision = reservationTransition('approved', 'expire', ['system']);
  if (!decision.ok) throw new Error('the reservation table has no expiry');
  const due = await ReservationModel.find({ status: 'approved', pickupBy: { $lt: now } }, { _id: 1, roundId: 1, pharmacyId: 1, quantity: 1 }).lean();
  let expired = 0;
  let returned = 0;
  for (const r of due) {
    const moved = await ReservationModel.updateOne(
      { _id: r._id, status: 'approved' },
      { $set: { status: decision.to }, $push: { timeline: { at: now, action: 'expire', from: 'approved', to: decision.to, role: 'system' } } },
    );
    expired += moved.modifiedCount;
    // Whoever expired it, the hold is returned once (release is conditional on the hold).
    if (await release(r.roundId, r.pharmacyId!, r.quantity, r._id)) returned += r.quantity;
  }
  return { expired, returned };
}

/**
 * Returns holds whose reservation never got written (a crash between taking
 * stock and inserting the reservation) or no longer needs the masks.
 */
export async function returnOrphanHolds(now: Date): Promise<{ returned: number }> {
  let returned = 0;
  const stocks = await StockModel.find({ 'holds.0': { $exists: true } }, { roundId: 1, pharmacyId: 1, holds: 1 }).lean();
  for (const stock of stocks) {
    const live = await ReservationModel.find({ _id: { $in: stock.holds }, status: { $in: ['approved', 'redeemed'] } }, { _id: 1, quantity: 1 }).lean();
    const liveIds = new Set(live.map((r) => String(r._id)));
    for (const hold of stock.holds) {
      if (liveIds.has(String(hold)) || now.getTime() - hold.getTimestamp().getTime() < HOLD_GRACE_MS) continue;
      const reservation = await ReservationModel.findById(hold, { quantity: 1 }).lean();
      const quantity = reservation?.quantity ?? (await quantityOfRound(stock.roundId));
      if (await release(stock.roundId, stock.pharmacyId, quantity, hold)) returned += quantity;
    }
  }
  return { returned };
}

async function quantityOfRound(roundId: unknown): Promise<number> {
  return (await RoundModel.findById(roundId, { masksPerHousehold: 1 }).lean())?.masksPerHousehold ?? 0;
}

export const maskJobs: Job[] = [
  { name: 'masks.draw-lotteries', everyMs: 60_000, run: drawClosedLotteries },
  { name: 'masks.expire-unclaimed', everyMs: 5 * 60_000, run: expireUnclaimed },
  { name: 'masks.return-orphan-holds', everyMs: 5 * 60_000, run: returnOrphanHolds },
];
