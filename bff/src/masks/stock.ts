import { Types, type mongo } from 'mongoose';
import { distanceMeters, type LatLng } from '@sqtb/shared';
import { Pharmacy } from '../org/org.model';
import { pharmacyCache } from '../org/service';
import { StockModel } from './masks.model';

/** A hold with no reservation younger than this may belong to a reservation still being written. */
export const HOLD_GRACE_MS = 2 * 60_000;

/** Who a hold is for and when it was taken: a hold carries its own time, never its reservation's. */
export interface HoldFor {
  reservationId: Types.ObjectId;
  at: Date;
}

/** A pharmacy as a reservation names it. */
export interface StockPharmacy {
  _id: Types.ObjectId;
  name: string;
  address: string;
  location?: LatLng | null;
}

const PHARMACY_FIELDS = { name: 1, address: 1, location: 1 } as const;

/** The pharmacy of this id: from memory, or read when the cache has not seen it (yet). */
export async function pharmacyNamed(id: Types.ObjectId | string): Promise<StockPharmacy | null> {
  const known = (await pharmacyCache.get()).find((p) => String(p._id) === String(id));
  return known ?? Pharmacy.findById(id, PHARMACY_FIELDS).lean();
}

/**
 * Which stocks this instance last saw run out, and when (by the real clock). It
 * only orders the attempts: a stock seen empty is not tried blind, and nothing
 * is refused on it — "out of stock" is always read from the database. Every
 * increase made through this instance (a release, a restock, a pharmacy open
 * again) forgets the entry at once. One made through another instance is
 * noticed at the next read, or after SEEN_EMPTY_MS; until then a household may
 * be sent to a farther pharmacy than the nearest with stock. (Under a rush one
 * turn of the event loop can take a second, so a shorter time would have every
 * request try an empty stock blind first.)
 */
const SEEN_EMPTY_MS = 5000;
const seenEmpty = new Map<string, number>();
const stockKey = (roundId: unknown, pharmacyId: unknown) => `${String(roundId)}:${String(pharmacyId)}`;

function markEmpty(roundId: unknown, pharmacyId: unknown) {
  if (seenEmpty.size > 10_000) for (const [key, at] of seenEmpty) if (Date.now() - at >= SEEN_EMPTY_MS) seenEmpty.delete(key);
  seenEmpty.set(stockKey(roundId, pharmacyId), Date.now());
}
const seenEmptyLately = (roundId: unknown, pharmacyId: unknown) => Date.now() - (seenEmpty.get(stockKey(roundId, pharmacyId)) ?? -Infinity) < SEEN_EMPTY_MS;

/** Stock may have come back here (a release, a restock, sold-out lifted): try it again first. */
export function stockMayHaveMore(roundId: unknown, pharmacyId: unknown) {
  seenEmpty.delete(stockKey(roundId, pharmacyId));
}

/** Nearest first; a pharmacy the household asked for goes before all others. */
function byNearness<P extends StockPharmacy>(pharmacies: P[], from: LatLng, preferredPharmacyId?: string): P[] {
  return pharmacies
    .filter((p) => p.location)
    .map((pharmacy) => ({ pharmacy, distance: distanceMeters(from, pharmacy.location!) }))
    .sort((a, b) => Number(String(b.pharmacy._id) === preferredPharmacyId) - Number(String(a.pharmacy._id) === preferredPharmacyId) || a.distance - b.distance)
    .map((d) => d.pharmacy);
}

/**
 * Takes `quantity` masks for one reservation from the nearest pharmacy that
 * has them, in one conditional update per pharmacy tried: stock can never go
 * below zero, and the hold (a fresh id, the reservation it is for, the
 * quantity and the time) is recorded in the same write.
 *
 * The pharmacies come from memory. The nearest one not seen empty lately is
 * tried at once: in a rush that one update is all it costs. If it has none,
 * one read says which stocks have enough, and those are tried nearest first;
 * undefined when none could be taken.
 *
 * Both go through the driver, with the values mongoose would cast to: every
 * attempt of a rush passes here, and mongoose's query layer cost more CPU than
 * the command it sends (BENCHMARKS.md, issue 18).
 */
export async function takeNearest(roundId: Types.ObjectId, from: LatLng, quantity: number, holdFor: HoldFor, preferredPharmacyId?: string): Promise<{ pharmacy: StockPharmacy; holdId: Types.ObjectId } | undefined> {
  const take = async (pharmacy: StockPharmacy) => {
    const holdId = new Types.ObjectId();
    const hold = { _id: holdId, reservationId: holdFor.reservationId, quantity, at: holdFor.at };
    const takeAndHold: mongo.Document = { $inc: { available: -quantity }, $push: { holds: hold }, $set: { updatedAt: new Date() } };
    const after = await StockModel.collection.findOneAndUpdate({ roundId, pharmacyId: pharmacy._id, soldOut: false, available: { $gte: quantity } }, takeAndHold, {
      returnDocument: 'after',
      projection: { available: 1 },
    });
    if (!after || after.available < quantity) markEmpty(roundId, pharmacy._id);
    return after ? { pharmacy, holdId } : undefined;
  };

  const known = await pharmacyCache.get();
  const first = byNearness(known, from, preferredPharmacyId).find((p) => !seenEmptyLately(roundId, p._id));
  const takenFirst = first && (await take(first));
  if (takenFirst) return takenFirst;

  // Which stocks have enough, by the database; the rest are seen empty.
  const stocks = await StockModel.collection.find({ roundId, soldOut: false, available: { $gte: quantity } }, { projection: { pharmacyId: 1 } }).toArray();
  const withStock = new Set(stocks.map((s) => String(s.pharmacyId)));
  for (const p of known) if (!withStock.has(String(p._id))) markEmpty(roundId, p._id);
  // A pharmacy the cache has not seen yet (written without invalidating it): read it, and have every instance load afresh.
  const unknown = [...withStock].filter((id) => !known.some((p) => String(p._id) === id));
  const added = unknown.length ? await Pharmacy.find({ _id: { $in: unknown } }, PHARMACY_FIELDS).lean() : [];
  if (added.length) await pharmacyCache.invalidate();
  for (const pharmacy of byNearness([...known, ...added], from, preferredPharmacyId)) {
    if (!withStock.has(String(pharmacy._id))) continue;
    const taken = await take(pharmacy);
    if (taken) return taken;
  }
  return undefined;
}

/** Gives a hold's masks back; a second call for the same hold changes nothing. */
export async function release(roundId: Types.ObjectId, pharmacyId: Types.ObjectId, quantity: number, holdId: Types.ObjectId): Promise<boolean> {
  const result = await StockModel.updateOne({ roundId, pharmacyId, 'holds._id': holdId }, { $inc: { available: quantity }, $pull: { holds: { _id: holdId } } });
  if (result.modifiedCount === 1) stockMayHaveMore(roundId, pharmacyId);
  return result.modifiedCount === 1;
}
