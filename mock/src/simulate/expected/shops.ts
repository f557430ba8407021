import { shanghaiDate, shanghaiWeekOf, type Overview, type ShopView } from '@sqtb/shared';
import type { Mismatch } from '../compare';
import type { Ledger } from '../ledger';
import { UNNAMED } from './complaints';
import type { ShopsModel } from './shops-model';
import type { ScopeView } from './scope';

/**
 * Street order at the month's end, from the replayed ledger: the overview's
 * shops by grade and this week's inspections per committee, and every shop on
 * the register with the grade, reasons and fall date the shared rule gives it.
 */
export function expectedShops(ledger: Ledger, model: ShopsModel, view: ScopeView, now: Date): Overview['shops'] {
  const today = shanghaiDate(now);
  const monday = shanghaiWeekOf(now);
  const shops = [...model.shops.values()];
  const row = (committee: string | null) => {
    const grades = shops.filter((s) => s.committee === committee).map((s) => model.gradeOf(s.code, today).grade);
    const inspections = model.inspections.filter((i) => i.date >= monday && i.date <= today && model.shops.get(i.shop)?.committee === committee);
    return { low: grades.filter((g) => g === 'low').length, medium: grades.filter((g) => g === 'medium').length, high: grades.filter((g) => g === 'high').length, inspectionsThisWeek: inspections.length };
  };
  const byCommittee: Overview['shops']['byCommittee'] = view.committees.map((code) => ({ committeeId: ledger.org.committees[code].id, committeeName: ledger.org.committees[code].name, ...row(code) }));
  if (view.includesOutside) byCommittee.push({ committeeId: null, committeeName: UNNAMED, ...row(null) });
  const sum = (field: 'low' | 'medium' | 'high' | 'inspectionsThisWeek') => byCommittee.reduce((s, r) => s + r[field], 0);
  return { byCommittee, totals: { low: sum('low'), medium: sum('medium'), high: sum('high'), inspectionsThisWeek: sum('inspectionsThisWeek') } };
}

/** A shop as `GET /api/shops` must list it at the month's end (the figures the rule decides). */
export interface ExpectedShop {
  code: string;
  /** The id the BFF gave it (the ledger's ids), undefined when it never registered it. */
  id?: string;
  name: string;
  committeeId: string | null;
  grade: ShopView['grade'];
  reasons: string[];
  nextFallOn: string | null;
}

export function expectedShopList(ledger: Ledger, model: ShopsModel, now: Date): ExpectedShop[] {
  const today = shanghaiDate(now);
  return [...model.shops.values()].map((s) => {
    const grading = model.gradeOf(s.code, today);
    return {
      code: s.code,
      id: ledger.ids[`shop:${s.code}`],
      name: s.name,
      committeeId: s.committee ? ledger.org.committees[s.committee].id : null,
      grade: grading.grade,
      reasons: grading.reasons,
      nextFallOn: grading.nextFallOn ?? null,
    };
  });
}

/** Every shop, by its id: on the list, in its committee, with the rule's grade, reasons and fall date; and nothing else on the list. */
export function compareShopList(expected: ExpectedShop[], actual: ShopView[]): Mismatch[] {
  const out: Mismatch[] = [];
  const byId = new Map(actual.map((s) => [s.id, s]));
  for (const e of expected) {
    const path = `shops[${e.code} ${e.name}]`;
    const a = e.id ? byId.get(e.id) : undefined;
    if (!a) {
      out.push({ path, expected: 'on the register', actual: '(missing)' });
      continue;
    }
    const fields: Array<[string, unknown, unknown]> = [
      ['committeeId', e.committeeId, a.committeeId ?? null],
      ['grade', e.grade, a.grade],
      ['reasons', e.reasons, a.reasons],
      ['nextFallOn', e.nextFallOn, a.nextFallOn ?? null],
    ];
    for (const [field, want, got] of fields) if (JSON.stringify(want) !== JSON.stringify(got)) out.push({ path: `${path}.${field}`, expected: want, actual: got });
  }
  const known = new Set(expected.map((e) => e.id));
  for (const a of actual) if (!known.has(a.id)) out.push({ path: `shops[${a.name}]`, expected: '(no such shop)', actual: a.grade });
  return out;
}
