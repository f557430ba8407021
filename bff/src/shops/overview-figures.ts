import type { Types } from 'mongoose';
import { SHOP_GRADES, type ShopGrade } from '@sqtb/shared';
import { InspectionModel } from './inspection.model';
import { ShopModel } from './shop.model';

/** One committee's shops by grade now, and their inspections dated from a Monday on. */
export type ShopCounts = Record<ShopGrade, number> & { inspectionsThisWeek: number };

export const emptyShopCounts = (): ShopCounts => ({ low: 0, medium: 0, high: 0, inspectionsThisWeek: 0 });

/**
 * What the overview counts of street order, keyed by the shop's committee id
 * (null: outside every committee's area). Two reads whatever else the
 * district holds: one projected find of the shops in scope (hundreds; the
 * grade is stored on each) and one projected find of the week's inspections,
 * each put to its shop's committee. `committeeIds` undefined: every shop.
 */
export async function shopCountsByCommittee(committeeIds: Types.ObjectId[] | undefined, weekStart: string): Promise<Map<string | null, ShopCounts>> {
  const shops = await ShopModel.find(committeeIds ? { committeeId: { $in: committeeIds } } : {}, { committeeId: 1, grade: 1 }).lean();
  const committeeOf = new Map(shops.map((s) => [String(s._id), s.committeeId ? String(s.committeeId) : null]));
  // At district level every inspection's shop is in scope: no list of ids to send.
  const inspections = await InspectionModel.find({ date: { $gte: weekStart }, ...(committeeIds ? { shopId: { $in: shops.map((s) => s._id) } } : {}) }, { shopId: 1 }).lean();

  const counts = new Map<string | null, ShopCounts>();
  const row = (committee: string | null) => {
    const found = counts.get(committee) ?? emptyShopCounts();
    counts.set(committee, found);
    return found;
  };
  for (const shop of shops) if (SHOP_GRADES.includes(shop.grade as ShopGrade)) row(shop.committeeId ? String(shop.committeeId) : null)[shop.grade as ShopGrade] += 1;
  for (const inspection of inspections) {
    const committee = committeeOf.get(String(inspection.shopId));
    if (committee !== undefined) row(committee).inspectionsThisWeek += 1;
  }
  return counts;
}
