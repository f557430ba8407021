/**
 * The arithmetic of the charts, apart from their markup so it can be tested
 * alone: sizes are CSS percentages of the largest value shown.
 */

/** `value` as a CSS percentage of `max` (0–100%, whole or one decimal); 0% when there is nothing to scale by. */
export function share(value: number | null | undefined, max: number): string {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0 || !(max > 0)) return '0%';
  const pct = Math.min(100, (value / max) * 100);
  return `${Math.round(pct * 10) / 10}%`;
}

/** The largest finite value (0 for none), the 100% of a chart. */
export const largest = (values: Array<number | null | undefined>): number =>
  values.reduce<number>((max, v) => (typeof v === 'number' && Number.isFinite(v) && v > max ? v : max), 0);

/** The colours a series may take (each has a `chart__fill--<tone>` class). */
export type Tone = 'blue' | 'cyan' | 'green' | 'yellow' | 'orange' | 'red' | 'grey';

export interface Series {
  name: string;
  tone: Tone;
}

/** A count as text; "—" for nothing to measure (null). */
export const plain = (value: number | null): string => (value === null ? '—' : String(value));

/**
 * What a chart shows, in one sentence a screen reader (or a test) can read:
 * "title：label name value、name value；label …".
 */
export function summarize(title: string, series: readonly Series[], rows: ReadonlyArray<{ label: string; values: ReadonlyArray<number | null> }>, format: (value: number | null) => string = plain): string {
  if (rows.length === 0) return `${title}：暂无数据`;
  const parts = rows.map((row) => `${row.label} ${series.map((s, i) => `${s.name} ${format(row.values[i] ?? null)}`).join('、')}`);
  return `${title}：${parts.join('；')}`;
}

/** A 0–1 rate as a percentage with at most one decimal ("87.5%", "90%"); "—" for null. */
export function percentText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}
