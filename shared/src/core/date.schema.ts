import { z } from 'zod';
import { isCalendarDate } from '../calendar/dates';

/** A calendar date as 'YYYY-MM-DD' that exists; every schema that takes a date uses this one. */
export const calendarDateSchema = z.string().refine(isCalendarDate, 'a date such as 2026-03-01');
