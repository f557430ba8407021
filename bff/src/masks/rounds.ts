import type { Types } from 'mongoose';
import { distanceMeters } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { referenceCache } from '../core/reference-cache';
import { Pharmacy } from '../org/org.model';
import { pharmacyCache } from '../org/service';
import { RoundModel, StockModel } from './masks.model';
import { stockMayHaveMore } from './stock';

/** What reserving, reviewing and the round views need of a round (none of it changes once the round is open). */
const ROUND_FIELDS = { name: 1, opensAt: 1, closesAt: 1, masksPerHousehold: 1, pickupWindowHours: 1, lottery: 1 } as const;
export interface RoundRecord {
  _id: Types.ObjectId;
  name: string;
  opensAt: Date;
  closesAt: Date;
  masksPerHousehold: number;
  pickupWindowHours: number;
  lottery?: boolean | null;
}
/** The latest rounds kept in memory; an older one is read when asked for. */
const ROUNDS_KEPT = 20;

/**
 * The latest rounds by opening time, in memory (core/reference-cache.ts): a
 * reservation reads no round. `openRound` invalidates it. A round written
 * another way (the seed, a test) is not in it until the next change: the
 * lookups below then read the database.
 */
const recentRounds = referenceCache('masks.rounds', async () => (await RoundModel.find({}, ROUND_FIELDS).sort({ opensAt: -1 }).limit(ROUNDS_KEPT).lean()) as RoundRecord[]);

export interface RoundInput {
  name: string;
  opensAt: string;
  closesAt: string;
  masksPerHousehold: number;
  pickupWindowHours: number;
  lottery: boolean;
  stock: Array<{ pharmacyId: string; quantity: number }>;
}

/** A district or cadre opens a round with stock per pharmacy. */
export async function openRound(user: AuthUser, input: RoundInput) {
  const ids = [...new Set(input.stock.map((s) => s.pharmacyId))];
  if (ids.length !== input.stock.length) throw new AppError('VALIDATION_FAILED', 'A pharmacy is listed twice', { field: 'stock' });
  if ((await Pharmacy.countDocuments({ _id: { $in: ids } })) !== ids.length) throw new AppError('VALIDATION_FAILED', 'A pharmacy id is unknown', { field: 'stock' });
  const round = await RoundModel.create({ ...input, opensAt: new Date(input.opensAt), closesAt: new Date(input.closesAt), createdBy: user.id });
  try {
    await StockModel.insertMany(input.stock.map((s) => ({ roundId: round._id, pharmacyId: s.pharmacyId, available: s.quantity, total: s.quantity })));
  } catch (err) {
    // No round without its stock.
    await StockModel.deleteMany({ roundId: round._id });
    await RoundModel.deleteOne({ _id: round._id });
    await recentRounds.invalidate();
    throw err;
  }
  await recentRounds.invalidate();
  return roundView(round);
}

/** The round open at `now` (the latest opened, should two overlap), or the one asked for if it is open. */
export async function roundOpenAt(now: Date, roundId?: string): Promise<RoundRecord | null> {
  const open = (r: RoundRecord) => r.opensAt.getTime() <= now.getTime() && r.closesAt.getTime() > now.getTime() && (!roundId || String(r._id) === roundId);
  const kept = (await recentRounds.get()).find(open);
  if (kept) return kept;
  // Not among the rounds in memory: an older one asked for by id, or one written without invalidating the cache.
  return RoundModel.findOne({ opensAt: { $lte: now }, closesAt: { $gt: now }, ...(roundId ? { _id: roundId } : {}) }, ROUND_FIELDS).sort({ opensAt: -1 }).lean();
}

/** A round by id, open or not: from memory, or read. */
export async function roundById(roundId: Types.ObjectId | string): Promise<RoundRecord | null> {
  const kept = (await recentRounds.get()).find((r) => String(r._id) === String(roundId));
  return kept ?? RoundModel.findById(roundId, ROUND_FIELDS).lean();
}

/** As `roundOpenAt`, refusing with ROUND_CLOSED when there is none. */
export async function requireOpenRound(now: Date, roundId?: string) {
  const round = await roundOpenAt(now, roundId);
  if (!round) throw new AppError('ROUND_CLOSED', 'No mask round is open now');
  return round;
}

export async function currentRound(now: Date) {
  const round = await roundOpenAt(now);
  return round ? roundView(round) : null;
}

function roundView(r: RoundRecord) {
  return {
    id: String(r._id),
    name: r.name,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    masksPerHousehold: r.masksPerHousehold,
    pickupWindowHours: r.pickupWindowHours,
    lottery: r.lottery ?? false,
  };
}

/** Pharmacies nearest first, with live stock in the open round and when it last changed. */
export async function pharmaciesNear(point: { lat: number; lng: number }, now: Date) {
  const round = await roundOpenAt(now);
  const [pharmacies, stocks] = await Promise.all([pharmacyCache.get(), round ? StockModel.find({ roundId: round._id }, { holds: 0 }).lean() : Promise.resolve([])]);
  return {
    roundId: round ? String(round._id) : null,
    items: pharmacies
      .map((p) => {
        const stock = stocks.find((s) => String(s.pharmacyId) === String(p._id));
        return {
          id: String(p._id),
          name: p.name,
          address: p.address,
          location: { lat: p.location!.lat, lng: p.location!.lng },
          distanceMeters: Math.round(distanceMeters(point, p.location!)),
          stock: stock ? stockView(stock) : null,
        };
      })
      .sort((a, b) => a.distanceMeters - b.distanceMeters),
  };
}

const stockView = (s: { available: number; total: number; soldOut: boolean; updatedAt: Date }) => ({ available: s.available, total: s.total, soldOut: s.soldOut, updatedAt: s.updatedAt.toISOString() });

function assertOwnPharmacy(user: AuthUser, pharmacyId: string) {
  if (user.role === 'pharmacy' && user.scope.pharmacyId !== pharmacyId) throw new AppError('FORBIDDEN', 'You may only change your own pharmacy');
}

export async function addStock(user: AuthUser, pharmacyId: string, quantity: number, now: Date) {
  assertOwnPharmacy(user, pharmacyId);
  const round = await requireOpenRound(now);
  const stock = await StockModel.findOneAndUpdate(
    { roundId: round._id, pharmacyId },
    { $inc: { available: quantity, total: quantity } },
    { new: true, upsert: true, projection: { holds: 0 } },
  );
  stockMayHaveMore(round._id, pharmacyId);
  return stockView(stock!);
}

export async function setSoldOut(user: AuthUser, pharmacyId: string, soldOut: boolean, now: Date) {
  assertOwnPharmacy(user, pharmacyId);
  const round = await requireOpenRound(now);
  const stock = await StockModel.findOneAndUpdate({ roundId: round._id, pharmacyId }, { $set: { soldOut } }, { new: true, projection: { holds: 0 } });
  if (!stock) throw new AppError('NOT_FOUND', 'This pharmacy has no stock in the open round');
  stockMayHaveMore(round._id, pharmacyId);
  return stockView(stock);
}
