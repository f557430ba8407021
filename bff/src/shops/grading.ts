import type { Types } from 'mongoose';
import {
  addDays,
  GRADE_WINDOW_DAYS,
  gradeShop,
  RECENT_CLEAN_DAYS,
  shanghaiDate,
  SHOP_GRADES,
  type BusinessType,
  type GradeComplaint,
  type GradeObservation,
  type ShopGrade,
  type ShopGrading,
} from '@sqtb/shared';
import { complaintsLinkedToShop } from '../complaints/service';
import { DAY_MS } from '../core/clock';
import { PatrolAlertModel } from './alert.model';
import { InspectionModel } from './inspection.model';
import { ShopModel, type ShopRecord } from './shop.model';

/**
 * A shop's grade, worked out again with the shared rule over its record and
 * written with one compare-and-set on `computedVersion` (see shop.model.ts):
 * 1. whoever writes an input marks the shop out of date first (`markOutOfDate`);
 * 2. `regrade` claims a version (`$inc inputVersion`) before reading anything,
 *    so it sees every input written before its claim;
 * 3. it writes only over the version it last read, pushing a history entry
 *    when the grade really moves; a later claim already written wins.
 * So two inspections at once end with the grade over both, and the history
 * holds one entry per change of the stored grade.
 */

type ShopId = Types.ObjectId | string;

/** Whole days from one Shanghai date to another. */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The first day after `today` on which the rule says anything else: another
 * grade (its fall, or a rise when a clean inspection stops counting) or the
 * same grade for other reasons (a count in a reason drops as a record leaves
 * the window). Only a record leaving its window changes the answer, so only
 * those days are asked.
 */
function nextChangeOn(shop: { businessType: BusinessType }, observations: GradeObservation[], complaints: GradeComplaint[], today: string, grading: ShopGrading): string | undefined {
  const said = JSON.stringify([grading.grade, grading.reasons]);
  const leaving = [
    ...observations.map((o) => addDays(o.date, o.outcome === 'violation' ? GRADE_WINDOW_DAYS : RECENT_CLEAN_DAYS)),
    ...complaints.map((c) => addDays(c.date, GRADE_WINDOW_DAYS)),
  ];
  return [...new Set(leaving)]
    .filter((day) => day > today)
    .sort()
    .find((day) => {
      const then = gradeShop(shop, observations, complaints, day);
      return JSON.stringify([then.grade, then.reasons]) !== said;
    });
}

/** The rule's answer on `now`, as the fields stored on the shop (`$unset` for the dates it no longer gives). */
export function gradeWrite(shop: { businessType: BusinessType }, observations: GradeObservation[], complaints: GradeComplaint[], now: Date) {
  const today = shanghaiDate(now);
  const grading: ShopGrading = gradeShop(shop, observations, complaints, today);
  const regradeOn = nextChangeOn(shop, observations, complaints, today, grading);
  const set = {
    grade: grading.grade,
    gradeRank: SHOP_GRADES.indexOf(grading.grade),
    reasons: grading.reasons,
    gradedAt: now,
    rulesVersion: grading.rulesVersion,
    ...(grading.nextFallOn ? { nextFallOn: grading.nextFallOn } : {}),
    ...(regradeOn ? { regradeOn } : {}),
  };
  const unset = { ...(grading.nextFallOn ? {} : { nextFallOn: 1 }), ...(regradeOn ? {} : { regradeOn: 1 }) };
  return { grading, set, unset };
}

/** A new shop's grade fields and the first entry of its history. */
export function firstGrade(businessType: BusinessType, observations: GradeObservation[], now: Date) {
  const { grading, set } = gradeWrite({ businessType }, observations, [], now);
  return { ...set, gradeHistory: [{ to: grading.grade, reasons: grading.reasons, at: now }], inputVersion: 0, computedVersion: 0 };
}

/** Before an input of the shop is written: the shop's id and grade as they were, or null when there is none. */
export async function markOutOfDate(shopId: ShopId): Promise<Pick<ShopRecord, '_id' | 'grade'> | null> {
  return ShopModel.findOneAndUpdate({ _id: shopId }, { $inc: { inputVersion: 1 } }, { new: false, projection: { grade: 1 } }).lean();
}

/**
 * What the rule reads of the shop: its violations (inspections and attached
 * alerts) as far back as they can still matter, its clean inspections of the
 * window, and its linked complaints. A high spell lasts while violations
 * follow each other within a window (grade.rules.ts rule 4), so violations
 * before the last gap of more than a window can no longer move anything: they
 * are left out, which keeps the rule's work small on a shop with a long record.
 */
async function gradeInputs(shopId: ShopId, today: string): Promise<{ observations: GradeObservation[]; complaints: GradeComplaint[] }> {
  const since = addDays(today, -GRADE_WINDOW_DAYS);
  const [inspections, alerts, complaints] = await Promise.all([
    InspectionModel.find({ shopId, $or: [{ outcome: 'violation' }, { date: { $gte: since } }] }, { date: 1, outcome: 1 }).lean(),
    PatrolAlertModel.find({ shopId }, { date: 1 }).lean(),
    complaintsLinkedToShop(String(shopId)),
  ]);
  const violations = [...inspections.filter((i) => i.outcome === 'violation').map((i) => i.date), ...alerts.map((a) => a.date)].sort();
  let chainStart = violations.length - 1;
  while (chainStart > 0 && daysBetween(violations[chainStart - 1], violations[chainStart]) <= GRADE_WINDOW_DAYS) chainStart--;
  return {
    observations: [
      ...violations.slice(Math.max(0, chainStart)).map((date) => ({ date, outcome: 'violation' as const })),
      ...inspections.filter((i) => i.outcome === 'ok').map((i) => ({ date: i.date, outcome: 'ok' as const })),
    ],
    complaints: complaints.map((c) => ({ date: shanghaiDate(c.createdAtDate) })),
  };
}

/**
 * Works the shop's grade out again at `now` and stores it unless a later
 * regrade has; answers the grade standing afterwards (null: no such shop).
 */
export async function regrade(shopId: ShopId, now: Date): Promise<ShopGrade | null> {
  const claimed = await ShopModel.findOneAndUpdate({ _id: shopId }, { $inc: { inputVersion: 1 } }, { new: true, projection: { inputVersion: 1, computedVersion: 1, grade: 1, businessType: 1 } }).lean();
  if (!claimed) return null;
  const version = claimed.inputVersion;
  const { observations, complaints } = await gradeInputs(shopId, shanghaiDate(now));
  const { grading, set, unset } = gradeWrite({ businessType: claimed.businessType }, observations, complaints, now);
  let seen: { computedVersion: number; grade: ShopGrade } = claimed;
  // Each failed attempt saw another regrade write in between: a later one ends the loop, an earlier one is written over.
  while (seen.computedVersion < version) {
    const moved = seen.grade !== grading.grade;
    const written = await ShopModel.findOneAndUpdate(
      { _id: shopId, computedVersion: seen.computedVersion },
      {
        $set: { ...set, computedVersion: version },
        ...(Object.keys(unset).length ? { $unset: unset } : {}),
        ...(moved ? { $push: { gradeHistory: { from: seen.grade, to: grading.grade, reasons: grading.reasons, at: now } } } : {}),
      },
      { new: true, projection: { grade: 1 } },
    ).lean();
    if (written) return written.grade;
    const current = await ShopModel.findById(shopId, { computedVersion: 1, grade: 1 }).lean();
    if (!current) return null;
    seen = current;
  }
  return seen.grade;
}
