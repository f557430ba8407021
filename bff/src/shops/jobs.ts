import { shanghaiDate } from '@sqtb/shared';
import type { Job } from '../jobs/scheduler';
import { regrade } from './grading';
import { ShopModel } from './shop.model';

/**
 * Time passing moves grades too: a violation stops counting after 90 days, a
 * clean inspection after 30. Each shop keeps the first date its grade changes
 * by itself (`regradeOn`); this job regrades the shops whose date has come,
 * and any shop whose regrade was lost after an input was written
 * (`computedVersion < inputVersion`, see shop.model.ts). Idempotent: a shop it
 * regraded carries a later date, so a second run at the same time finds none.
 */
export async function regradeDueShops(now: Date): Promise<{ regraded: number; changed: number }> {
  const today = shanghaiDate(now);
  const [due, versions] = await Promise.all([
    ShopModel.find({ regradeOn: { $lte: today } }, { _id: 1, grade: 1 }).lean(),
    ShopModel.find({}, { _id: 1, grade: 1, inputVersion: 1, computedVersion: 1 }).lean(),
  ]);
  const lost = versions.filter((s) => s.computedVersion < s.inputVersion);
  const shops = new Map([...due, ...lost].map((s) => [String(s._id), s.grade]));
  let changed = 0;
  for (const [id, before] of shops) if ((await regrade(id, now)) !== before) changed += 1;
  return { regraded: shops.size, changed };
}

export const shopJobs: Job[] = [
  // The daily regrade, looked at every hour: a date boundary is acted on within the hour wherever the instance started.
  { name: 'shops.daily-regrade', everyMs: 60 * 60_000, run: regradeDueShops },
];
