import { addWorkingDays, type WorkingCalendar, chinaCalendar } from '../calendar/working-days';
import type { ComplaintStatus } from './complaint.machine';

/**
 * Time limits of a complaint (red-light rules, after FixMyStreet and 12345):
 * accept within 1 working day of the report, dispatch within 1 working day of
 * acceptance, resolve by the category's limit in working days from dispatch.
 */
export const ACCEPT_WITHIN_WORKING_DAYS = 1;
export const DISPATCH_WITHIN_WORKING_DAYS = 1;
/** A resolved matter with no rating closes by itself after this many days. */
export const AUTO_CLOSE_AFTER_DAYS = 7;
/** A closed or rejected matter is archived by itself after this many days. */
export const AUTO_ARCHIVE_AFTER_DAYS = 30;

export const acceptBy = (submittedAt: Date, calendar: WorkingCalendar = chinaCalendar) =>
  addWorkingDays(submittedAt, ACCEPT_WITHIN_WORKING_DAYS, calendar);
export const dispatchBy = (acceptedAt: Date, calendar: WorkingCalendar = chinaCalendar) =>
  addWorkingDays(acceptedAt, DISPATCH_WITHIN_WORKING_DAYS, calendar);
export const resolveBy = (dispatchedAt: Date, limitWorkingDays: number, calendar: WorkingCalendar = chinaCalendar) =>
  addWorkingDays(dispatchedAt, limitWorkingDays, calendar);

export type OverdueReason = 'not-accepted' | 'not-dispatched' | 'not-resolved';

export interface SlaClock {
  status: ComplaintStatus;
  acceptBy?: Date | null;
  dispatchBy?: Date | null;
  deadline?: Date | null;
}

/** The red light: which time limit, if any, has passed for the step the matter waits on. */
export function overdueReason(c: SlaClock, now: Date): OverdueReason | undefined {
  const past = (limit?: Date | null) => !!limit && now.getTime() > limit.getTime();
  if (c.status === 'submitted' && past(c.acceptBy)) return 'not-accepted';
  if (c.status === 'accepted' && past(c.dispatchBy)) return 'not-dispatched';
  if (c.status === 'dispatched' && past(c.deadline)) return 'not-resolved';
  return undefined;
}
