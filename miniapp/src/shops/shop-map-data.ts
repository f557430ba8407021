import { PAGE_SIZE_MAX, SHOP_GRADES, type Committee, type Hotspot, type Role, type ShopGrade, type ShopView, type UnattachedAlertList } from '@sqtb/shared';
import { fetchMe } from '../accounts/api';
import { fetchOpenHotspots, listComplaints, type ComplaintListItem } from '../complaints/api';
import { fetchOrg } from '../org/api';
import { fetchShops, fetchUnattachedAlerts } from './api';

/** At most this many pages of shops are drawn (2,000 shops); the page says when there are more. */
const MAP_PAGES_MAX = 20;

export interface ShopMapData {
  shops: ShopView[];
  /** Every shop in the viewer's scope, as the BFF counted them (more than `shops` when capped). */
  total: number;
  /** The committee areas drawn: all for district staff, a cadre's own. */
  committees: Committee[];
  hotspots: Hotspot[];
  overdue: ComplaintListItem[];
  /** Patrol alerts where no registered shop stands (an unregistered stall, say): drawn, and counted toward no grade. */
  alerts: UnattachedAlertList['items'];
  viewer: Role;
}

/** Every shop in scope, page by page: the map shows them all at once, not a page of them. */
async function fetchAllShops(): Promise<{ items: ShopView[]; total: number }> {
  const items: ShopView[] = [];
  let total = 0;
  for (let page = 1; page <= MAP_PAGES_MAX; page += 1) {
    const reply = await fetchShops({ page, pageSize: PAGE_SIZE_MAX });
    items.push(...reply.items);
    total = reply.total;
    if (items.length >= total || reply.items.length < PAGE_SIZE_MAX) break;
  }
  return { items, total };
}

/** What 挂图作战 draws: shops by grade, open hotspots, overdue matters, alerts no shop was near, and the committees' areas. */
export async function loadShopMap(): Promise<ShopMapData> {
  const [me, shops, org, hotspots, overdue, alerts] = await Promise.all([
    fetchMe(),
    fetchAllShops(),
    fetchOrg(),
    fetchOpenHotspots(),
    listComplaints({ overdue: 'true' }, 1, undefined, PAGE_SIZE_MAX),
    fetchUnattachedAlerts(),
  ]);
  const committees = me.role === 'cadre' ? org.committees.filter((c) => c.id === me.scope.committeeId) : org.committees;
  return { shops: shops.items, total: shops.total, committees, hotspots, overdue: overdue.items, alerts: alerts.items, viewer: me.role };
}

/** How many shops stand at each grade. */
export function countByGrade(shops: readonly Pick<ShopView, 'grade'>[]): Record<ShopGrade, number> {
  const counts = Object.fromEntries(SHOP_GRADES.map((g) => [g, 0])) as Record<ShopGrade, number>;
  for (const shop of shops) counts[shop.grade] += 1;
  return counts;
}
