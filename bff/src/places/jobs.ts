import type { Job } from '../jobs/scheduler';
import { syncPlaces } from './sync';
import { ContactDecisionModel } from './contact-decision.model';
import { VisitModel } from './visit.model';

/** Visits are personal data kept for contact tracing only: 28 days (twice the contact window), then deleted. */
export const VISIT_RETENTION_DAYS = 28;

/**
 * Deletes visits that arrived more than VISIT_RETENTION_DAYS ago, and the
 * close-contact decisions of a case once every visit that could count for it
 * is gone: a decision says who was where and when as plainly as a visit does,
 * and before then it is what keeps a decided person from being proposed
 * again. (A confirmed contact's medical status is the health code's record,
 * kept by its own rules.) Idempotent: a second run finds none.
 */
export async function deleteOldVisits(now: Date): Promise<{ deleted: number; decisionsDeleted: number }> {
  const before = new Date(now.getTime() - VISIT_RETENTION_DAYS * 86_400_000);
  const visits = await VisitModel.deleteMany({ at: { $lt: before } });
  const decisions = await ContactDecisionModel.deleteMany({ windowEndsAt: { $lt: before } });
  return { deleted: visits.deletedCount, decisionsDeleted: decisions.deletedCount };
}

export const placeJobs: Job[] = [
  { name: 'places.visit-retention', everyMs: 60 * 60_000, run: deleteOldVisits },
  { name: 'places.sync', everyMs: 30 * 60_000, run: syncPlaces },
];
