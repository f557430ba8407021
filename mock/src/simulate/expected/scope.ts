import type { Ledger } from '../ledger';
import { byName } from './stats';

/**
 * Whose overview is being computed: the whole district (district staff) or
 * one committee (its cadre). Rows come in the contract's order: committees
 * and streets by name, and at district level a last row for what lies
 * outside every committee's area.
 */
export type ExpectedScope = { level: 'district' } | { level: 'committee'; committee: string };

export interface ScopeView {
  scope: ExpectedScope;
  /** Committee codes in scope, by name. */
  committees: string[];
  /** Street codes in scope, by name. */
  streets: string[];
  includesOutside: boolean;
  /** Whether a record of this committee (null: none) is in scope. */
  has(committee: string | null | undefined): boolean;
}

export function viewOf(ledger: Ledger, scope: ExpectedScope): ScopeView {
  const { org } = ledger;
  const committeeRows = Object.entries(org.committees)
    .map(([code, c]) => ({ code, id: c.id, name: c.name, street: c.streetCode }))
    .filter((c) => scope.level === 'district' || c.code === scope.committee)
    .sort(byName);
  const streetCodes = new Set(committeeRows.map((c) => c.street));
  const streets = Object.entries(org.streets)
    .map(([code, s]) => ({ code, id: s.id, name: s.name }))
    .filter((s) => scope.level === 'district' || streetCodes.has(s.code))
    .sort(byName);
  const committees = committeeRows.map((c) => c.code);
  const includesOutside = scope.level === 'district';
  return {
    scope,
    committees,
    streets: streets.map((s) => s.code),
    includesOutside,
    has: (committee) => (committee ? committees.includes(committee) : includesOutside),
  };
}
