import type { AnyBulkWriteOperation } from 'mongoose';
import { shanghaiDate } from '@sqtb/shared';
import { seedDistrict } from '@sqtb/mock';
import { DAY_MS } from '../core/clock';
import { Unit } from '../org/org.model';
import { loadCommitteeAreas } from '../org/committee-areas';
import { firstGrade } from './grading';
import { InspectionModel } from './inspection.model';
import { shopDescription } from './register';
import { ShopModel } from './shop.model';

/**
 * The demo district's street shops and their seeded inspections (mock/src/seed/shops.ts),
 * upserted by code: a shop's grade, its history and its inspections' dates are
 * written when it is first seeded only, so seeding again (every development
 * start) changes nothing the district has done since. Run after the committees
 * and units are seeded.
 */
export async function seedShops(now: Date): Promise<void> {
  const committees = await loadCommitteeAreas();
  const units = new Map((await Unit.find({}, { code: 1, name: 1 }).lean()).map((u) => [u.code, u.name]));
  const inspectionsOf = (shopCode: string) =>
    seedDistrict.SHOP_INSPECTIONS.filter((i) => i.shopCode === shopCode).map((i) => ({ ...i, at: new Date(now.getTime() - i.daysAgo * DAY_MS) }));

  const shopWrites: AnyBulkWriteOperation[] = seedDistrict.SHOPS.map((s) => {
    const inspections = inspectionsOf(s.code);
    const graded = firstGrade(s.businessType, inspections.map((i) => ({ date: shanghaiDate(i.at), outcome: i.outcome })), now);
    const lastInspectedAt = inspections.map((i) => i.at).sort((a, b) => b.getTime() - a.getTime())[0];
    return {
      updateOne: {
        filter: { code: s.code },
        update: { $set: shopDescription(s, committees), $setOnInsert: { ...graded, ...(lastInspectedAt ? { lastInspectedAt } : {}) } },
        upsert: true,
        // Seeding again changes nothing, not even updatedAt.
        timestamps: false,
      },
    };
  });
  await ShopModel.bulkWrite(shopWrites);

  const shopIds = new Map((await ShopModel.find({ code: { $in: seedDistrict.SHOPS.map((s) => s.code) } }, { code: 1 }).lean()).map((s) => [s.code, s._id]));
  const inspectionWrites: AnyBulkWriteOperation[] = seedDistrict.SHOPS.flatMap((s) =>
    inspectionsOf(s.code).map((i) => ({
      updateOne: {
        filter: { code: i.code },
        update: {
          $setOnInsert: {
            shopId: shopIds.get(s.code),
            outcome: i.outcome,
            ...(i.violationType ? { violationType: i.violationType } : {}),
            note: i.note,
            photoIds: [],
            byLabel: units.get(i.unitCode) ?? '区级',
            at: i.at,
            date: shanghaiDate(i.at),
          },
        },
        upsert: true,
      },
    })),
  );
  if (inspectionWrites.length) await InspectionModel.bulkWrite(inspectionWrites);
}
