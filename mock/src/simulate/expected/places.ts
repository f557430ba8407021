import { addDays, OVERVIEW_CASE_DAYS, overviewVisitDays, shanghaiDate, type Overview, type VisitCount } from '@sqtb/shared';
import type { Ledger } from '../ledger';
import { UNNAMED } from './complaints';
import type { PlacesModel } from './places-model';
import type { ScopeView } from './scope';

const add = (a: VisitCount, b: VisitCount): VisitCount => ({ visits: a.visits + b.visits, refused: a.refused + b.refused });
const none = (): VisitCount => ({ visits: 0, refused: 0 });

/**
 * The place-code section at the month's end, from the replayed ledger: visits
 * on each of the last days by the committee of their place (refused: not
 * green as kept), and the candidates the shared rule still names for the
 * cases confirmed on the last OVERVIEW_CASE_DAYS days, by the committee of
 * the place it names them at.
 */
export function expectedPlaces(ledger: Ledger, model: PlacesModel, view: ScopeView, now: Date): Overview['places'] {
  const days = overviewVisitDays(now);
  const today = shanghaiDate(now);
  const committeeOf = (place: string) => model.places.get(place)?.committee ?? null;
  const awaiting = model.cases
    .filter((c) => c.date >= addDays(today, -(OVERVIEW_CASE_DAYS - 1)) && c.date <= today)
    .flatMap((c, i) => model.candidatesOf(c).map((candidate) => ({ case: i, committee: committeeOf(candidate.placeId) })));
  const row = (committee: string | null) => {
    const counts = days.map((day) => {
      const visits = model.visits.filter((v) => committeeOf(v.place) === committee && shanghaiDate(new Date(v.at)) === day);
      return { visits: visits.length, refused: visits.filter((v) => !v.allowed).length };
    });
    return { days: counts, total: counts.reduce(add, none()), candidatesAwaiting: awaiting.filter((a) => a.committee === committee).length };
  };
  const byCommittee: Overview['places']['byCommittee'] = view.committees.map((code) => ({ committeeId: ledger.org.committees[code].id, committeeName: ledger.org.committees[code].name, ...row(code) }));
  if (view.includesOutside) byCommittee.push({ committeeId: null, committeeName: UNNAMED, ...row(null) });
  const byDay = days.map((_, i) => byCommittee.reduce((sum, r) => add(sum, r.days[i]), none()));
  const shown = awaiting.filter((a) => view.has(a.committee));
  return { days, byDay, total: byDay.reduce(add, none()), byCommittee, candidates: { awaiting: shown.length, cases: new Set(shown.map((a) => a.case)).size } };
}
