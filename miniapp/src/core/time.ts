const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO instant as Shanghai wall time, "2026-03-02 14:05" (or "03-02 14:05" with
 * `short`). China keeps no daylight saving, so a fixed +8 h is exact; no date
 * library is installed and this is the only formatting the pages need.
 */
export function formatShanghai(iso: string | undefined, options: { short?: boolean } = {}): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  const day = `${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return options.short ? `${day} ${time}` : `${d.getUTCFullYear()}-${day} ${time}`;
}
