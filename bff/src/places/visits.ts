import { addDays, MY_VISITS_DAYS, PLACE_VISITS_LISTED, shanghaiDate, type MyVisits, type PlaceVisits, type VisitReply } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { isDuplicateKey } from '../db/duplicate-key';
import { currentCode, type HealthDeps } from '../health-code/service';
import { PlaceModel } from './place.model';
import { runsPlace } from './scope';
import { invalidCode, verifyPlaceCode } from './token';
import { shanghaiHour, shanghaiMidnight, VisitModel, type VisitRecord } from './visit.model';

/**
 * Visits: a resident scans a place's code in, the gate sees their colour; the
 * place's manager (or district staff) sees the day's visitors, masked; a
 * resident sees their own.
 */

/**
 * `POST /api/visits`. The code is checked before anything is read or written
 * about the resident: a forged, foreign or revoked code writes nothing. The
 * colour is the health code's own (its service), at this moment; yellow or red
 * is refused entry but the visit is kept, marked refused.
 */
export async function scanIn(user: AuthUser, placeToken: string, deps: HealthDeps): Promise<VisitReply> {
  const claims = await verifyPlaceCode(deps.keys, placeToken);
  if (!claims) throw invalidCode('This is not a place code');
  const place = await PlaceModel.findById(claims.placeId, { name: 1, kind: 1, status: 1, codeVersion: 1 }).lean();
  if (!place || place.kind !== claims.kind) throw invalidCode('This place code names no place');
  if (place.status !== 'active' || place.codeVersion !== claims.version) throw invalidCode('This place code was revoked');
  const code = await currentCode(user, deps);
  const now = deps.clock.now();
  const scanned = { color: code.color, allowed: code.color === 'green', reasons: code.reasons.map((r) => r.text), nameMasked: code.maskedName, lastScanAt: now };
  const visit = await recordVisit(user.id, String(place._id), now, scanned);
  return {
    visitId: String(visit._id),
    place: { id: String(place._id), name: place.name },
    nameMasked: visit.nameMasked,
    color: visit.color,
    allowed: visit.allowed,
    reasons: visit.reasons,
    at: visit.at.toISOString(),
  };
}

/**
 * One visit per person, place and Shanghai clock hour, decided by the unique
 * index on (userId, placeId, hour): the first scan of the hour inserts the
 * visit (its time is the arrival); any later one, or the loser of two at
 * once, is refused by the index and finds that visit instead, storing the
 * colour it saw.
 */
async function recordVisit(userId: string, placeId: string, now: Date, scanned: Pick<VisitRecord, 'color' | 'allowed' | 'reasons' | 'nameMasked' | 'lastScanAt'>) {
  const key = { userId, placeId, hour: shanghaiHour(now) };
  try {
    return (await VisitModel.create({ ...key, at: now, ...scanned })).toObject();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const visit = await VisitModel.findOneAndUpdate(key, { $set: scanned }, { new: true }).lean();
  // Only the retention job deletes visits, and only those 28 days old: the one the index named is there.
  if (!visit) throw new Error('a visit refused as a duplicate could not be found');
  return visit;
}

/** `GET /api/places/:id/visits?date=`: the place's manager or district staff; a Shanghai day, newest first, with counts per hour. */
export async function placeVisits(user: AuthUser, placeId: string, date: string | undefined, now: Date): Promise<PlaceVisits> {
  const place = await PlaceModel.findById(placeId, { name: 1, kind: 1, refId: 1 }).lean();
  if (!place) throw new AppError('NOT_FOUND', 'No such place');
  if (user.role !== 'district' && !runsPlace(user, place)) throw new AppError('FORBIDDEN', 'This place is not yours');
  const day = date ?? shanghaiDate(now);
  const visits = await VisitModel.find({ placeId: place._id, at: { $gte: shanghaiMidnight(day), $lt: shanghaiMidnight(addDays(day, 1)) } }, { nameMasked: 1, color: 1, allowed: 1, at: 1 })
    .sort({ at: -1 })
    .lean();
  const perHour = Array.from({ length: 24 }, () => 0);
  for (const v of visits) perHour[Number(shanghaiHour(v.at).slice(11, 13))] += 1;
  return {
    place: { id: String(place._id), name: place.name },
    date: day,
    items: visits.slice(0, PLACE_VISITS_LISTED).map((v) => ({ visitId: String(v._id), nameMasked: v.nameMasked, color: v.color, allowed: v.allowed, at: v.at.toISOString() })),
    perHour,
    flagged: visits.filter((v) => v.color !== 'green').length,
    total: visits.length,
  };
}

/** `GET /api/me/visits`: the resident's own, on the last MY_VISITS_DAYS Shanghai days (today included), newest first. */
export async function myVisits(user: AuthUser, now: Date): Promise<MyVisits> {
  const since = shanghaiMidnight(addDays(shanghaiDate(now), -(MY_VISITS_DAYS - 1)));
  const visits = await VisitModel.find({ userId: user.id, at: { $gte: since } }, { placeId: 1, color: 1, allowed: 1, at: 1 }).sort({ at: -1 }).limit(1000).lean();
  const places = await PlaceModel.find({ _id: { $in: [...new Set(visits.map((v) => String(v.placeId)))] } }, { name: 1 }).lean();
  const names = new Map(places.map((p) => [String(p._id), p.name]));
  return {
    items: visits.map((v) => ({ visitId: String(v._id), place: { id: String(v.placeId), name: names.get(String(v.placeId)) ?? '' }, color: v.color, allowed: v.allowed, at: v.at.toISOString() })),
  };
}
