import { distanceMeters } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { Pharmacy } from '../org/org.model';
import { RoundModel, StockModel } from './masks.model';

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
    throw err;
  }
  return roundView(round);
}

/** The round open at `now` (the latest opened, should two overlap), or the one asked for if it is open. */
function roundOpenAt(now: Date, roundId?: string) {
  return RoundModel.findOne({ opensAt: { $lte: now }, closesAt: { $gt: now }, ...(roundId ? { _id: roundId } : {}) }).sort({ opensAt: -1 });
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

function roundView(r: InstanceType<typeof RoundModel>) {
  return {
    id: String(r._id),
    name: r.name,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    masksPerHousehold: r.masksPerHousehold,
    pickupWindowHours: r.pickupWindowHours,
    lottery: r.lottery,
  };
}

/** Pharmacies nearest first, with live stock in the open round and when it last changed. */
export async function pharmaciesNear(point: { lat: number; lng: number }, now: Date) {
  const round = await roundOpenAt(now).lean();
  const [pharmacies, stocks] = await Promise.all([Pharmacy.find().lean(), round ? StockModel.find({ roundId: round._id }, { holds: 0 }).lean() : Promise.resolve([])]);
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
  return stockView(stock!);
}

export async function setSoldOut(user: AuthUser, pharmacyId: string, soldOut: boolean, now: Date) {
  assertOwnPharmacy(user, pharmacyId);
  const round = await requireOpenRound(now);
  const stock = await StockModel.findOneAndUpdate({ roundId: round._id, pharmacyId }, { $set: { soldOut } }, { new: true, projection: { holds: 0 } });
  if (!stock) throw new AppError('NOT_FOUND', 'This pharmacy has no stock in the open round');
  return stockView(stock);
}
