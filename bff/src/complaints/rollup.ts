import type { ComplaintStatus } from '@sqtb/shared';
import { DUE_FIELDS } from './filters';

/**
 * The overview's complaint figures, kept as they change instead of read from
 * every complaint on every refresh (the shapes here; rollups.ts writes them).
 *
 * One rollup per committee (or the district's own matters) and Shanghai week of
 * receipt — the overview's cohorts. It holds:
 * - the cohort's counters (received, closed, resolutions, ratings, reopens, …);
 * - two histograms for the medians, keyed by the exact duration in milliseconds
 *   (receipt → first dispatch; receipt → latest resolution, for those resolved
 *   now). A key counts the complaints with exactly that duration, so the median
 *   read from the merged histograms is the median of the values themselves:
 *   exact, and no larger than the number of distinct durations in the cohort;
 * - the cohort's matters waiting on a step (受理, 派单, 办理) with their due time:
 *   those not yet due one by one (`upcoming`), those past due as a count plus the
 *   earliest few (`worst`), so the red lights and the five longest past due are
 *   read without reading the matters;
 * - one slot per complaint: what it adds to all of the above, and the timeline
 *   position and entry id it reflects.
 *
 * A complaint's contribution is a function of its record alone, so writing it
 * is "replace this complaint's contribution with the one of its state after
 * step n": a step rolled up twice, or late after a later one, changes nothing
 * (its n is not above the slot's). The overview reads every field but the slots.
 */

/** How many of the earliest past-due matters a rollup keeps by name; it refills from its slots below WORST_SHOWN. */
export const WORST_KEPT = 10;
/** The overview lists the five longest past due. */
export const WORST_SHOWN = 5;

export const COUNTER_FIELDS = ['received', 'closed', 'firstTimeClosed', 'resolutions', 'lateResolutions', 'ratings', 'satisfiedRatings', 'everResolved', 'reopened'] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
export type Counters = Record<CounterField, number>;

/** A duration in ms → how many complaints of the cohort took exactly that long. */
export type Histogram = Record<string, number>;
export const HISTOGRAMS = ['toDispatch', 'toResolution'] as const;
export type HistogramField = (typeof HISTOGRAMS)[number];

/** A matter waiting on a step, with what the overview's list of the longest past due shows. */
export interface WaitEntry {
  /** The complaint's id. */
  c: string;
  s: ComplaintStatus;
  due: Date;
  category: string;
  address: string;
  urgeCount: number;
}

/** What one complaint adds to its rollup. */
export interface Contribution {
  counts: Omit<Counters, 'received'>;
  /** Milliseconds from receipt to the first dispatch, once dispatched. */
  toDispatch?: number;
  /** Milliseconds from receipt to the latest resolution, while resolved, closed or archived. */
  toResolution?: number;
  wait?: WaitEntry;
}

/** A complaint's place in its rollup: its contribution as of timeline entry `n` (a count), whose id is `e`. */
export interface Slot {
  n: number;
  e?: string;
  f: Contribution;
}

/** Everything of a rollup but the histograms and slots, which are written key by key. */
export interface RollupFigures {
  counts: Counters;
  /** Past-due matters moved out of `upcoming`: those whose due time is before `collapsedThrough`. */
  overdueCount: number;
  collapsedThrough: Date | null;
  /** Waiting matters not yet counted in `overdueCount` (due at or after `collapsedThrough`), earliest due first. */
  upcoming: WaitEntry[];
  /** The earliest of the `overdueCount` matters, in order: all of them, or at least WORST_SHOWN. */
  worst: WaitEntry[];
  /** overdueCount + upcoming.length: the rollup holds matters waiting now. */
  waiting: number;
}

/** The fields of a complaint record a contribution is made of. */
export interface ComplaintFacts {
  _id: unknown;
  createdAt: Date;
  status: ComplaintStatus;
  category: string;
  address: string;
  closedAt?: Date | null;
  reopenCount?: number | null;
  resolutions?: number | null;
  lateResolutions?: number | null;
  ratingCount?: number | null;
  satisfiedCount?: number | null;
  firstDispatchedAt?: Date | null;
  resolvedAt?: Date | null;
  acceptBy?: Date | null;
  dispatchBy?: Date | null;
  deadline?: Date | null;
  urgeCount?: number | null;
}

const RESOLVED_NOW: ReadonlySet<ComplaintStatus> = new Set(['resolved', 'closed', 'archived']);

/** What a complaint adds to its cohort's figures, as the overview contract defines each (shared overview.schema.ts). */
export function contributionOf(c: ComplaintFacts): Contribution {
  const created = c.createdAt.getTime();
  const closed = c.closedAt ? 1 : 0;
  const resolutions = c.resolutions ?? 0;
  const due = DUE_FIELDS.find((d) => d.status === c.status);
  const dueAt = due ? (c[due.field] ?? undefined) : undefined;
  return {
    counts: {
      closed,
      firstTimeClosed: closed && !c.reopenCount ? 1 : 0,
      resolutions,
      lateResolutions: c.lateResolutions ?? 0,
      ratings: c.ratingCount ?? 0,
      satisfiedRatings: c.satisfiedCount ?? 0,
      everResolved: resolutions > 0 ? 1 : 0,
      reopened: (c.reopenCount ?? 0) > 0 ? 1 : 0,
    },
    ...(c.firstDispatchedAt ? { toDispatch: c.firstDispatchedAt.getTime() - created } : {}),
    ...(c.resolvedAt && RESOLVED_NOW.has(c.status) ? { toResolution: c.resolvedAt.getTime() - created } : {}),
    ...(dueAt
      ? { wait: { c: String(c._id), s: c.status, due: dueAt, category: c.category, address: c.address, urgeCount: c.urgeCount ?? 0 } }
      : {}),
  };
}

export const emptyCounters = (): Counters => Object.fromEntries(COUNTER_FIELDS.map((f) => [f, 0])) as Counters;

export const emptyFigures = (): RollupFigures => ({ counts: emptyCounters(), overdueCount: 0, collapsedThrough: null, upcoming: [], worst: [], waiting: 0 });

/** Earliest due first, ties by id (as the overview orders its list). */
export const byDue = (a: WaitEntry, b: WaitEntry) => a.due.getTime() - b.due.getTime() || a.c.localeCompare(b.c);

const collapsed = (w: WaitEntry, through: Date | null) => through !== null && w.due.getTime() < through.getTime();

/**
 * `worst` with past-due entries added: still the earliest of all, in order. When
 * `worst` did not hold every past-due matter, the ones it left out come after its
 * last, so an added entry after that last is left out too.
 */
function mergeWorst(worst: WaitEntry[], heldAll: boolean, added: WaitEntry[]): WaitEntry[] {
  let merged = [...worst, ...added].sort(byDue);
  const last = worst.at(-1);
  if (!heldAll && last) merged = merged.filter((w) => byDue(w, last) <= 0);
  return merged.slice(0, WORST_KEPT);
}

/** A rollup's figures with one complaint's contribution replaced (`before` undefined: the complaint is new to it). */
export function replaceContribution(figures: RollupFigures, before: Contribution | undefined, after: Contribution): RollupFigures {
  const counts = { ...figures.counts };
  if (!before) counts.received += 1;
  for (const f of COUNTER_FIELDS) if (f !== 'received') counts[f] += after.counts[f] - (before?.counts[f] ?? 0);

  let { overdueCount, upcoming, worst } = figures;
  const id = before?.wait?.c ?? after.wait?.c;
  if (before?.wait) {
    if (upcoming.some((w) => w.c === id)) upcoming = upcoming.filter((w) => w.c !== id);
    else {
      overdueCount -= 1;
      worst = worst.filter((w) => w.c !== id);
    }
  }
  if (after.wait) {
    if (collapsed(after.wait, figures.collapsedThrough)) {
      worst = mergeWorst(worst, worst.length === overdueCount, [after.wait]);
      overdueCount += 1;
    } else upcoming = [...upcoming, after.wait].sort(byDue);
  }
  return { ...figures, counts, overdueCount, upcoming, worst, waiting: overdueCount + upcoming.length };
}

/** Counts the matters in `upcoming` due before `now` as past due (a later `now` only: the clock moves forward). */
export function collapseDue(figures: RollupFigures, now: Date): RollupFigures {
  const through = figures.collapsedThrough && figures.collapsedThrough > now ? figures.collapsedThrough : now;
  const moved = figures.upcoming.filter((w) => collapsed(w, through));
  const upcoming = figures.upcoming.filter((w) => !collapsed(w, through));
  const worst = mergeWorst(figures.worst, figures.worst.length === figures.overdueCount, moved);
  const overdueCount = figures.overdueCount + moved.length;
  return { ...figures, collapsedThrough: through, upcoming, worst, overdueCount, waiting: overdueCount + upcoming.length };
}

/** `worst` no longer names enough past-due matters (some left it): it must be read again from the slots. */
export const worstNeedsRefill = (f: RollupFigures) => f.worst.length < Math.min(WORST_SHOWN, f.overdueCount);

/** The earliest past-due matters, from every complaint's slot. */
export function worstFromSlots(figures: RollupFigures, slots: Iterable<Slot>): WaitEntry[] {
  const past: WaitEntry[] = [];
  for (const s of slots) if (s.f.wait && collapsed(s.f.wait, figures.collapsedThrough)) past.push(s.f.wait);
  return past.sort(byDue).slice(0, WORST_KEPT);
}

/** How a contribution change moves the histograms: +1 on the new duration, −1 on the old. */
export function histogramChanges(before: Contribution | undefined, after: Contribution): Record<HistogramField, Histogram> {
  const changes = { toDispatch: {} as Histogram, toResolution: {} as Histogram };
  for (const h of HISTOGRAMS) {
    const was = before?.[h];
    const is = after[h];
    if (was === is) continue;
    if (was !== undefined) changes[h][String(was)] = (changes[h][String(was)] ?? 0) - 1;
    if (is !== undefined) changes[h][String(is)] = (changes[h][String(is)] ?? 0) + 1;
  }
  return changes;
}

/**
 * What the overview reads of a rollup's waiting matters: the past-due count and earliest,
 * the first WORST_SHOWN of `upcoming` (the earliest due), and the due times of all of
 * `upcoming` (stored beside it as `upcomingDue`, so counting them reads dates only).
 */
export interface WaitingReading {
  overdueCount: number;
  worst: WaitEntry[];
  upcoming: WaitEntry[];
  upcomingDue: Date[];
}

/** The past-due matters of a rollup at `now`: those counted already, and those in `upcoming` whose time has passed. */
export function overdueAt(r: WaitingReading, now: Date): { count: number; earliest: WaitEntry[] } {
  const newly = r.upcomingDue.filter((due) => due.getTime() < now.getTime()).length;
  const earliest = [...r.worst, ...r.upcoming.filter((w) => w.due.getTime() < now.getTime())].sort(byDue).slice(0, WORST_SHOWN);
  return { count: r.overdueCount + newly, earliest };
}
