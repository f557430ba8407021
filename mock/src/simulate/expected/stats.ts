/**
 * Rounding and medians exactly as the overview contract words them: rates to
 * 4 places, hours and days to 2, the median of an even count the mean of the
 * two middle values, null when there is nothing to count.
 */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/** Rows by name as the contract orders them (Chinese collation), ties by id. */
export const byName = <T extends { name: string; id?: string | null }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh') || String(a.id).localeCompare(String(b.id));
