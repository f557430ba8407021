/**
 * A health-code appeal: open until district staff correct the status or
 * explain it. A correction is two writes (the appeal, then the medical record);
 * should the second fail, the system reopens the appeal rather than leave it
 * corrected without its correction.
 */
import { defineWorkflow, guard, type Step } from '../core/workflow';

export const APPEAL_STATUSES = ['open', 'corrected', 'explained'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
/** How staff resolve an appeal: the status it ends in. */
export type AppealOutcome = 'corrected' | 'explained';
export type AppealEvent = 'correct' | 'explain' | 'reopen';
export type AppealActor = 'district' | 'system';
export const INITIAL_APPEAL_STATUS: AppealStatus = 'open';

export interface AppealContext {
  /** Whether the medical record a correction carries was written, for `reopen`. */
  correctionRecorded?: boolean;
}

const correctionLost = guard<AppealContext>('its correction could not be recorded', (c) => c.correctionRecorded === false);

export const APPEAL_WORKFLOW = defineWorkflow<AppealStatus, AppealEvent, AppealActor, AppealContext>({
  name: 'appeal',
  statuses: APPEAL_STATUSES,
  rules: [
    { event: 'correct', from: 'open', to: 'corrected', by: ['district'] },
    { event: 'explain', from: 'open', to: 'explained', by: ['district'] },
    // The compensation: never a person's step.
    { event: 'reopen', from: 'corrected', to: 'open', by: ['system'], guard: correctionLost },
  ],
});

/** The event that resolves an appeal with this outcome. */
export const APPEAL_RESOLUTION_EVENT = { corrected: 'correct', explained: 'explain' } as const satisfies Record<AppealOutcome, AppealEvent>;

export type AppealDecision = Step<AppealStatus, AppealEvent>;

/** An appeal's next status, or why not (see `defineWorkflow`). */
export const appealTransition = APPEAL_WORKFLOW.transition;
