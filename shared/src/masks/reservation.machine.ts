/**
 * A mask reservation (汇处理): approved at once when the rules allow, else
 * reviewed by the cadre; redeemed once at the pharmacy, or expired after the
 * pickup window with its stock returned.
 */
import { defineWorkflow, type Step } from '../core/workflow';

export const RESERVATION_STATUSES = ['pending_review', 'applied', 'approved', 'lost', 'rejected', 'redeemed', 'expired'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export type ReservationEvent = 'approve' | 'reject' | 'redeem' | 'expire' | 'win' | 'lose';
export type ReservationActor = 'committee-cadre' | 'district' | 'the-pharmacy' | 'system';

export const RESERVATION_WORKFLOW = defineWorkflow<ReservationStatus, ReservationEvent, ReservationActor>({
  name: 'reservation',
  statuses: RESERVATION_STATUSES,
  rules: [
    { event: 'approve', from: 'pending_review', to: 'approved', by: ['committee-cadre', 'district'] },
    { event: 'reject', from: 'pending_review', to: 'rejected', by: ['committee-cadre', 'district'] },
    { event: 'redeem', from: 'approved', to: 'redeemed', by: ['the-pharmacy'] },
    { event: 'expire', from: 'approved', to: 'expired', by: ['system'] },
    // Lottery rounds: an application is drawn after the round closes.
    { event: 'win', from: 'applied', to: 'approved', by: ['system'] },
    { event: 'lose', from: 'applied', to: 'lost', by: ['system'] },
  ],
});

export type ReservationDecision = Step<ReservationStatus, ReservationEvent>;

/** A reservation's next status, or why not (see `defineWorkflow`). */
export const reservationTransition = RESERVATION_WORKFLOW.transition;

/** Where a reservation starts, by the outcome of the automatic rules (or a lottery round). */
export const RESERVATION_START = { autoApproved: 'approved', needsReview: 'pending_review', lotteryApplication: 'applied' } as const satisfies Record<string, ReservationStatus>;
