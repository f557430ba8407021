import { addDays } from '../calendar/dates';
import { shanghaiDate } from '../calendar/working-days';
import { OVERVIEW_VISIT_DAYS, OVERVIEW_WEEKS } from './overview.schema';

export const WEEK_MS = 7 * 86_400_000;

/** The instant a Shanghai calendar date begins (Shanghai keeps +08:00 all year). */
export const startOfShanghaiDate = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** The Monday (a Shanghai date) of the Shanghai week holding `instant`: the week a complaint received then belongs to. */
export function shanghaiWeekOf(instant: Date): string {
  const day = shanghaiDate(instant);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return addDays(day, -weekday);
}

/** The Mondays (Shanghai dates) of the overview's weeks, oldest first, the last being the week of `now`. */
export function overviewWeekStarts(now: Date): string[] {
  const thisMonday = shanghaiWeekOf(now);
  return Array.from({ length: OVERVIEW_WEEKS }, (_, i) => addDays(thisMonday, (i - (OVERVIEW_WEEKS - 1)) * 7));
}

/** The Shanghai dates whose visits the overview counts, oldest first, the last being the date of `now`. */
export function overviewVisitDays(now: Date): string[] {
  const today = shanghaiDate(now);
  return Array.from({ length: OVERVIEW_VISIT_DAYS }, (_, i) => addDays(today, i - (OVERVIEW_VISIT_DAYS - 1)));
}
