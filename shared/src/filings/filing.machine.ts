/**
 * Resumption filing review (企业复工备案): the committee's cadre (or district
 * staff) approves, returns for amendment, or rejects; a returned filing comes
 * back when the enterprise amends it.
 */
export const FILING_STATUSES = ['submitted', 'approved', 'returned', 'rejected'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export type FilingEvent = 'approve' | 'return' | 'reject' | 'amend';
export type FilingActor = 'reviewer' | 'owner';

const RULES: ReadonlyArray<{ event: FilingEvent; from: FilingStatus; to: FilingStatus; by: FilingActor }> = [
  { event: 'approve', from: 'submitted', to: 'approved', by: 'reviewer' },
  { event: 'return', from: 'submitted', to: 'returned', by: 'reviewer' },
  { event: 'reject', from: 'submitted', to: 'rejected', by: 'reviewer' },
  { event: 'amend', from: 'returned', to: 'submitted', by: 'owner' },
];

export const INITIAL_FILING_STATUS: FilingStatus = 'submitted';

export type FilingDecision = { ok: true; to: FilingStatus } | { ok: false; refusal: 'FORBIDDEN' | 'CONFLICT' };

export function filingTransition(from: FilingStatus, event: FilingEvent, actors: readonly FilingActor[]): FilingDecision {
  const mayEver = RULES.some((r) => r.event === event && actors.includes(r.by));
  if (!mayEver) return { ok: false, refusal: 'FORBIDDEN' };
  const rule = RULES.find((r) => r.event === event && r.from === from);
  return rule ? { ok: true, to: rule.to } : { ok: false, refusal: 'CONFLICT' };
}

export function availableFilingEvents(status: FilingStatus, actors: readonly FilingActor[]): FilingEvent[] {
  return RULES.filter((r) => r.from === status && actors.includes(r.by)).map((r) => r.event);
}
