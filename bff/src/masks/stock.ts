import { Types } from 'mongoose';
import { distanceMeters, type LatLng } from '@sqtb/shared';
import { Pharmacy } from '../org/org.model';
import { StockModel } from './masks.model';

/** A hold with no reservation younger than this may belong to a reservation still being written. */
export const HOLD_GRACE_MS = 2 * 60_000;

/** Who a hold is for and when it was taken: a hold carries its own time, never its reservation's. */
export interface HoldFor {
  reservationId: Types.ObjectId;
  at: Date;
}

/**
 * Takes `quantity` masks for one reservation from the nearest pharmacy that
 * has them, in one conditional update per pharmacy tried: stock can never go
 * below zero, and the hold (a fresh id, the reservation it is for, the
 * quantity and the time) is recorded in the same write.
 */
export async function takeNearest(roundId: Types.ObjectId, from: LatLng, quantity: number, holdFor: HoldFor, preferredPharmacyId?: string) {
  const stocks = await StockModel.find({ roundId, soldOut: false, available: { $gte: quantity } }, { pharmacyId: 1 }).lean();
  const pharmacies = await Pharmacy.find({ _id: { $in: stocks.map((s) => s.pharmacyId) } }).lean();
  const ordered = pharmacies
    .map((p) => ({ pharmacy: p, distance: distanceMeters(from, p.location!) }))
    .sort((a, b) => Number(String(b.pharmacy._id) === preferredPharmacyId) - Number(String(a.pharmacy._id) === preferredPharmacyId) || a.distance - b.distance);
  for (const { pharmacy } of ordered) {
    const holdId = new Types.ObjectId();
    const taken = await StockModel.updateOne(
      { roundId, pharmacyId: pharmacy._id, soldOut: false, available: { $gte: quantity } },
      { $inc: { available: -quantity }, $push: { holds: { _id: holdId, reservationId: holdFor.reservationId, quantity, at: holdFor.at } } },
    );
    if (taken.modifiedCount === 1) return { pharmacy, holdId };
  }
  return undefined;
}

/** Gives a hold's masks back; a second call for the same hold changes nothing. */
export async function release(roundId: Types.ObjectId, pharmacyId: Types.ObjectId, quantity: number, holdId: Types.ObjectId): Promise<boolean> {
  const result = await StockModel.updateOne({ roundId, pharmacyId, 'holds._id': holdId }, { $inc: { available: quantity }, $pull: { holds: { _id: holdId } } });
  return result.modifiedCount === 1;
}
