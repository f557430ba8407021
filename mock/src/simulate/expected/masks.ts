import type { Overview } from '@sqtb/shared';
import type { Ledger } from '../ledger';
import type { MasksModel } from './masks-model';
import type { ScopeView } from './scope';
import { byName } from './stats';

/**
 * The masks section: the latest round opened by now, its stock and
 * reservations per pharmacy in scope, and what waits for each committee's
 * cadre (registrations, and reservations of any round).
 */
export function expectedMasks(ledger: Ledger, model: MasksModel, view: ScopeView, now: Date): Overview['masks'] {
  const { org, ids } = ledger;
  const round = [...model.rounds.values()].filter((r) => r.opensAt <= now.getTime()).sort((a, b) => b.opensAt - a.opensAt)[0];
  const reservations = [...model.reservations.values()];
  const byPharmacy = round
    ? [...round.stock.entries()]
        .filter(([code]) => view.has(org.pharmacies[code].committeeCode ?? null))
        .map(([code, stock]) => {
          const here = reservations.filter((r) => r.round === round.ref && r.pharmacy === code);
          // Masks, not reservations, so they compare with the stock.
          const count = (status: string) => here.filter((r) => r.status === status).reduce((n, r) => n + r.quantity, 0);
          return { id: org.pharmacies[code].id, name: org.pharmacies[code].name, stock, count };
        })
        .sort(byName)
        .map(({ id, name, stock, count }) => ({ pharmacyId: id, pharmacyName: name, stock: stock.total, available: stock.available, reserved: count('approved'), pickedUp: count('redeemed'), expired: count('expired') }))
    : [];
  const registrations = [...model.registrations.values()];
  return {
    round: round ? { id: ids[round.ref], name: round.name, opensAt: new Date(round.opensAt).toISOString(), closesAt: new Date(round.closesAt).toISOString(), open: round.closesAt > now.getTime() } : null,
    byPharmacy,
    pendingReviews: view.committees.map((code) => ({
      committeeId: org.committees[code].id,
      committeeName: org.committees[code].name,
      registrations: registrations.filter((r) => r.committee === code && r.status === 'pending_review').length,
      reservations: reservations.filter((r) => r.committee === code && r.status === 'pending_review').length,
    })),
  };
}
