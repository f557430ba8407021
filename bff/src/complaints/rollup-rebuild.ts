import mongoose from 'mongoose';
import { shanghaiWeekOf } from '@sqtb/shared';
import { ComplaintModel } from './complaint.model';
import { byDue, contributionOf, emptyCounters, COUNTER_FIELDS, WORST_KEPT, type ComplaintFacts, type Histogram, type Slot, type WaitEntry } from './rollup';
import { RollupModel, type RollupDocument } from './rollup.model';
import { rollupWhere, type RolledComplaint } from './rollups';

/** The fields of a complaint its contribution is made of (rollup.ts `contributionOf`), its committee and its timeline. */
const READ = [
  'createdAt', 'committeeId', 'status', 'category', 'address', 'closedAt', 'reopenCount', 'resolutions', 'lateResolutions', 'ratingCount',
  'satisfiedCount', 'firstDispatchedAt', 'resolvedAt', 'acceptBy', 'dispatchBy', 'deadline', 'urgeCount', 'timeline',
] as const;

/** What a rebuild read and wrote. */
export interface RebuildReport {
  complaints: number;
  rollups: number;
}

/**
 * Recomputes every complaint rollup from the complaints themselves, as of `now`:
 * for a deployment upgrading to rollups, and for data written around the BFF (the
 * bench fills the database directly). One pass over the complaints (projected),
 * then each rollup replaced whole and any rollup left without complaints removed.
 *
 * Run it while nothing else steps complaints (before the BFF starts, or at a quiet
 * moment): a step rolled up between this pass's read and its write would be
 * overwritten. Steps still marked due (`rollupDue`) are rolled up again by the
 * rollup job afterwards, which changes nothing when this pass already saw them.
 * `connection`: another connection than mongoose's default (the bench has its own).
 */
export async function rebuildComplaintRollups(now: Date, connection: mongoose.Connection = mongoose.connection): Promise<RebuildReport> {
  const complaints = connection.collection(ComplaintModel.collection.collectionName);
  const rollups = connection.collection(RollupModel.collection.collectionName);
  const built = new Map<string, Omit<RollupDocument, '_id'> & { waits: WaitEntry[] }>();
  // A version no writer can have read of the rollup it replaces (writers compare versions: rollups.ts).
  const version = Date.now();
  let read = 0;
  const cursor = complaints.find(
    {},
    { projection: Object.fromEntries(READ.map((field) => [field, 1])), batchSize: 10_000 },
  );
  for await (const raw of cursor) {
    const c = raw as unknown as RolledComplaint & ComplaintFacts;
    read += 1;
    const where = rollupWhere(shanghaiWeekOf(c.createdAt), c.committeeId);
    const key = `${where.week}/${String(where.committeeId)}`;
    let doc = built.get(key);
    if (!doc) {
      doc = { ...where, v: version, counts: emptyCounters(), toDispatch: {}, toResolution: {}, overdueCount: 0, collapsedThrough: now, upcoming: [], upcomingDue: [], worst: [], waiting: 0, slots: {}, waits: [] };
      built.set(key, doc);
    }
    const f = contributionOf(c);
    const timeline = c.timeline ?? [];
    const last = timeline.at(-1)?._id;
    const slot: Slot = { n: timeline.length, ...(last ? { e: String(last) } : {}), f };
    doc.slots[String(c._id)] = slot;
    doc.counts.received += 1;
    for (const field of COUNTER_FIELDS) if (field !== 'received') doc.counts[field] += f.counts[field];
    if (f.toDispatch !== undefined) count(doc.toDispatch, f.toDispatch);
    if (f.toResolution !== undefined) count(doc.toResolution, f.toResolution);
    if (f.wait) doc.waits.push(f.wait);
  }

  const docs: Array<Omit<RollupDocument, '_id'>> = [...built.values()].map(({ waits, ...doc }) => {
    const past = waits.filter((w) => w.due.getTime() < now.getTime()).sort(byDue);
    const upcoming = waits.filter((w) => w.due.getTime() >= now.getTime()).sort(byDue);
    return { ...doc, overdueCount: past.length, worst: past.slice(0, WORST_KEPT), upcoming, upcomingDue: upcoming.map((w) => w.due), waiting: past.length + upcoming.length };
  });
  const kept = new Set(built.keys());
  const stale = (await rollups.find({}, { projection: { week: 1, committeeId: 1 } }).toArray()).filter((r) => !kept.has(`${r.week}/${String(r.committeeId ?? null)}`));
  if (docs.length > 0) await rollups.bulkWrite(docs.map((d) => ({ replaceOne: { filter: rollupWhere(d.week, d.committeeId), replacement: d, upsert: true } })));
  if (stale.length > 0) await rollups.deleteMany({ _id: { $in: stale.map((r) => r._id) } });
  return { complaints: read, rollups: docs.length };
}

function count(histogram: Histogram, ms: number) {
  histogram[String(ms)] = (histogram[String(ms)] ?? 0) + 1;
}
