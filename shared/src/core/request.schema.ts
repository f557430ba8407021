import { z } from 'zod';
import { objectIdSchema } from './ids';

/** `/:id` of a route on one record. */
export const idParamsSchema = z.object({ id: objectIdSchema }).strict();

/** A body or a query string that takes no fields: anything sent is refused, not ignored. */
export const noFieldsSchema = z.object({}).strict();

/** A CSV upload sent as text/csv, up to `maxChars` characters. */
export const csvBodySchema = (maxChars: number) => z.string().min(1, 'the CSV is empty').max(maxChars);

/**
 * One line of a CSV import's report (line 1 is the header): applied, or refused
 * with the check's message; a person's ID number comes back masked.
 */
export const csvImportLineSchema = z.object({ line: z.number(), applied: z.boolean(), idMasked: z.string().optional(), error: z.string().optional() });
export type CsvImportLine = z.infer<typeof csvImportLineSchema>;
