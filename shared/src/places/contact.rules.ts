import { addDays } from '../calendar/dates';
import { shanghaiDate } from '../calendar/working-days';

/**
 * Close-contact candidates from place-code visits (时空伴随), as one pure rule.
 * Bump the version whenever the window or the overlap changes.
 *
 * - The case's visits that count are those on the `CONTACT_WINDOW_DAYS` Shanghai
 *   days up to and including the date of the confirmed status.
 * - Another person is a candidate when one of their visits was to the same place
 *   within `OVERLAP_MINUTES` of one of those visits, before or after, the bound
 *   included.
 * - Only the case's visits are bound to the window: another's visit just before
 *   its first day still meets a case visit just after midnight.
 * - Each candidate is named once, with their earliest overlapping visit, and the
 *   list is in the order of those visits.
 * - The case themselves and anyone in `excluded` (dismissed for this case, or
 *   already decided) are never candidates.
 */
export const CONTACT_RULES_VERSION = 'visits-2026.1';
export const CONTACT_WINDOW_DAYS = 14;
export const OVERLAP_MINUTES = 60;

export interface PlaceVisit {
  userId: string;
  placeId: string;
  at: Date;
}
export interface ContactCandidate {
  userId: string;
  placeId: string;
  /** When the candidate was there. */
  overlapAt: Date;
  /** The case's visit it overlapped. */
  caseVisitAt: Date;
}

/** The Shanghai dates whose visits of the case count: the window's first and last day. */
export function contactWindow(statusDate: string): { from: string; to: string } {
  return { from: addDays(statusDate, -(CONTACT_WINDOW_DAYS - 1)), to: statusDate };
}

export function contactCandidates(caseUserId: string, caseVisits: PlaceVisit[], otherVisits: PlaceVisit[], statusDate: string, excluded: ReadonlySet<string> = new Set()): ContactCandidate[] {
  const { from, to } = contactWindow(statusDate);
  const counted = caseVisits.filter((v) => {
    const day = shanghaiDate(v.at);
    return v.userId === caseUserId && day >= from && day <= to;
  });
  const overlapMs = OVERLAP_MINUTES * 60_000;
  const earliest = new Map<string, ContactCandidate>();
  for (const visit of otherVisits) {
    if (visit.userId === caseUserId || excluded.has(visit.userId)) continue;
    const met = counted.find((c) => c.placeId === visit.placeId && Math.abs(c.at.getTime() - visit.at.getTime()) <= overlapMs);
    if (!met) continue;
    const known = earliest.get(visit.userId);
    if (!known || visit.at < known.overlapAt) earliest.set(visit.userId, { userId: visit.userId, placeId: visit.placeId, overlapAt: visit.at, caseVisitAt: met.at });
  }
  return [...earliest.values()].sort((a, b) => a.overlapAt.getTime() - b.overlapAt.getTime() || a.userId.localeCompare(b.userId));
}
