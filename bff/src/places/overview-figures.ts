import type { Types } from 'mongoose';
import { addDays, contactCandidates, contactWindow, OVERLAP_MINUTES, OVERVIEW_CASE_DAYS, shanghaiDate, type PlaceVisit, type VisitCount } from '@sqtb/shared';
import { MedicalCaseModel } from '../health-code/service';
import { ResidentIdentity } from '../residents/identity.model';
import { ContactDecisionModel } from './contact-decision.model';
import { PlaceModel } from './place.model';
import { shanghaiMidnight, VisitModel } from './visit.model';

/**
 * The overview's place figures (shared overview.schema.ts defines them): visits
 * per Shanghai day by the committee of their place, and the close-contact
 * candidates awaiting a decision of the recently confirmed cases.
 *
 * The reads do not depend on how many cases there are: the confirmed records
 * of the last OVERVIEW_CASE_DAYS days, who holds their ID numbers, all their
 * visits in their windows, everyone's visits within the overlap of those, and
 * the decisions taken: one read each; the shared rule then runs per case in
 * memory, exactly as `GET /api/health/cases/:id/contact-candidates` runs it.
 */

export interface PlaceCommitteeFigures {
  /** One count per day asked for, oldest first. */
  days: VisitCount[];
  candidatesAwaiting: number;
}

export interface PlaceFigures {
  /** By the place's committee (null: a place outside every committee's area). */
  byCommittee: Map<string | null, PlaceCommitteeFigures>;
  /** Every candidate awaiting a decision: its case and the committee of the place it was named at. */
  awaiting: Array<{ caseId: string; committee: string | null }>;
}

const asRule = (v: { userId: unknown; placeId: unknown; at: Date }): PlaceVisit => ({ userId: String(v.userId), placeId: String(v.placeId), at: v.at });

/** Each current candidate (case, person) of the confirmed cases dated on the last OVERVIEW_CASE_DAYS days up to `today`, with the place the rule names. */
async function awaitingCandidates(today: string): Promise<Array<{ caseId: string; placeId: string }>> {
  const cases = await MedicalCaseModel.find({ status: 'confirmed', date: { $gte: addDays(today, -(OVERVIEW_CASE_DAYS - 1)), $lte: today } }, { idHash: 1, date: 1 }).lean();
  if (!cases.length) return [];
  const identities = await ResidentIdentity.find({ idHash: { $in: [...new Set(cases.map((c) => c.idHash))] } }, { userId: 1, idHash: 1 }).lean();
  const userOf = new Map(identities.map((i) => [i.idHash, String(i.userId)]));
  // A record nobody on record holds has no visits: no candidates.
  const subjects = cases.flatMap((c) => (userOf.has(c.idHash) ? [{ caseId: String(c._id), userId: userOf.get(c.idHash)!, date: c.date }] : []));
  if (!subjects.length) return [];

  const from = subjects.map((s) => contactWindow(s.date).from).sort()[0];
  const own = (await VisitModel.find({ userId: { $in: subjects.map((s) => s.userId) }, at: { $gte: shanghaiMidnight(from), $lt: shanghaiMidnight(addDays(today, 1)) } }, { userId: 1, placeId: 1, at: 1 }).lean()).map(asRule);
  const counted = subjects.map((s) => {
    const window = contactWindow(s.date);
    return own.filter((v) => v.userId === s.userId && shanghaiDate(v.at) >= window.from && shanghaiDate(v.at) <= window.to);
  });
  const overlapMs = OVERLAP_MINUTES * 60_000;
  const ranges = new Map(counted.flat().map((v) => [`${v.placeId}|${v.at.getTime()}`, { placeId: v.placeId, at: { $gte: new Date(v.at.getTime() - overlapMs), $lte: new Date(v.at.getTime() + overlapMs) } }]));
  if (!ranges.size) return [];
  const [others, decided] = await Promise.all([
    VisitModel.find({ $or: [...ranges.values()] }, { userId: 1, placeId: 1, at: 1 }).lean(),
    ContactDecisionModel.find({ caseId: { $in: subjects.map((s) => s.caseId) } }, { caseId: 1, userId: 1 }).lean(),
  ]);
  const otherVisits = others.map(asRule);
  return subjects.flatMap((s, i) => {
    const excluded = new Set(decided.filter((d) => String(d.caseId) === s.caseId).map((d) => String(d.userId)));
    return contactCandidates(s.userId, counted[i], otherVisits, s.date, excluded).map((c) => ({ caseId: s.caseId, placeId: c.placeId }));
  });
}

/**
 * Visits per day of `days` (Shanghai dates, oldest first) at the places of
 * these committees (all places when `committeeIds` is undefined), by the
 * place's committee, and the candidates awaiting a decision.
 */
export async function placeFiguresByCommittee(committeeIds: Types.ObjectId[] | undefined, days: string[], now: Date): Promise<PlaceFigures> {
  const places = await PlaceModel.find({}, { committeeId: 1 }).lean();
  const committeeOf = new Map(places.map((p) => [String(p._id), p.committeeId ? String(p.committeeId) : null]));
  const wanted = committeeIds ? new Set(committeeIds.map(String)) : undefined;
  const scoped = wanted ? places.filter((p) => p.committeeId && wanted.has(String(p.committeeId))).map((p) => p._id) : undefined;
  const [visits, awaiting] = await Promise.all([
    VisitModel.find({ at: { $gte: shanghaiMidnight(days[0]), $lt: shanghaiMidnight(addDays(days[days.length - 1], 1)) }, ...(scoped ? { placeId: { $in: scoped } } : {}) }, { placeId: 1, at: 1, allowed: 1 }).lean(),
    awaitingCandidates(shanghaiDate(now)),
  ]);

  const byCommittee = new Map<string | null, PlaceCommitteeFigures>();
  const row = (committee: string | null) => {
    const found = byCommittee.get(committee) ?? { days: days.map(() => ({ visits: 0, refused: 0 })), candidatesAwaiting: 0 };
    byCommittee.set(committee, found);
    return found;
  };
  for (const visit of visits) {
    const committee = committeeOf.get(String(visit.placeId));
    const day = days.indexOf(shanghaiDate(visit.at));
    if (committee === undefined || day < 0) continue;
    const count = row(committee).days[day];
    count.visits += 1;
    if (!visit.allowed) count.refused += 1;
  }
  const named = awaiting.map((a) => ({ caseId: a.caseId, committee: committeeOf.get(a.placeId) ?? null }));
  for (const a of named) row(a.committee).candidatesAwaiting += 1;
  return { byCommittee, awaiting: named };
}
