import type { Types } from 'mongoose';
import { Pharmacy } from '../org/org.model';
import { RegistrationModel, ReservationModel, RoundModel, StockModel } from '../masks/service';
import type { OverviewScope } from './scope';

type Counts = Map<string, number>;

/** Documents (or the sum of `sumOf`) grouped by a field, and optionally a second one. */
async function countBy(model: typeof RegistrationModel | typeof ReservationModel, match: Record<string, unknown>, field: string, extra?: string, sumOf?: string): Promise<Counts> {
  const rows = await (model as typeof ReservationModel).aggregate<{ _id: Record<string, Types.ObjectId | string | null>; n: number }>([
    { $match: match },
    { $group: { _id: { k: `$${field}`, ...(extra ? { e: `$${extra}` } : {}) }, n: { $sum: sumOf ? `$${sumOf}` : 1 } } },
  ]);
  return new Map(rows.map((r) => [`${String(r._id.k)}${extra ? `/${String(r._id.e)}` : ''}`, r.n]));
}

/** The latest round opened by now, per pharmacy: stock against what became of its reservations. */
async function roundByPharmacy(scope: OverviewScope, now: Date) {
  const round = await RoundModel.findOne({ opensAt: { $lte: now } }).sort({ opensAt: -1, _id: -1 }).lean();
  if (!round) return { round: null, byPharmacy: [] };
  const committeeIds = scope.committees.map((c) => c.id);
  const pharmacies = await Pharmacy.find(scope.includesOutside ? {} : { committeeId: { $in: committeeIds } }, { name: 1 }).lean();
  const stocks = await StockModel.find({ roundId: round._id, pharmacyId: { $in: pharmacies.map((p) => p._id) } }).lean();
  const byStatus = await countBy(ReservationModel, { roundId: round._id, pharmacyId: { $in: pharmacies.map((p) => p._id) } }, 'pharmacyId', 'status', 'quantity');
  const count = (pharmacyId: Types.ObjectId, status: string) => byStatus.get(`${String(pharmacyId)}/${status}`) ?? 0;
  const byPharmacy = stocks
    .map((s) => {
      const pharmacy = pharmacies.find((p) => p._id.equals(s.pharmacyId))!;
      return {
        pharmacyId: String(s.pharmacyId),
        pharmacyName: pharmacy.name,
        stock: s.total,
        available: s.available,
        reserved: count(s.pharmacyId, 'approved'),
        pickedUp: count(s.pharmacyId, 'redeemed'),
        expired: count(s.pharmacyId, 'expired'),
      };
    })
    .sort((a, b) => a.pharmacyName.localeCompare(b.pharmacyName, 'zh') || a.pharmacyId.localeCompare(b.pharmacyId));
  return {
    round: { id: String(round._id), name: round.name, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString(), open: round.closesAt > now },
    byPharmacy,
  };
}

/** What waits for each committee's cadre: household registrations and reservations. */
async function pendingReviews(scope: OverviewScope) {
  const match = { status: 'pending_review', committeeId: { $in: scope.committees.map((c) => c.id) } };
  const [registrations, reservations] = await Promise.all([countBy(RegistrationModel, match, 'committeeId'), countBy(ReservationModel, match, 'committeeId')]);
  return scope.committees.map((c) => ({
    committeeId: String(c.id),
    committeeName: c.name,
    registrations: registrations.get(String(c.id)) ?? 0,
    reservations: reservations.get(String(c.id)) ?? 0,
  }));
}

export async function masksOverview(scope: OverviewScope, now: Date) {
  const [round, reviews] = await Promise.all([roundByPharmacy(scope, now), pendingReviews(scope)]);
  return { ...round, pendingReviews: reviews };
}
