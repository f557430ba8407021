/**
 * A mask reservation (汇处理): approved at once when the rules allow, else
 * reviewed by the cadre; redeemed once at the pharmacy, or expired after the
 * pickup window with its stock returned.
 */
export const RESERVATION_STATUSES = ['pending_review', 'applied', 'approved', 'lost', 'rejected', 'redeemed', 'expired'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export type ReservationEvent = 'approve' | 'reject' | 'redeem' | 'expire' | 'win' | 'lose';
export type ReservationActor = 'committee-cadre' | 'district' | 'the-pharmacy' | 'system';

const RULES: ReadonlyArray<{ event: ReservationEvent; from: ReservationStatus; to: ReservationStatus; by: readonly ReservationActor[] }> = [
  { event: 'approve', from: 'pending_review', to: 'approved', by: ['committee-cadre', 'district'] },
  { event: 'reject', from: 'pending_review', to: 'rejected', by: ['committee-cadre', 'district'] },
  { event: 'redeem', from: 'approved', to: 'redeemed', by: ['the-pharmacy'] },
  { event: 'expire', from: 'approved', to: 'expired', by: ['system'] },
  // Lottery rounds: an application is drawn after the round closes.
  { event: 'win', from: 'applied', to: 'approved', by: ['system'] },
  { event: 'lose', from: 'applied', to: 'lost', by: ['system'] },
];

export type ReservationDecision = { ok: true; to: ReservationStatus } | { ok: false; refusal: 'FORBIDDEN' | 'CONFLICT' };

export function reservationTransition(from: ReservationStatus, event: ReservationEvent, actors: readonly ReservationActor[]): ReservationDecision {
  const rule = RULES.find((r) => r.event === event && r.from === from);
  const mayEver = RULES.some((r) => r.event === event && r.by.some((b) => actors.includes(b)));
  if (!mayEver) return { ok: false, refusal: 'FORBIDDEN' };
  if (!rule) return { ok: false, refusal: 'CONFLICT' };
  return rule.by.some((b) => actors.includes(b)) ? { ok: true, to: rule.to } : { ok: false, refusal: 'FORBIDDEN' };
}

/** Where a reservation starts, by the outcome of the automatic rules (or a lottery round). */
export const RESERVATION_START = { autoApproved: 'approved', needsReview: 'pending_review', lotteryApplication: 'applied' } as const satisfies Record<string, ReservationStatus>;
