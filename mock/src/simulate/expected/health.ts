import { shanghaiDate, type Overview } from '@sqtb/shared';
import type { Ledger } from '../ledger';
import { UNNAMED } from './complaints';
import type { HealthModel } from './health-model';
import type { ScopeView } from './scope';

/**
 * The health section: residents on record by the colour of their code now,
 * grouped by their registration's committee (at district level a last row for
 * those with none), and appeals still open from residents in scope.
 */
export function expectedHealth(ledger: Ledger, model: HealthModel, view: ScopeView, now: Date): Overview['health'] {
  const today = shanghaiDate(now);
  const identities = [...model.identities.values()];
  const row = (committee: string | null) => {
    const colors = identities.filter((i) => i.committee === committee).map((i) => model.colorOf(i.openid, today));
    return { green: colors.filter((c) => c === 'green').length, yellow: colors.filter((c) => c === 'yellow').length, red: colors.filter((c) => c === 'red').length };
  };
  const byCommittee: Overview['health']['byCommittee'] = view.committees.map((code) => ({ committeeId: ledger.org.committees[code].id, committeeName: ledger.org.committees[code].name, ...row(code) }));
  if (view.includesOutside) byCommittee.push({ committeeId: null, committeeName: UNNAMED, ...row(null) });
  const committeeOf = (openid: string) => model.identities.get(openid)?.committee ?? null;
  return {
    byCommittee,
    totals: {
      green: byCommittee.reduce((s, r) => s + r.green, 0),
      yellow: byCommittee.reduce((s, r) => s + r.yellow, 0),
      red: byCommittee.reduce((s, r) => s + r.red, 0),
    },
    openAppeals: [...model.appeals.values()].filter((a) => a.status === 'open' && view.has(committeeOf(a.openid))).length,
  };
}
