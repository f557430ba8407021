/** A health-code appeal: open until district staff correct the status or explain it. */
export const APPEAL_STATUSES = ['open', 'corrected', 'explained'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export type AppealOutcome = 'corrected' | 'explained';
export const INITIAL_APPEAL_STATUS: AppealStatus = 'open';

const RULES: ReadonlyArray<{ from: AppealStatus; outcome: AppealOutcome; to: AppealStatus }> = [
  { from: 'open', outcome: 'corrected', to: 'corrected' },
  { from: 'open', outcome: 'explained', to: 'explained' },
];

/** The status after resolving, or undefined when this appeal is already resolved. */
export function resolveAppealTransition(from: AppealStatus, outcome: AppealOutcome): AppealStatus | undefined {
  return RULES.find((r) => r.from === from && r.outcome === outcome)?.to;
}
