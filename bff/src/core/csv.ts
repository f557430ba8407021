import { parse } from 'csv-parse/sync';
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
