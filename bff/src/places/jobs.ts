import type { Job } from '../jobs/scheduler';
import { syncPlaces } from './sync';
import { VisitModel } from './visit.model';

/** Visits are personal data kept for contact tracing only: 28 days (twice the contact window), then deleted. */
export const VISIT_RETENTION_DAYS = 28;

/** Deletes visits that arrived more than VISIT_RETENTION_DAYS ago. Idempotent: a second run finds none. */
export async function deleteOldVisits(now: Date): Promise<{ deleted: number }> {
  const { deletedCount } = await VisitModel.deleteMany({ at: { $lt: new Date(now.getTime() - VISIT_RETENTION_DAYS * 86_400_000) } });
  return { deleted: deletedCount };
}

export const placeJobs: Job[] = [
  { name: 'places.visit-retention', everyMs: 60 * 60_000, run: deleteOldVisits },
  { name: 'places.sync', everyMs: 30 * 60_000, run: syncPlaces },
];
