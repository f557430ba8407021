import type { LatLng, PlannedEvent } from './ledger';
import { HANDLERS } from './plan-complaints';
import type { PlanContext } from './plan-context';
import type { Rng } from './rng';
import { SEED_SHOPS, shopsWithin } from './shop-places';
import { awake, plusHours, withSeconds } from './time';

/**
 * Complaints about street shops. A resident reporting street trouble near a
 * shop often names it when filing (the nearby list reaches 150 m; the plan
 * names shops within 140 m, clear of that edge). The unit the matter is
 * dispatched to then links a shop to some matters nobody named, corrects a
 * few names to the next shop along, and clears a few.
 *
 * The complaints are planned first (plan-complaints.ts): this adds `shop` to
 * the data of some of their submissions, which the driver sends as `shopId`.
 * Each complaint draws from its own fork, so the complaint plans themselves
 * are untouched.
 */

/** The categories a shop can be the cause of. */
const SHOP_CATEGORIES = new Set(['street-occupation', 'noise', 'sanitation', 'garbage-sorting']);
const NAMED_WITHIN_METERS = 140;

const nearestShops = (point: LatLng) => shopsWithin(point, NAMED_WITHIN_METERS, SEED_SHOPS).map((s) => s.code);

export function planShopComplaints(context: PlanContext, rng: Rng, events: readonly PlannedEvent[]): void {
  const dispatches = new Map(events.filter((e) => e.kind === 'complaint.dispatch').map((e) => [e.ref, e]));
  for (const submit of events.filter((e) => e.kind === 'complaint.submit' && SHOP_CATEGORIES.has(e.data.category as string))) {
    const near = nearestShops(submit.data.location as LatLng);
    if (near.length === 0) continue;
    const own = rng.fork(submit.ref);
    if (own.chance(0.4)) submit.data.shop = near[0];

    const dispatch = dispatches.get(submit.ref);
    if (!dispatch) continue;
    const named = submit.data.shop as string | undefined;
    const step = named ? own.weighted({ keep: 70, correct: 18, clear: 12 }) : own.weighted({ none: 55, link: 45 });
    if (step === 'keep' || step === 'none' || (step === 'correct' && near.length < 2)) continue;
    const shop = step === 'clear' ? null : step === 'correct' ? near[1] : near[0];
    const t = withSeconds(awake(plusHours(new Date(dispatch.at), own.between(0.3, 1.8)), own.between(0.5, 2)), own.int(0, 58));
    context.add(t, HANDLERS[dispatch.data.unit as string], 'complaint.linkShop', submit.ref, { shop });
  }
}
