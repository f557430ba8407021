import fc from 'fast-check';
import {
  byDue,
  collapseDue,
  contributionOf,
  emptyFigures,
  histogramChanges,
  overdueAt,
  replaceContribution,
  WORST_SHOWN,
  worstFromSlots,
  worstNeedsRefill,
  type Contribution,
  type Histogram,
  type RollupFigures,
  type Slot,
  type WaitingReading,
} from './rollup';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T09:00:00+08:00');
const none: Contribution['counts'] = { closed: 0, firstTimeClosed: 0, resolutions: 0, lateResolutions: 0, ratings: 0, satisfiedRatings: 0, everResolved: 0, reopened: 0 };

/** A rollup kept in memory the way rollups.ts keeps it in the database: figures, slots, histograms. */
class MemoryRollup {
  figures: RollupFigures = emptyFigures();
  slots = new Map<string, Slot>();
  histograms: Record<'toDispatch' | 'toResolution', Histogram> = { toDispatch: {}, toResolution: {} };

  put(id: string, n: number, f: Contribution) {
    const before = this.slots.get(id);
    if (before && before.n >= n) return;
    const slot = { n, f };
    let next = replaceContribution(this.figures, before?.f, f);
    this.slots.set(id, slot);
    if (worstNeedsRefill(next)) next = { ...next, worst: worstFromSlots(next, this.slots.values()) };
    for (const [field, change] of Object.entries(histogramChanges(before?.f, f))) {
      const h = this.histograms[field as 'toDispatch' | 'toResolution'];
      for (const [ms, by] of Object.entries(change)) h[ms] = (h[ms] ?? 0) + by;
    }
    this.figures = next;
  }

  collapse(now: Date) {
    let next = collapseDue(this.figures, now);
    if (worstNeedsRefill(next)) next = { ...next, worst: worstFromSlots(next, this.slots.values()) };
    this.figures = next;
  }
}

/** The rollup as the overview reads it (rollups.ts `readRollups`): the first few of `upcoming`, and all their due times. */
const read = (f: RollupFigures): WaitingReading => ({ ...f, upcoming: f.upcoming.slice(0, WORST_SHOWN), upcomingDue: f.upcoming.map((w) => w.due) });

const waiting = (id: string, due: number, urgeCount = 0): Contribution => ({
  counts: none,
  wait: { c: id, s: 'submitted', due: new Date(due), category: 'sanitation', address: '潍坊路', urgeCount },
});

describe('a complaint rollup', () => {
  it("counts a complaint's contribution once however often the same step is rolled up, and ignores an older step arriving late", () => {
    const r = new MemoryRollup();
    const filed = waiting('a', T0 + 24 * HOUR);
    const resolved: Contribution = { counts: { ...none, resolutions: 1, everResolved: 1 }, toDispatch: 3 * HOUR, toResolution: 30 * HOUR };
    r.put('a', 1, filed);
    r.put('a', 1, filed);
    r.put('a', 4, resolved);
    r.put('a', 2, waiting('a', T0 + 48 * HOUR)); // the accept step, rolled up after the resolution
    r.put('a', 4, resolved);
    expect(r.figures.counts).toMatchObject({ received: 1, resolutions: 1, everResolved: 1 });
    expect(r.figures.waiting).toBe(0);
    expect(r.histograms).toEqual({ toDispatch: { [3 * HOUR]: 1 }, toResolution: { [30 * HOUR]: 1 } });
  });

  it('moves a reopened matter out of the resolution histogram and back into the waiting ones', () => {
    const r = new MemoryRollup();
    r.put('a', 4, { counts: { ...none, resolutions: 1, everResolved: 1 }, toResolution: 30 * HOUR });
    r.put('a', 5, { counts: { ...none, resolutions: 1, everResolved: 1, ratings: 1, reopened: 1 }, wait: waiting('a', T0 + 72 * HOUR).wait });
    expect(r.histograms.toResolution).toEqual({ [30 * HOUR]: 0 });
    expect(r.figures.counts).toMatchObject({ received: 1, ratings: 1, reopened: 1 });
    expect(overdueAt(read(r.figures), new Date(T0 + 73 * HOUR)).count).toBe(1);
  });

  it('reads the red lights and the five longest past due at any later time exactly as the matters themselves say, through steps and collapses', () => {
    const op = fc.oneof(
      // Enough matters to keep more past due than a rollup names (WORST_KEPT), and steps that move the earliest on.
      fc.record({ kind: fc.constant('put' as const), id: fc.integer({ min: 0, max: 39 }), due: fc.option(fc.integer({ min: -60, max: 20 }), { nil: undefined, freq: 3 }), urge: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 0, max: 30 }), collapse: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 50, maxLength: 300 }), (ops) => {
        const r = new MemoryRollup();
        const truth = new Map<string, Contribution>();
        const steps = new Map<string, number>();
        let now = T0;
        for (const o of ops) {
          if (o.kind === 'wait') {
            now += o.hours * HOUR;
            if (o.collapse) r.collapse(new Date(now));
          } else {
            const id = `c${String(o.id).padStart(2, '0')}`;
            const f = o.due === undefined ? { counts: none } : waiting(id, now + o.due * HOUR, o.urge);
            const n = (steps.get(id) ?? 0) + 1;
            steps.set(id, n);
            truth.set(id, f);
            r.put(id, n, f);
          }
          const at = new Date(now);
          const due = [...truth.values()].flatMap((f) => (f.wait && f.wait.due.getTime() < now ? [f.wait] : [])).sort(byDue);
          const seen = overdueAt(read(r.figures), at);
          expect(seen.count).toBe(due.length);
          expect(seen.earliest).toEqual(due.slice(0, WORST_SHOWN));
          expect(r.figures.upcoming).toEqual([...r.figures.upcoming].sort(byDue));
          expect(r.figures.waiting).toBe([...truth.values()].filter((f) => f.wait).length);
          expect(r.figures.counts.received).toBe(truth.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes its figures from the complaint record as the overview contract defines them', () => {
    const createdAt = new Date(T0);
    const base = { _id: 'x', createdAt, category: 'sanitation', address: '潍坊路' };
    expect(contributionOf({ ...base, status: 'submitted', acceptBy: new Date(T0 + 24 * HOUR) })).toEqual({ counts: none, wait: { c: 'x', s: 'submitted', due: new Date(T0 + 24 * HOUR), category: 'sanitation', address: '潍坊路', urgeCount: 0 } });
    const closed = contributionOf({
      ...base,
      status: 'archived',
      closedAt: new Date(T0 + 40 * HOUR),
      resolutions: 2,
      lateResolutions: 1,
      ratingCount: 2,
      satisfiedCount: 1,
      reopenCount: 1,
      firstDispatchedAt: new Date(T0 + 2 * HOUR),
      resolvedAt: new Date(T0 + 30 * HOUR),
      deadline: new Date(T0),
    });
    expect(closed).toEqual({
      counts: { closed: 1, firstTimeClosed: 0, resolutions: 2, lateResolutions: 1, ratings: 2, satisfiedRatings: 1, everResolved: 1, reopened: 1 },
      toDispatch: 2 * HOUR,
      toResolution: 30 * HOUR,
    });
    // Reopened: dispatched again, so neither resolved now nor counted in the resolution median; waiting on its new deadline.
    expect(contributionOf({ ...base, status: 'dispatched', resolutions: 1, reopenCount: 1, resolvedAt: null, deadline: new Date(T0 + 99 * HOUR) })).toMatchObject({ wait: { s: 'dispatched' } });
    expect(contributionOf({ ...base, status: 'dispatched', resolutions: 1, reopenCount: 1, deadline: new Date(T0 + 99 * HOUR) }).toResolution).toBeUndefined();
  });
});
