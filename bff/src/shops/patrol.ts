import { distanceMeters, shanghaiDate, type PatrolList, type PatrolQuery } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import type { Clock } from '../core/clock';
import { daysBetween } from './grading';
import { loadCommitteeAreas } from '../org/committee-areas';
import { shopScope } from './scope';
import { ShopModel, type ShopRecord } from './shop.model';
import { toShopView } from './view';

/**
 * Today's patrol list (挂图作战): high grade first; within a grade the shop
 * left longest without an inspection first (never inspected before all);
 * then the nearest to where the patroller stands, when they said. A unit or
 * district staff plan over every shop (or one committee), a cadre over their
 * own committee.
 */

/** A day's round, not the register: the list stops after this many shops. */
export const PATROL_LIST_MAX = 50;

export async function patrolList(user: AuthUser, query: PatrolQuery, deps: { clock: Clock }): Promise<PatrolList> {
  const today = shanghaiDate(deps.clock.now());
  const scope = shopScope(user, query.committeeId);
  if (scope === 'nothing') return { date: today, items: [] };
  const here = query.lat !== undefined && query.lng !== undefined ? { lat: query.lat, lng: query.lng } : undefined;
  const [shops, committees] = await Promise.all([ShopModel.find(scope, { gradeHistory: 0 }).lean(), loadCommitteeAreas()]);
  const ranked = (shops as ShopRecord[]).map((shop) => ({
    shop,
    daysSinceInspection: shop.lastInspectedAt ? daysBetween(shanghaiDate(shop.lastInspectedAt), today) : undefined,
    distanceMeters: here ? Math.round(distanceMeters(here, shop.location!)) : undefined,
  }));
  const waited = (r: (typeof ranked)[number]) => r.daysSinceInspection ?? Number.POSITIVE_INFINITY;
  ranked.sort(
    (a, b) =>
      b.shop.gradeRank - a.shop.gradeRank ||
      (waited(a) === waited(b) ? 0 : waited(b) - waited(a)) ||
      (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0) ||
      a.shop.name.localeCompare(b.shop.name, 'zh'),
  );
  return {
    date: today,
    items: ranked.slice(0, PATROL_LIST_MAX).map((r) => ({
      ...toShopView(r.shop, committees),
      ...(r.daysSinceInspection !== undefined ? { daysSinceInspection: r.daysSinceInspection } : {}),
      ...(r.distanceMeters !== undefined ? { distanceMeters: r.distanceMeters } : {}),
    })),
  };
}
