import { FilingModel } from '../filings/service';
import { ensureStandingPlaces, placeForApprovedFiling } from './service';
import { PlaceModel } from './place.model';

/**
 * Heals what a lost write left out: a pharmacy or committee added since the
 * seed, or an approval whose place was not made (the hook runs after the
 * approval is written). Only places that do not exist are made: a place
 * district staff revoked stays revoked.
 */
export async function syncPlaces(now: Date): Promise<{ made: number }> {
  const standing = await ensureStandingPlaces(now, { onlyMissing: true });
  const approved = await FilingModel.find({ status: 'approved' }, { enterpriseId: 1, enterpriseName: 1, address: 1, committeeId: 1, decidedAt: 1 }).lean();
  const placed = await PlaceModel.find({ kind: 'enterprise', refId: { $in: approved.map((f) => f.enterpriseId) } }, { refId: 1 }).lean();
  const has = new Set(placed.map((p) => String(p.refId)));
  const missing = approved.filter((f) => !has.has(String(f.enterpriseId)));
  for (const filing of missing) await placeForApprovedFiling(filing, now);
  return { made: standing.written + missing.length };
}
