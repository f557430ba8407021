import { addDays, shanghaiDate } from '@sqtb/shared';

/**
 * Simulated instants as the planner uses them: Shanghai wall-clock times on
 * the month's days. Shanghai keeps +08:00 all year, so plain arithmetic holds.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Jobs run once a day at this Shanghai hour, before anyone is up. */
export const JOBS_HOUR = 3;
/** The month ends on its last day at this hour: the overview is read then. */
export const END_HOUR = 21;
/** People act between these Shanghai hours. */
export const DAY_STARTS = 7;
export const DAY_ENDS = 20.75;

export const at = (date: string, hour: number): Date => new Date(Date.parse(`${date}T00:00:00+08:00`) + Math.round(hour * HOUR_MS));
export const dayOf = (start: string, day: number): string => addDays(start, day);
export const shanghaiHour = (t: Date): number => ((t.getTime() + 8 * HOUR_MS) % DAY_MS) / HOUR_MS;
export const plusHours = (t: Date, hours: number): Date => new Date(t.getTime() + Math.round(hours * HOUR_MS));

/** The last instant of the month: the end day at END_HOUR. */
export const endOfMonth = (start: string, days: number): Date => at(dayOf(start, days - 1), END_HOUR);

/**
 * Moves an instant into waking hours: staff and residents do not act at 3 a.m.
 * `offsetHours` says how far into the morning a pushed event lands.
 */
export function awake(t: Date, offsetHours: number): Date {
  const hour = shanghaiHour(t);
  const date = shanghaiDate(t);
  if (hour < DAY_STARTS) return at(date, DAY_STARTS + offsetHours);
  if (hour >= DAY_ENDS) return at(addDays(date, 1), DAY_STARTS + offsetHours);
  return t;
}

/** Seconds are never 0 for people's events, so no event ever ties with a whole-minute one (urges, jobs). */
export function withSeconds(t: Date, second: number): Date {
  const base = Math.floor(t.getTime() / MINUTE_MS) * MINUTE_MS;
  return new Date(base + (1 + (second % 59)) * 1000);
}
