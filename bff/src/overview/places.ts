import { overviewVisitDays, type Overview, type VisitCount } from '@sqtb/shared';
import { placeFiguresByCommittee } from '../places/service';
import { OUTSIDE_NAME, type OverviewScope } from './scope';

const add = (a: VisitCount, b: VisitCount): VisitCount => ({ visits: a.visits + b.visits, refused: a.refused + b.refused });
const none = (): VisitCount => ({ visits: 0, refused: 0 });

/**
 * Place codes: every committee in scope with its places' visits on each of the
 * overview's last days (at district level a last row for places outside every
 * area), their sums, and the close-contact candidates awaiting a decision that
 * were named at those places.
 */
export async function placesOverview(scope: OverviewScope, now: Date): Promise<Overview['places']> {
  const days = overviewVisitDays(now);
  const figures = await placeFiguresByCommittee(scope.includesOutside ? undefined : scope.committees.map((c) => c.id), days, now);
  const rowFor = (id: string | null, name: string) => {
    const found = figures.byCommittee.get(id);
    const counts = found?.days ?? days.map(none);
    return { committeeId: id, committeeName: name, days: counts, total: counts.reduce(add, none()), candidatesAwaiting: found?.candidatesAwaiting ?? 0 };
  };
  const byCommittee = scope.committees.map((c) => rowFor(String(c.id), c.name));
  if (scope.includesOutside) byCommittee.push(rowFor(null, OUTSIDE_NAME));
  const byDay = days.map((_, i) => byCommittee.reduce((sum, r) => add(sum, r.days[i]), none()));
  const shown = new Set(byCommittee.map((r) => r.committeeId));
  const awaiting = figures.awaiting.filter((a) => shown.has(a.committee));
  return {
    days,
    byDay,
    total: byDay.reduce(add, none()),
    byCommittee,
    candidates: { awaiting: awaiting.length, cases: new Set(awaiting.map((a) => a.caseId)).size },
  };
}
