import { Types } from 'mongoose';
import { distanceMeters, type LatLng } from '@sqtb/shared';
import { Pharmacy } from '../org/model';
import { StockModel } from './models';

/**
 * Takes `quantity` masks for one reservation from the nearest pharmacy that
 * has them, in one conditional update per pharmacy tried: stock can never go
 * below zero, and the hold names the reservation it is for.
 */
export async function takeNearest(roundId: Types.ObjectId, from: LatLng, quantity: number, holdId: Types.ObjectId, preferredPharmacyId?: string) {
  const stocks = await StockModel.find({ roundId, soldOut: false, available: { $gte: quantity } }, { pharmacyId: 1 }).lean();
  const pharmacies = await Pharmacy.find({ _id: { $in: stocks.map((s) => s.pharmacyId) } }).lean();
  const ordered = pharmacies
    .map((p) => ({ pharmacy: p, distance: distanceMeters(from, p.location!) }))
    .sort((a, b) => Number(String(b.pharmacy._id) === preferredPharmacyId) - Number(String(a.pharmacy._id) === preferredPharmacyId) || a.distance - b.distance);
  for (const { pharmacy } of ordered) {
    const taken = await StockModel.findOneAndUpdate(
      { roundId, pharmacyId: pharmacy._id, soldOut: false, available: { $gte: quantity }, holds: { $ne: holdId } },
      { $inc: { available: -quantity }, $push: { holds: holdId } },
      { new: true },
    );
    if (taken) return pharmacy;
  }
  return undefined;
}

/** Gives a reservation's masks back; a second call for the same hold changes nothing. */
export async function release(roundId: Types.ObjectId, pharmacyId: Types.ObjectId, quantity: number, holdId: Types.ObjectId): Promise<boolean> {
  const result = await StockModel.updateOne({ roundId, pharmacyId, holds: holdId }, { $inc: { available: quantity }, $pull: { holds: holdId } });
  return result.modifiedCount === 1;
}
