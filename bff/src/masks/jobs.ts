import { reservationTransition, type ReservationStatus } from '@sqtb/shared';
import type { Job } from '../jobs/scheduler';
import { applyStep } from '../workflow/apply-step';
import { timelineEntry } from '../workflow/timeline';
import { ReservationModel, StockModel } from './masks.model';
import { HOLD_GRACE_MS, release } from './stock';
import { drawClosedLotteries } from './lottery';

/**
 * Approved reservations not picked up by `pickupBy` expire; their masks go back
 * to the pharmacy. The job returns a hold only for a reservation its own
 * conditional step expired: one a pharmacy redeemed in between keeps its masks.
 */
export async function expireUnclaimed(now: Date): Promise<{ expired: number; returned: number }> {
  const decision = reservationTransition('approved', 'expire', ['system']);
  if (!decision.ok) throw new Error('the reservation table has no expiry');
  const due = await ReservationModel.find({ status: decision.from, pickupBy: { $lt: now } }, { _id: 1, roundId: 1, pharmacyId: 1, quantity: 1, holdId: 1 }).lean();
  let expired = 0;
  let returned = 0;
  for (const r of due) {
    const moved = await applyStep(ReservationModel, r._id, decision.from, decision.to, { entry: timelineEntry(now, decision.event, decision.from, decision.to, 'system') });
    if (!moved) continue;
    expired += 1;
    if (r.holdId && (await release(r.roundId, r.pharmacyId!, r.quantity, r.holdId))) returned += r.quantity;
  }
  return { expired, returned };
}

/** Statuses from which a reservation can never (again) take up a hold it does not already name. */
const SETTLED: readonly ReservationStatus[] = ['approved', 'redeemed', 'rejected', 'lost', 'expired'];
const HOLDING: readonly ReservationStatus[] = ['approved', 'redeemed'];

/**
 * Returns holds no reservation will ever use: the reservation was never written
 * (a crash between taking stock and inserting it, once the hold is HOLD_GRACE_MS
 * old), or it is settled without naming this hold (rejected, lost, expired, or
 * approved with another hold after a crashed attempt). A hold whose reservation
 * is still under review or in a draw is left alone: that reservation may yet be
 * approved with it, and settling it later makes the hold returnable.
 */
export async function returnOrphanHolds(now: Date): Promise<{ returned: number }> {
  let returned = 0;
  const stocks = await StockModel.find({ 'holds.0': { $exists: true } }, { roundId: 1, pharmacyId: 1, holds: 1 }).lean();
  for (const stock of stocks) {
    const owners = await ReservationModel.find({ _id: { $in: stock.holds.map((h) => h.reservationId) } }, { _id: 1, status: 1, holdId: 1 }).lean();
    const ownerOf = new Map(owners.map((r) => [String(r._id), r]));
    for (const hold of stock.holds) {
      const owner = ownerOf.get(String(hold.reservationId));
      const orphan = owner
        ? SETTLED.includes(owner.status) && !(HOLDING.includes(owner.status) && String(owner.holdId) === String(hold._id))
        : now.getTime() - hold.at.getTime() >= HOLD_GRACE_MS;
      if (orphan && (await release(stock.roundId, stock.pharmacyId, hold.quantity, hold._id))) returned += hold.quantity;
    }
  }
  return { returned };
}

export const maskJobs: Job[] = [
  { name: 'masks.draw-lotteries', everyMs: 60_000, run: drawClosedLotteries },
  { name: 'masks.expire-unclaimed', everyMs: 5 * 60_000, run: expireUnclaimed },
  { name: 'masks.return-orphan-holds', everyMs: 5 * 60_000, run: returnOrphanHolds },
];
