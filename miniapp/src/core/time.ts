const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO instant (or epoch milliseconds) as Shanghai wall time, "2026-03-02 14:05"
 * (or "03-02 14:05" with `short`, "… 14:05:09" with `seconds`). China keeps no
 * daylight saving, so a fixed +8 h is exact; no date library is installed and this
 * is the only formatting the pages need.
 */
export function formatShanghai(at: string | number | undefined, options: { short?: boolean; seconds?: boolean } = {}): string {
  if (at === undefined || at === '') return '';
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const day = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${options.seconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
  return options.short ? `${day} ${time}` : `${d.getUTCFullYear()}-${day} ${time}`;
}

/** A calendar date 'YYYY-MM-DD' in words, "3 月 24 日". */
export function monthDayWords(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return month && day ? `${month} 月 ${day} 日` : date;
}
