/**
 * A household registration: approved at once when the automatic rules allow
 * (inside the committee's area, an address with no household yet), otherwise
 * reviewed by the committee's cadre.
 */
export const REGISTRATION_STATUSES = ['approved', 'pending_review', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Where a registration starts, by the outcome of the automatic rules. */
export const REGISTRATION_START = { autoApproved: 'approved', needsReview: 'pending_review' } as const satisfies Record<string, RegistrationStatus>;

const RULES: ReadonlyArray<{ decision: 'approve' | 'reject'; from: RegistrationStatus; to: RegistrationStatus }> = [
  { decision: 'approve', from: 'pending_review', to: 'approved' },
  { decision: 'reject', from: 'pending_review', to: 'rejected' },
];

/** The status after a cadre's decision, or undefined when the registration is not under review. */
export function registrationTransition(from: RegistrationStatus, decision: 'approve' | 'reject'): RegistrationStatus | undefined {
  return RULES.find((r) => r.from === from && r.decision === decision)?.to;
}
