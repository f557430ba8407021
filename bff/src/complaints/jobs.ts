import {
  AUTO_ARCHIVE_AFTER_DAYS,
  AUTO_CLOSE_AFTER_DAYS,
  cellCenter,
  HOTSPOT_QUIET_DAYS,
  HOTSPOT_THRESHOLD,
  HOTSPOT_WINDOW_DAYS,
  isInsideArea,
  transition,
  type ComplaintEvent,
  type ComplaintStatus,
} from '@sqtb/shared';
import { DAY_MS } from '../core/clock';
import type { Job } from '../jobs/scheduler';
import { Committee } from '../org/org.model';
import { applyTransition, ComplaintModel, rollUpStep } from './complaint.model';
import { HotspotModel } from './hotspot.model';
import { collapseRollups } from './rollups';
import { timelineEntry } from '../workflow/timeline';
import { isDuplicateKey } from '../db/duplicate-key';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * Moves every matching complaint by a system step; the conditional update makes a rerun a no-op.
 * The filter is checked again in the write: a matter reopened and resolved again between the read
 * and the write has its status back but is no longer due.
 */
async function systemStep(filter: Record<string, unknown>, from: ComplaintStatus, event: ComplaintEvent, now: Date, set: Record<string, unknown>, note: string) {
  const decision = transition(from, event, ['system']);
  if (!decision.ok) throw new Error(`the workflow table has no ${event} from ${from}`);
  const due = await ComplaintModel.find({ ...filter, status: from }, { _id: 1 }).lean();
  let moved = 0;
  for (const { _id } of due) {
    // The one builder; from and to restated so they keep the status type the complaint schema declares.
    const entry = { ...timelineEntry(now, event, from, decision.to, 'system', note), from, to: decision.to };
    if (await applyTransition(_id, from, decision.to, { set, entry, also: filter })) moved += 1;
  }
  return moved;
}

/** A resolved matter nobody rated for 7 days closes by itself, marked as not rated. */
export async function autoCloseUnrated(now: Date): Promise<{ closed: number }> {
  const closed = await systemStep({ resolvedAt: { $lte: daysBefore(now, AUTO_CLOSE_AFTER_DAYS) } }, 'resolved', 'autoClose', now, { closedAt: now, notRated: true }, '7 天未评价，自动结案');
  return { closed };
}

/** Closed and rejected matters are archived after 30 days. */
export async function autoArchive(now: Date): Promise<{ archived: number }> {
  const before = daysBefore(now, AUTO_ARCHIVE_AFTER_DAYS);
  const closed = await systemStep({ closedAt: { $lte: before } }, 'closed', 'autoArchive', now, { archivedAt: now }, '结案 30 天，自动归档');
  const rejected = await systemStep({ rejectedAt: { $lte: before } }, 'rejected', 'autoArchive', now, { archivedAt: now }, '不予受理 30 天，自动归档');
  return { archived: closed + rejected };
}

/**
 * Opens a hotspot for each grid cell with 3+ complaints in the last 30 days
 * and closes (销项) those with no new complaint for 90 days.
 */
export async function refreshHotspots(now: Date): Promise<{ opened: number; closed: number }> {
  const windowStart = daysBefore(now, HOTSPOT_WINDOW_DAYS);
  const busyCells = await ComplaintModel.aggregate<{ _id: string; count: number; last: Date; categories: string[] }>([
    { $match: { createdAt: { $gte: windowStart, $lte: now } } },
    { $group: { _id: '$cell', count: { $sum: 1 }, last: { $max: '$createdAt' }, categories: { $addToSet: '$category' } } },
    { $match: { count: { $gte: HOTSPOT_THRESHOLD } } },
  ]);
  const committees = await Committee.find().lean();
  let opened = 0;
  for (const cell of busyCells) {
    const center = cellCenter(cell._id);
    const committee = committees.find((c) => isInsideArea(center, { center: c.area!.center!, radiusMeters: c.area!.radiusMeters }));
    try {
      const result = await HotspotModel.updateOne(
        { openCell: cell._id },
        {
          $setOnInsert: { cell: cell._id, center, committeeId: committee?._id, openedAt: now },
          $set: { lastComplaintAt: cell.last, complaintsInWindow: cell.count, categories: cell.categories.sort() },
        },
        { upsert: true },
      );
      opened += result.upsertedCount;
    } catch (err) {
      // Another instance opened this cell's hotspot a moment ago: nothing left to do.
      if (!isDuplicateKey(err)) throw err;
    }
  }

  let closed = 0;
  const open = await HotspotModel.find({ openCell: { $exists: true } });
  for (const hotspot of open) {
    const latest = await ComplaintModel.findOne({ cell: hotspot.cell, createdAt: { $lte: now } }, { createdAt: 1 }).sort({ createdAt: -1 }).lean();
    const last = latest?.createdAt ?? hotspot.lastComplaintAt;
    if (last.getTime() > daysBefore(now, HOTSPOT_QUIET_DAYS).getTime()) continue;
    const result = await HotspotModel.updateOne({ _id: hotspot._id, openCell: hotspot.cell }, { $set: { closedAt: now, lastComplaintAt: last }, $unset: { openCell: 1 } });
    closed += result.modifiedCount;
  }
  return { opened, closed };
}

/**
 * Keeps the overview's rollups (rollup.ts) whole: finishes the rollup of any step
 * whose process stopped between its write and its rollup (the step's `rollupDue`
 * mark), then counts matters whose due time has passed as past due. Both are
 * idempotent: a step already rolled up, or a rollup already collapsed at `now`,
 * changes nothing.
 */
export async function maintainRollups(now: Date): Promise<{ rolledUp: number; collapsed: number }> {
  const marked = await ComplaintModel.find({ rollupDue: { $exists: true } });
  for (const c of marked) await rollUpStep(c);
  return { rolledUp: marked.length, collapsed: await collapseRollups(now) };
}

export const complaintJobs: Job[] = [
  { name: 'complaints.auto-close-unrated', everyMs: 15 * 60_000, run: autoCloseUnrated },
  { name: 'complaints.auto-archive', everyMs: 60 * 60_000, run: autoArchive },
  { name: 'complaints.hotspots', everyMs: 15 * 60_000, run: refreshHotspots },
  { name: 'complaints.rollups', everyMs: 5 * 60_000, run: maintainRollups },
];
