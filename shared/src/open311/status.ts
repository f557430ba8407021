import type { ComplaintStatus } from '../complaints/complaint.machine';

/** Open311's own two statuses. */
export const OPEN311_STATUSES = ['open', 'closed'] as const;
export type Open311Status = (typeof OPEN311_STATUSES)[number];

/**
 * mySociety's extended statuses (FixMyStreet reads them, `closed` included),
 * given to a client that asks with `extended_statuses=true`.
 */
export const OPEN311_EXTENDED_STATUSES = ['open', 'investigating', 'in_progress', 'fixed', 'closed'] as const;
export type Open311ExtendedStatus = (typeof OPEN311_EXTENDED_STATUSES)[number];

/**
 * How each of our statuses reads to an Open311 client. A matter the unit has
 * solved is `closed` (`fixed`) from then on: for the client the problem is
 * dealt with, whatever the resident's rating later says (a bad one reopens it
 * as `open`). A rejection is `closed` with its reason as the note.
 */
const STATUS_MAP: Record<Exclude<ComplaintStatus, 'archived'>, { basic: Open311Status; extended: Open311ExtendedStatus }> = {
  submitted: { basic: 'open', extended: 'open' },
  accepted: { basic: 'open', extended: 'investigating' },
  dispatched: { basic: 'open', extended: 'in_progress' },
  resolved: { basic: 'closed', extended: 'fixed' },
  closed: { basic: 'closed', extended: 'fixed' },
  rejected: { basic: 'closed', extended: 'closed' },
};

/**
 * The Open311 status of a complaint in `status`. Archiving files a matter
 * away without changing what became of it, so an archived one reads as what
 * it was before (`before`: `closed` or `rejected`).
 */
export function open311StatusOf(status: ComplaintStatus, options: { extended: boolean; before?: ComplaintStatus }): Open311ExtendedStatus {
  const own = status === 'archived' ? (options.before === 'closed' ? 'closed' : 'rejected') : status;
  const mapped = STATUS_MAP[own];
  return options.extended ? mapped.extended : mapped.basic;
}

/** Our statuses that an Open311 `status` filter (`open`, `closed`) selects. */
export function complaintStatusesFor(status: Open311Status): ComplaintStatus[] {
  const matching = (Object.keys(STATUS_MAP) as Array<keyof typeof STATUS_MAP>).filter((s) => STATUS_MAP[s].basic === status);
  return status === 'closed' ? [...matching, 'archived'] : matching;
}
