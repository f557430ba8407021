import type { ZodType } from 'zod';
import { AppError } from './app-error';

/** Parses input with a shared schema; a mismatch is a 400 naming each bad field. */
export function parseInput<T>(schema: ZodType<T> | undefined, value: unknown, where: 'body' | 'query' | 'params'): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', `The request ${where} is not valid`, {
    in: where,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  });
}
