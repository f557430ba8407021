/**
 * Resumption filing review (企业复工备案): the committee's cadre (or district
 * staff) approves, returns for amendment, or rejects; a returned filing comes
 * back when the enterprise amends it. Approval needs every returning employee
 * off red. District staff may revoke an approval (撤销备案): its certificate
 * stops verifying and its place code is refused.
 */
import { defineWorkflow, guard, type Step } from '../core/workflow';

export const FILING_STATUSES = ['submitted', 'approved', 'returned', 'rejected', 'revoked'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];
export type FilingEvent = 'approve' | 'return' | 'reject' | 'amend' | 'revoke';
export type FilingActor = 'reviewer' | 'owner' | 'district';

export interface FilingContext {
  /** How many on the roster have a red health code now, for `approve`. */
  redEmployees?: number;
}

const noRedEmployee = guard<FilingContext>('no returning employee with a red health code', (c) => c.redEmployees === 0);

export const FILING_WORKFLOW = defineWorkflow<FilingStatus, FilingEvent, FilingActor, FilingContext>({
  name: 'filing',
  statuses: FILING_STATUSES,
  rules: [
    { event: 'approve', from: 'submitted', to: 'approved', by: ['reviewer'], guard: noRedEmployee },
    { event: 'return', from: 'submitted', to: 'returned', by: ['reviewer'] },
    { event: 'reject', from: 'submitted', to: 'rejected', by: ['reviewer'] },
    { event: 'amend', from: 'returned', to: 'submitted', by: ['owner'] },
    { event: 'revoke', from: 'approved', to: 'revoked', by: ['district'] },
  ],
});

export const INITIAL_FILING_STATUS: FilingStatus = 'submitted';

export type FilingDecision = Step<FilingStatus, FilingEvent>;

/** A filing's next status, or why not (see `defineWorkflow`). */
export const filingTransition = FILING_WORKFLOW.transition;

/** The steps these actors may take from a status: the buttons a page shows. */
export const availableFilingEvents = FILING_WORKFLOW.available;
