import { CHINA_HOLIDAYS, type HolidayYear } from './holidays';

/**
 * Working-day arithmetic on Shanghai dates (UTC+8 all year, no daylight saving).
 * A limit of n working days ends at the close of the n-th working day after the
 * day a thing started: reported on Friday afternoon with a 1-day limit, it is
 * due by the end of Monday, or later when a holiday intervenes.
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
}

export function createCalendar(years: Record<number, HolidayYear> = CHINA_HOLIDAYS): WorkingCalendar {
  const off = new Set(Object.values(years).flatMap((y) => y.off));
  const work = new Set(Object.values(years).flatMap((y) => y.work));
  return {
    isWorkingDay(date) {
      if (work.has(date)) return true;
      if (off.has(date)) return false;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

export const chinaCalendar = createCalendar();

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a Shanghai calendar date. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + DAY_MS - 1);
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The end of the n-th working day after the day of `start`. */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar = chinaCalendar): Date {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer');
  let date = shanghaiDate(start);
  let counted = 0;
  while (counted < days) {
    date = nextDate(date);
    if (calendar.isWorkingDay(date)) counted += 1;
  }
  return endOfShanghaiDay(date);
}
