/**
 * A household registration: approved at once when the automatic rules allow
 * (inside the committee's area, an address with no household yet), otherwise
 * reviewed by the committee's cadre (or district staff).
 */
import { defineWorkflow, type Step } from '../core/workflow';

export const REGISTRATION_STATUSES = ['approved', 'pending_review', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type RegistrationEvent = 'approve' | 'reject';
export type RegistrationActor = 'committee-cadre' | 'district';

/** Where a registration starts, by the outcome of the automatic rules. */
export const REGISTRATION_START = { autoApproved: 'approved', needsReview: 'pending_review' } as const satisfies Record<string, RegistrationStatus>;

export const REGISTRATION_WORKFLOW = defineWorkflow<RegistrationStatus, RegistrationEvent, RegistrationActor>({
  name: 'registration',
  statuses: REGISTRATION_STATUSES,
  rules: [
    { event: 'approve', from: 'pending_review', to: 'approved', by: ['committee-cadre', 'district'] },
    { event: 'reject', from: 'pending_review', to: 'rejected', by: ['committee-cadre', 'district'] },
  ],
});

export type RegistrationDecision = Step<RegistrationStatus, RegistrationEvent>;

/** A registration's next status after a review, or why not (see `defineWorkflow`). */
export const registrationTransition = REGISTRATION_WORKFLOW.transition;
