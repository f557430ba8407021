import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError } from './app-error';

/**
 * Reads an uploaded CSV into rows keyed by its header (line 1), so a line's
 * number is its index + 2. Unreadable files and files over the limit are 400s.
 */
export function readCsvRows(csv: string, maxLines: number): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(csv, { columns: (header: string[]) => header.map((h) => h.trim()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', `The CSV cannot be read: ${(err as Error).message}`);
  }
  if (rows.length > maxLines) throw new AppError('VALIDATION_FAILED', `At most ${maxLines} lines per import`);
  return rows;
}

/** A cell as a spreadsheet program opens it. */
export type CsvCell = string | number | boolean | Date | null | undefined;

/**
 * What a spreadsheet program reads as a formula when a cell begins with it
 * (CSV injection): `=`, `+`, `-`, `@`, and the tab and carriage return some
 * programs strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that cannot start a formula: text beginning `= + - @` gets a leading `'`; numbers stay numbers. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Shanghai wall-clock time, `2026-11-03 14:05` (Shanghai keeps +08:00 all year). */
export function shanghaiDateTime(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) return String(at);
  const d = new Date(instant.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return shanghaiDateTime(value);
  // A negative number is a number, not a formula: it is written as is.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return neutraliseCell(value);
}

/**
 * The one CSV writer of every export: UTF-8 with a BOM (so spreadsheet
 * programs read the Chinese), every text cell neutralised against formula
 * injection, dates as Shanghai time. Callers give statuses and categories in
 * their Chinese words.
 */
export function writeCsv(rows: CsvCell[][]): string {
  return '\ufeff' + stringify(rows.map((row) => row.map(cellText)));
}
