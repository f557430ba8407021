import { PAGE_SIZE_MAX, type ShopList, type ShopView } from '@sqtb/shared';
import type { ApiClient } from './http';
import { DISTRICT } from './plan-context';

/** Every shop on the register as district staff list them, page by page (`GET /api/shops`). */
export async function fetchAllShops(api: ApiClient): Promise<ShopView[]> {
  const shops: ShopView[] = [];
  for (let page = 1; ; page += 1) {
    const response = await api.call(DISTRICT, 'GET', `/api/shops?page=${page}&pageSize=${PAGE_SIZE_MAX}`);
    if (!response.ok) throw new Error(`GET /api/shops page ${page}: ${response.status} ${JSON.stringify(response.body)}`);
    const list = response.body as ShopList;
    shops.push(...list.items);
    if (list.items.length < PAGE_SIZE_MAX || shops.length >= list.total) return shops;
  }
}
