import { UNNAMED } from './expected/complaints';

/**
 * Compares the expected overview with the BFF's, figure by figure, and says
 * where they differ in words a person can follow: rows by their name, weeks
 * by their Monday. Only `generatedAt` is ignored, and names the contract does
 * not define (what lies outside every committee's area).
 */
export interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
}

const KEYS = ['committeeId', 'streetId', 'pharmacyId', 'id'] as const;
const NAMES = ['committeeName', 'streetName', 'pharmacyName', 'enterpriseName', 'cell'] as const;
const IGNORED = new Set(['generatedAt']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function compareFigures(expected: unknown, actual: unknown, path: string, weeks: string[] = []): Mismatch[] {
  const out: Mismatch[] = [];
  walk(expected, actual, path);
  return out;

  function walk(e: unknown, a: unknown, at: string): void {
    if (e === UNNAMED) return;
    if (typeof e === 'number' && typeof a === 'number') {
      if (Math.abs(e - a) > 1e-9) out.push({ path: at, expected: e, actual: a });
      return;
    }
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) {
        out.push({ path: at, expected: `a list of ${e.length}`, actual: a });
        return;
      }
      walkList(e, a, at);
      return;
    }
    if (isObject(e)) {
      if (!isObject(a)) {
        out.push({ path: at, expected: 'an object', actual: a });
        return;
      }
      for (const key of new Set([...Object.keys(e), ...Object.keys(a)])) {
        if (IGNORED.has(key)) continue;
        if (!(key in e)) out.push({ path: `${at}.${key}`, expected: '(not in the contract)', actual: a[key] });
        else if (!(key in a)) out.push({ path: `${at}.${key}`, expected: e[key], actual: '(missing)' });
        else walk(e[key], a[key], `${at}.${key}`);
      }
      return;
    }
    if (e !== a) out.push({ path: at, expected: e, actual: a });
  }

  function walkList(e: unknown[], a: unknown[], at: string): void {
    const key = isObject(e[0]) ? KEYS.find((k) => k in (e[0] as object)) : undefined;
    if (!key) {
      const weekly = at.endsWith('.weeks') || at.endsWith('.byWeek');
      if (e.length !== a.length) out.push({ path: `${at}.length`, expected: e.length, actual: a.length });
      e.forEach((item, i) => walk(item, a[i], `${at}[${weekly && weeks[i] ? `week ${weeks[i]}` : i}]`));
      return;
    }
    const keyOf = (row: unknown) => String((row as Record<string, unknown>)[key]);
    const label = (row: Record<string, unknown>) => {
      const name = NAMES.map((n) => row[n]).find((v) => typeof v === 'string' && v !== UNNAMED);
      return row[key] === null ? '(outside every committee)' : `${name ?? row[key]}`;
    };
    const actualByKey = new Map(a.map((row) => [keyOf(row), row]));
    for (const row of e as Array<Record<string, unknown>>) {
      const match = actualByKey.get(keyOf(row));
      if (!match) out.push({ path: `${at}[${label(row)}]`, expected: 'this row', actual: '(missing)' });
      else walk(row, match, `${at}[${label(row)}]`);
    }
    const expectedKeys = new Set(e.map(keyOf));
    for (const row of a as Array<Record<string, unknown>>) if (!expectedKeys.has(keyOf(row))) out.push({ path: `${at}[${label(row)}]`, expected: '(no such row)', actual: row });
    const order = (rows: unknown[]) => rows.map(keyOf).filter((k) => expectedKeys.has(k) && actualByKey.has(k));
    if (order(e).join() !== order(a).join()) out.push({ path: `${at} (order)`, expected: e.map((r) => label(r as Record<string, unknown>)), actual: a.map((r) => label(r as Record<string, unknown>)) });
  }
}

export function formatMismatches(mismatches: Mismatch[], limit = 200): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const lines = mismatches.slice(0, limit).map((m) => `  ${m.path}\n      expected ${show(m.expected)}\n      actual   ${show(m.actual)}`);
  if (mismatches.length > limit) lines.push(`  … and ${mismatches.length - limit} more`);
  return lines.join('\n');
}
