import { addDays, contactCandidates, contactWindow, OVERLAP_MINUTES, type CandidateDecisionReply, type ContactCandidate, type ContactCandidates, type PlaceVisit } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { isDuplicateKey } from '../db/duplicate-key';
import { caseSubject, setCloseContactFromVisits, type HealthDeps } from '../health-code/service';
import { ContactDecisionModel } from './contact-decision.model';
import { ResidentIdentity } from '../residents/identity.model';
import { PlaceModel } from './place.model';
import { shanghaiMidnight, VisitModel } from './visit.model';

/**
 * Close-contact candidates (时空伴随) of a confirmed case, from visits, by the
 * shared rule (contact.rules.ts); district staff confirm them (a close_contact
 * status, their code turns red) or dismiss them (never proposed again for
 * that case). A record that is not `confirmed` has no candidates: 409.
 */

interface Found {
  candidates: ContactCandidate[];
  names: Map<string, string>;
  places: Map<string, string>;
  /** The candidates with an ID number on record: only they can be given a close-contact status. */
  identified: Set<string>;
  /** The latest time a visit can count for this case: the window's last Shanghai day, plus the overlap. */
  windowEndsAt: Date;
}

/** When the case's contact window (contact.rules.ts `contactWindow`) closes for good, overlap included. */
const windowEnd = (statusDate: string) => new Date(shanghaiMidnight(addDays(contactWindow(statusDate).to, 1)).getTime() + OVERLAP_MINUTES * 60_000);

const visitKey = (userId: string, placeId: string, at: Date) => `${userId}|${placeId}|${at.getTime()}`;

/**
 * Two reads of visits, both on an index: the case's own in the window
 * ({userId, at}), then everyone's at those places within the overlap of each
 * ({placeId, at}, one range per case visit). Anyone already decided for this
 * case is left out by the rule.
 */
async function currentCandidates(caseId: string): Promise<Found> {
  const subject = await caseSubject(caseId);
  if (!subject) throw new AppError('NOT_FOUND', 'No such medical status record');
  if (subject.status !== 'confirmed') throw new AppError('CONFLICT', 'Contact candidates are found for a confirmed case only', { currentStatus: subject.status });
  const none: Found = { candidates: [], names: new Map(), places: new Map(), identified: new Set(), windowEndsAt: windowEnd(subject.date) };
  // Nobody holds the case's ID number here: no visits are theirs.
  if (!subject.userId) return none;
  const { from, to } = contactWindow(subject.date);
  const own = await VisitModel.find({ userId: subject.userId, at: { $gte: shanghaiMidnight(from), $lt: shanghaiMidnight(addDays(to, 1)) } }, { placeId: 1, at: 1 }).lean();
  if (!own.length) return none;
  const overlapMs = OVERLAP_MINUTES * 60_000;
  const [others, decided] = await Promise.all([
    VisitModel.find(
      { userId: { $ne: subject.userId }, $or: own.map((v) => ({ placeId: v.placeId, at: { $gte: new Date(v.at.getTime() - overlapMs), $lte: new Date(v.at.getTime() + overlapMs) } })) },
      { userId: 1, placeId: 1, at: 1, nameMasked: 1 },
    ).lean(),
    ContactDecisionModel.find({ caseId }, { userId: 1 }).lean(),
  ]);
  const asRule = (v: { userId?: unknown; placeId: unknown; at: Date }, userId = String(v.userId)): PlaceVisit => ({ userId, placeId: String(v.placeId), at: v.at });
  const candidates = contactCandidates(
    subject.userId,
    own.map((v) => asRule(v, subject.userId)),
    others.map((v) => asRule(v)),
    subject.date,
    new Set(decided.map((d) => String(d.userId))),
  );
  const names = new Map(others.map((v) => [visitKey(String(v.userId), String(v.placeId), v.at), v.nameMasked]));
  const [placeRecords, identities] = await Promise.all([
    PlaceModel.find({ _id: { $in: [...new Set(candidates.map((c) => c.placeId))] } }, { name: 1 }).lean(),
    ResidentIdentity.find({ userId: { $in: candidates.map((c) => c.userId) } }, { userId: 1 }).lean(),
  ]);
  return {
    candidates,
    names,
    places: new Map(placeRecords.map((p) => [String(p._id), p.name])),
    identified: new Set(identities.map((i) => String(i.userId))),
    windowEndsAt: none.windowEndsAt,
  };
}

/** `GET /api/health/cases/:id/contact-candidates`: district staff; names masked. */
export async function contactCandidatesOf(caseId: string): Promise<ContactCandidates> {
  const { candidates, names, places, identified } = await currentCandidates(caseId);
  return {
    items: candidates.map((c) => ({
      userId: c.userId,
      nameMasked: names.get(visitKey(c.userId, c.placeId, c.overlapAt)) ?? '',
      place: { id: c.placeId, name: places.get(c.placeId) ?? '' },
      overlapAt: c.overlapAt.toISOString(),
      identified: identified.has(c.userId),
    })),
  };
}

const shanghaiMinute = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');

/**
 * Each id that is a current candidate is decided once: the decision is
 * claimed first (unique per case and person, so a repeat or a second staff
 * member at once decides nothing more), then a confirmation sets the status.
 * Someone to confirm with no ID number on record cannot hold a status: nothing
 * is written, they stay a candidate and are counted as `unidentified` (staff
 * reach them another way). Should setting the status fail, or their identity
 * go in the meantime, the claim is withdrawn. Everything else is skipped.
 */
async function decide(staff: AuthUser, caseId: string, userIds: string[], decision: 'confirmed' | 'dismissed', deps: Pick<HealthDeps, 'clock'>): Promise<CandidateDecisionReply> {
  const { candidates, places, identified, windowEndsAt } = await currentCandidates(caseId);
  const byUser = new Map(candidates.map((c) => [c.userId, c]));
  const wanted = [...new Set(userIds.map((id) => id.toLowerCase()))];
  let decided = 0;
  let unidentified = 0;
  for (const userId of wanted) {
    const candidate = byUser.get(userId);
    if (!candidate) continue;
    if (decision === 'confirmed' && !identified.has(userId)) {
      unidentified += 1;
      continue;
    }
    const now = deps.clock.now();
    const claim = await ContactDecisionModel.create({ caseId, userId, decision, placeId: candidate.placeId, overlapAt: candidate.overlapAt, windowEndsAt, decidedBy: staff.id, decidedAt: now }).catch((err) =>
      isDuplicateKey(err) ? null : Promise.reject(err),
    );
    if (!claim) continue;
    if (decision === 'confirmed') {
      const withdraw = () => ContactDecisionModel.deleteOne({ _id: claim._id });
      const note = `场所码时空伴随：${places.get(candidate.placeId) ?? ''} ${shanghaiMinute(candidate.overlapAt)}`.slice(0, 200);
      const set = await setCloseContactFromVisits(userId, staff, note, deps).catch(async (err) => {
        await withdraw();
        throw err;
      });
      if (!set) {
        await withdraw();
        unidentified += 1;
        continue;
      }
    }
    decided += 1;
  }
  return { decided, skipped: wanted.length - decided - unidentified, unidentified };
}

/** `POST /api/health/cases/:id/contact-candidates/confirm` */
export const confirmCandidates = (staff: AuthUser, caseId: string, userIds: string[], deps: Pick<HealthDeps, 'clock'>) => decide(staff, caseId, userIds, 'confirmed', deps);
/** `POST /api/health/cases/:id/contact-candidates/dismiss` */
export const dismissCandidates = (staff: AuthUser, caseId: string, userIds: string[], deps: Pick<HealthDeps, 'clock'>) => decide(staff, caseId, userIds, 'dismissed', deps);
