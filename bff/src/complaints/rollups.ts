import type { Types } from 'mongoose';
import { shanghaiWeekOf } from '@sqtb/shared';
import { isDuplicateKey } from '../db/duplicate-key';
import {
  collapseDue,
  contributionOf,
  emptyFigures,
  histogramChanges,
  replaceContribution,
  worstFromSlots,
  WORST_SHOWN,
  worstNeedsRefill,
  type ComplaintFacts,
  type RollupFigures,
  type Slot,
} from './rollup';
import { RollupModel, type RollupDocument, type RollupView } from './rollup.model';

/**
 * Writing and reading the complaint rollups (rollup.ts). Every write is a
 * read of the rollup's figures and one update conditional on the version read
 * (`v`): a writer that lost the race reads again. A complaint's slot says
 * which timeline entry its contribution reflects, so a step rolled up a second
 * time (a retry, the rollup job after a crash, two instances) changes nothing.
 */

/** A complaint as `rollUp` needs it: its facts, its committee and its timeline (how far it has come). */
export interface RolledComplaint extends ComplaintFacts {
  committeeId?: Types.ObjectId | null;
  timeline: ReadonlyArray<{ _id?: unknown }>;
}

/** A rollup is named by its week and committee (null: the matters outside every area); its unique index keeps it one. */
export const rollupWhere = (week: string, committeeId: Types.ObjectId | null | undefined) => ({ week, committeeId: committeeId ?? null });
const nameOf = (where: { week: string; committeeId: unknown }) => `${where.week}/${where.committeeId ? String(where.committeeId) : 'outside'}`;

/** Writers racing on one rollup: far more than two complaints of one committee and week moving at the same instant. */
const MAX_ATTEMPTS = 50;

const FIGURES = { v: 1, counts: 1, overdueCount: 1, collapsedThrough: 1, upcoming: 1, worst: 1, waiting: 1 } as const;

type Stored = Pick<RollupDocument, '_id' | 'v' | 'counts' | 'overdueCount' | 'collapsedThrough' | 'upcoming' | 'worst' | 'waiting'> & { slots?: Record<string, Slot> };

const collection = () => RollupModel.collection;

const figuresOf = (d: Stored): RollupFigures => ({
  counts: d.counts,
  overdueCount: d.overdueCount,
  collapsedThrough: d.collapsedThrough ?? null,
  upcoming: d.upcoming ?? [],
  worst: d.worst ?? [],
  waiting: d.waiting ?? 0,
});

/** The figures as they are written back, with the due times of `upcoming` beside it for the overview (`overdueAt`). */
const settable = (f: RollupFigures) => ({
  counts: f.counts,
  overdueCount: f.overdueCount,
  collapsedThrough: f.collapsedThrough,
  upcoming: f.upcoming,
  upcomingDue: f.upcoming.map((w) => w.due),
  worst: f.worst,
  waiting: f.waiting,
});

/** Reads every slot to name the earliest past-due matters again; undefined when the rollup changed since version `v`. */
async function refillWorst(_id: Types.ObjectId, v: number, figures: RollupFigures, replaced?: { id: string; slot: Slot }): Promise<RollupFigures | undefined> {
  const stored = (await collection().findOne({ _id }, { projection: { v: 1, slots: 1 } })) as { v: number; slots?: Record<string, Slot> } | null;
  if (!stored || stored.v !== v) return undefined;
  const slots = { ...stored.slots, ...(replaced ? { [replaced.id]: replaced.slot } : {}) };
  return { ...figures, worst: worstFromSlots(figures, Object.values(slots)) };
}

/**
 * Writes a complaint's contribution as of its record: the step that produced
 * `c` (its last timeline entry) is then rolled up. Nothing happens when the
 * rollup already reflects this entry or a later one.
 */
export async function rollUp(c: RolledComplaint): Promise<void> {
  const id = String(c._id);
  const where = rollupWhere(shanghaiWeekOf(c.createdAt), c.committeeId);
  const lastEntry = c.timeline.at(-1)?._id;
  const slot: Slot = { n: c.timeline.length, ...(lastEntry ? { e: String(lastEntry) } : {}), f: contributionOf(c) };

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const stored = (await collection().findOne(where, { projection: { ...FIGURES, [`slots.${id}`]: 1 } })) as Stored | null;
    const before = stored?.slots?.[id];
    if (before && before.n >= slot.n) return;

    if (!stored) {
      const figures = replaceContribution(emptyFigures(), undefined, slot.f);
      const changes = histogramChanges(undefined, slot.f);
      try {
        await collection().insertOne({ ...where, v: 1, ...settable(figures), ...changes, slots: { [id]: slot } });
        return;
      } catch (err) {
        if (isDuplicateKey(err)) continue; // another writer created it a moment ago: read it
        throw err;
      }
    }

    let figures = replaceContribution(figuresOf(stored), before?.f, slot.f);
    if (worstNeedsRefill(figures)) {
      const refilled = await refillWorst(stored._id, stored.v, figures, { id, slot });
      if (!refilled) continue;
      figures = refilled;
    }
    const inc: Record<string, number> = { v: 1 };
    for (const [field, change] of Object.entries(histogramChanges(before?.f, slot.f))) for (const [ms, by] of Object.entries(change)) if (by) inc[`${field}.${ms}`] = by;
    const result = await collection().updateOne({ _id: stored._id, v: stored.v }, { $set: { ...settable(figures), [`slots.${id}`]: slot }, $inc: inc });
    if (result.matchedCount === 1) return;
  }
  throw new Error(`rollup ${nameOf(where)}: still contended after ${MAX_ATTEMPTS} attempts`);
}

/** Moves matters whose due time has passed by `now` from each rollup's `upcoming` into its past-due count. Returns how many rollups changed. */
export async function collapseRollups(now: Date): Promise<number> {
  // A projection naming a field (not `_id` alone, which the embedded engine answers with whole documents).
  const due = await collection().find({ 'upcoming.due': { $lt: now } }, { projection: { week: 1 } }).toArray();
  let changed = 0;
  for (const { _id } of due) {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = (await collection().findOne({ _id }, { projection: FIGURES })) as Stored | null;
      if (!stored) break;
      let figures = collapseDue(figuresOf(stored), now);
      if (worstNeedsRefill(figures)) {
        const refilled = await refillWorst(stored._id, stored.v, figures);
        if (!refilled) continue;
        figures = refilled;
      }
      const result = await collection().updateOne({ _id, v: stored.v }, { $set: settable(figures), $inc: { v: 1 } });
      if (result.matchedCount === 1) {
        changed += 1;
        break;
      }
    }
  }
  return changed;
}

/**
 * The rollups the overview reads: the weeks shown, and any older week still holding
 * waiting matters; in the committees given (all, and the matters outside every area,
 * when undefined). One command. Everything but the slots, and of `upcoming` only the
 * first WORST_SHOWN (the earliest due) beside the due times of all (`overdueAt`).
 */
export async function readRollups(weeks: string[], committeeIds?: Types.ObjectId[]): Promise<RollupView[]> {
  return RollupModel.aggregate<RollupView>([
    { $match: { ...(committeeIds ? { committeeId: { $in: committeeIds } } : {}), $or: [{ week: { $in: weeks } }, { waiting: { $gt: 0 } }] } },
    {
      $project: {
        week: 1,
        committeeId: 1,
        counts: 1,
        toDispatch: 1,
        toResolution: 1,
        overdueCount: 1,
        worst: 1,
        waiting: 1,
        upcomingDue: 1,
        upcoming: { $slice: ['$upcoming', WORST_SHOWN] },
      },
    },
  ]).option({ batchSize: 100_000 });
}
