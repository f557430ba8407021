import { z } from 'zod';

/** Shanghai keeps UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * A W3C date-time (W3C-DTF, ISO 8601) with its offset, in Shanghai time, to
 * the second: `2026-03-04T09:00:00+08:00`. Open311 asks for an offset on every
 * `*_datetime`.
 */
export function w3cDateTime(at: Date): string {
  return `${new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/**
 * `start_date`/`end_date` as a client sends them: a W3C date-time with an
 * offset (`Z` or `±hh:mm`). A `+` left unencoded in a query string arrives as
 * a space (`…T00:00:00 08:00`); it is read as the `+` it was meant to be.
 */
export const w3cDateTimeInputSchema = z
  .string()
  .max(40)
  .transform((text) => text.replace(/ (\d{2}:\d{2})$/, '+$1'))
  .pipe(z.iso.datetime({ offset: true, error: 'a W3C date-time with its offset, such as 2026-03-04T09:00:00+08:00' }));

/** A `*_datetime` in a reply: always with an offset. */
export const w3cDateTimeSchema = z.iso.datetime({ offset: true });
