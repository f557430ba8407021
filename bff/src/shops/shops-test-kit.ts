import { PatrolAlertModel } from './alert.model';
import { InspectionModel } from './inspection.model';
import { ShopModel } from './shop.model';

/** What the shops tests share: the seeded shops by code, and whole-collection snapshots to prove a refusal wrote nothing. */

export async function seededShopId(code: string): Promise<string> {
  const shop = await ShopModel.findOne({ code }, { _id: 1 }).lean();
  if (!shop) throw new Error(`the seed has no shop ${code}`);
  return String(shop._id);
}

/** Every shop, inspection and alert as stored (every field): equal before and after a refusal. */
export async function streetOrderSnapshot(): Promise<string> {
  const [shops, inspections, alerts] = await Promise.all([
    ShopModel.collection.find().sort({ _id: 1 }).toArray(),
    InspectionModel.collection.find().sort({ _id: 1 }).toArray(),
    PatrolAlertModel.collection.find().sort({ _id: 1 }).toArray(),
  ]);
  return JSON.stringify({ shops, inspections, alerts });
}

export async function streetOrderCounts(): Promise<{ shops: number; inspections: number; alerts: number }> {
  const [shops, inspections, alerts] = await Promise.all([ShopModel.countDocuments(), InspectionModel.countDocuments(), PatrolAlertModel.countDocuments()]);
  return { shops, inspections, alerts };
}

/** A grade history is one chain: it starts with the first grade, each entry moves from the grade before it, and it ends at the grade standing. */
export function historyProblem(shop: { grade: string; gradeHistory: Array<{ from?: string | null; to: string }> }): string | undefined {
  const h = shop.gradeHistory;
  if (!h.length || h[0].from) return `the history does not start with a first grade: ${JSON.stringify(h)}`;
  for (let i = 1; i < h.length; i++) {
    if (h[i].from !== h[i - 1].to) return `entry ${i} moves from ${h[i].from}, but the grade was ${h[i - 1].to}`;
    if (h[i].from === h[i].to) return `entry ${i} records no change (${h[i].from} → ${h[i].to})`;
  }
  return h.at(-1)!.to === shop.grade ? undefined : `the history ends at ${h.at(-1)!.to}, the grade is ${shop.grade}`;
}
