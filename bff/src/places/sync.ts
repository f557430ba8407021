import { FilingModel } from '../filings/service';
import { ensureStandingPlaces, placeForApprovedFiling, revokePlaceOf } from './service';
import { PlaceModel } from './place.model';

/**
 * Heals what a lost write left out, as the filing hooks would have done it
 * (each runs after its filing is written): a pharmacy or committee added
 * since the seed; an approval whose place was not made; a revocation whose
 * place is still active. Only places that do not exist are made: a place
 * district staff revoked stays revoked. The revocations are read after the
 * places are made, so a filing revoked while this job ran is caught here.
 */
export async function syncPlaces(now: Date): Promise<{ made: number; revoked: number }> {
  const standing = await ensureStandingPlaces(now, { onlyMissing: true });
  const approved = await FilingModel.find({ status: 'approved' }, { enterpriseId: 1, enterpriseName: 1, address: 1, committeeId: 1, decidedAt: 1 }).lean();
  const placed = await PlaceModel.find({ kind: 'enterprise', refId: { $in: approved.map((f) => f.enterpriseId) } }, { refId: 1 }).lean();
  const has = new Set(placed.map((p) => String(p.refId)));
  const missing = approved.filter((f) => !has.has(String(f.enterpriseId)));
  for (const filing of missing) await placeForApprovedFiling(filing, now);
  return { made: standing.written + missing.length, revoked: await revokePlacesWithoutApproval(now) };
}

/** Active enterprise places whose enterprise has a revoked filing and no approved one: revoked, as the revocation would have. */
async function revokePlacesWithoutApproval(now: Date): Promise<number> {
  const active = await PlaceModel.find({ kind: 'enterprise', status: 'active' }, { refId: 1 }).lean();
  if (!active.length) return 0;
  const filings = await FilingModel.find({ enterpriseId: { $in: active.map((p) => p.refId) }, status: { $in: ['approved', 'revoked'] } }, { enterpriseId: 1, status: 1 }).lean();
  const standing = new Set(filings.filter((f) => f.status === 'approved').map((f) => String(f.enterpriseId)));
  const revoked = [...new Set(filings.filter((f) => f.status === 'revoked' && !standing.has(String(f.enterpriseId))).map((f) => String(f.enterpriseId)))];
  for (const enterpriseId of revoked) await revokePlaceOf('enterprise', enterpriseId, 'filing revoked', now);
  return revoked.length;
}
