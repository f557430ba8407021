import type { Overview } from '@sqtb/shared';
import { emptyShopCounts, shopCountsByCommittee } from '../shops/service';
import { OUTSIDE_NAME, type OverviewScope } from './scope';

/**
 * Street order: every committee in scope with its shops by grade now and this
 * Shanghai week's inspections of them (at district level a last row for the
 * shops outside every area), and their sum. `weekStart` is the Monday of the
 * overview's last week.
 */
export async function shopsOverview(scope: OverviewScope, weekStart: string): Promise<Overview['shops']> {
  const counts = await shopCountsByCommittee(scope.includesOutside ? undefined : scope.committees.map((c) => c.id), weekStart);
  const rowFor = (id: string | null, name: string) => ({ committeeId: id, committeeName: name, ...(counts.get(id) ?? emptyShopCounts()) });
  const byCommittee = scope.committees.map((c) => rowFor(String(c.id), c.name));
  if (scope.includesOutside) byCommittee.push(rowFor(null, OUTSIDE_NAME));
  const totals = byCommittee.reduce(
    (t, r) => ({ low: t.low + r.low, medium: t.medium + r.medium, high: t.high + r.high, inspectionsThisWeek: t.inspectionsThisWeek + r.inspectionsThisWeek }),
    emptyShopCounts(),
  );
  return { byCommittee, totals };
}
