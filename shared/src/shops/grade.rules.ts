import { addDays } from '../calendar/dates';
import { BUSINESS_TYPE_BASE_GRADE, BUSINESS_TYPE_WORDS, SHOP_GRADES, SHOP_GRADE_WORDS, type BusinessType, type InspectionOutcome, type ShopGrade } from './catalogue';

/**
 * A street shop's risk grade (街面秩序 颜色管理) as one pure function over its
 * record, like the health-code rules. Bump the version whenever a rule changes,
 * so a grade can always be traced to the rules that gave it.
 *
 * The rules, applied in this order to the business type's base grade:
 * 1. one or two violations in the window raise the grade one step;
 * 2. `COMPLAINTS_TO_RAISE` or more linked complaints in the window raise it one step;
 * 3. a clean inspection within `RECENT_CLEAN_DAYS`, with no violation on or after
 *    its day, lowers it one step (never below low);
 * 4. `VIOLATIONS_FOR_HIGH` or more violations within one window make any shop
 *    high, whatever else holds, and it stays high until a whole window passes
 *    without a violation (a fixed point: each new violation while high keeps it).
 *
 * A record dated D counts on day T while 0 ≤ T − D < its window, so it stops
 * counting on D + window. Records dated after `now` are not counted, and do not
 * move `nextFallOn` either.
 */
export const SHOP_GRADE_RULES_VERSION = 'street-2026.1';
export const GRADE_WINDOW_DAYS = 90;
export const VIOLATIONS_FOR_HIGH = 3;
export const COMPLAINTS_TO_RAISE = 3;
export const RECENT_CLEAN_DAYS = 30;

export interface GradeShopInput {
  businessType: BusinessType;
}
/** An inspection (巡查记录) or a patrol alert attached to the shop (always a violation). */
export interface GradeObservation {
  /** Shanghai date. */
  date: string;
  outcome: InspectionOutcome;
}
/** A complaint linked to the shop, by the Shanghai date it was filed. */
export interface GradeComplaint {
  date: string;
}
export interface ShopGrading {
  grade: ShopGrade;
  /** Why, in words, base grade first. */
  reasons: string[];
  /** The Shanghai date the grade falls by itself if nothing new happens. */
  nextFallOn?: string;
  rulesVersion: string;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
/** Whether a record of `date` counts on `now` in a window of `days`. */
const within = (date: string, now: string, days: number) => {
  const age = daysBetween(date, now);
  return age >= 0 && age < days;
};
/**
 * Rule 4 on `now`: walk the violations in date order; three within a window
 * start a high spell, a gap of a whole window ends it, and it still holds on
 * `now` if the last violation is within the window.
 */
function highSpellHolds(violationDates: string[], now: string): boolean {
  const dates = [...violationDates].sort();
  let spell = false;
  dates.forEach((date, i) => {
    // A gap of exactly a window leaves no day without a counting violation: the spell goes on.
    if (i > 0 && daysBetween(dates[i - 1], date) > GRADE_WINDOW_DAYS) spell = false;
    const inWindow = dates.slice(0, i + 1).filter((d) => daysBetween(d, date) < GRADE_WINDOW_DAYS).length;
    if (inWindow >= VIOLATIONS_FOR_HIGH) spell = true;
  });
  return spell && dates.length > 0 && within(dates[dates.length - 1], now, GRADE_WINDOW_DAYS);
}

const step = (grade: ShopGrade, by: number): ShopGrade => SHOP_GRADES[Math.min(SHOP_GRADES.length - 1, Math.max(0, SHOP_GRADES.indexOf(grade) + by))];

/** The grade on `now` alone, without looking ahead. */
function gradeOn(shop: GradeShopInput, observations: GradeObservation[], complaints: GradeComplaint[], now: string): Omit<ShopGrading, 'nextFallOn' | 'rulesVersion'> {
  const base = BUSINESS_TYPE_BASE_GRADE[shop.businessType];
  const reasons = [`业态「${BUSINESS_TYPE_WORDS[shop.businessType]}」基础等级为${SHOP_GRADE_WORDS[base]}`];
  const violations = observations.filter((o) => o.outcome === 'violation' && within(o.date, now, GRADE_WINDOW_DAYS));
  const linked = complaints.filter((c) => within(c.date, now, GRADE_WINDOW_DAYS));
  const pastViolations = observations.filter((o) => o.outcome === 'violation' && daysBetween(o.date, now) >= 0).map((o) => o.date);
  if (highSpellHolds(pastViolations, now)) {
    reasons.push(
      `${GRADE_WINDOW_DAYS}天内违规${VIOLATIONS_FOR_HIGH}次及以上，列为高风险，直至连续${GRADE_WINDOW_DAYS}天无违规（近${GRADE_WINDOW_DAYS}天违规${violations.length}次）`,
    );
    return { grade: 'high', reasons };
  }
  let grade = base;
  if (violations.length > 0) {
    grade = step(grade, 1);
    reasons.push(`${GRADE_WINDOW_DAYS}天内违规${violations.length}次，升一级`);
  }
  if (linked.length >= COMPLAINTS_TO_RAISE) {
    grade = step(grade, 1);
    reasons.push(`${GRADE_WINDOW_DAYS}天内关联投诉${linked.length}件，升一级`);
  }
  const lastViolation = [...pastViolations].sort().at(-1);
  const lastClean = observations
    .filter((o) => o.outcome === 'ok' && within(o.date, now, RECENT_CLEAN_DAYS) && (!lastViolation || o.date > lastViolation))
    .map((o) => o.date)
    .sort()
    .at(-1);
  if (lastClean && grade !== 'low') {
    grade = step(grade, -1);
    reasons.push(`${lastClean}巡查无问题，降一级`);
  }
  return { grade, reasons };
}

/**
 * The shop's grade on `now` (a Shanghai date), its reasons, and the day it
 * would fall if nothing new were recorded.
 */
export function gradeShop(shop: GradeShopInput, allObservations: GradeObservation[], allComplaints: GradeComplaint[], now: string): ShopGrading {
  // What is dated after `now` is not on record yet: it neither counts nor moves the fall.
  const observations = allObservations.filter((o) => o.date <= now);
  const complaints = allComplaints.filter((c) => c.date <= now);
  const today = gradeOn(shop, observations, complaints, now);
  // The grade can only change on a day some record stops counting.
  const boundaries = [
    ...observations.map((o) => addDays(o.date, o.outcome === 'violation' ? GRADE_WINDOW_DAYS : RECENT_CLEAN_DAYS)),
    ...complaints.map((c) => addDays(c.date, GRADE_WINDOW_DAYS)),
  ]
    .filter((day) => day > now)
    .sort();
  const rank = SHOP_GRADES.indexOf(today.grade);
  const nextFallOn = [...new Set(boundaries)].find((day) => SHOP_GRADES.indexOf(gradeOn(shop, observations, complaints, day).grade) < rank);
  return { ...today, ...(nextFallOn ? { nextFallOn } : {}), rulesVersion: SHOP_GRADE_RULES_VERSION };
}
