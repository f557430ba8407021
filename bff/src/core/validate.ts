import type { ZodType } from 'zod';
import { AppError } from './app-error';

/** A lone half of a surrogate pair: not text. MongoDB would store it as U+FFFD, so the record would differ from the answer. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string in `value` that is not well-formed UTF-16, if any. */
function malformedTextAt(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return [...path, key];
      const found = malformedTextAt(inner, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Parses input with a shared schema; a mismatch is a 400 naming each bad field. */
export function parseInput<T>(schema: ZodType<T> | undefined, value: unknown, where: 'body' | 'query' | 'params'): T {
  if (!schema) return undefined as T;
  const malformed = malformedTextAt(value);
  if (malformed) {
    throw new AppError('VALIDATION_FAILED', `The request ${where} is not valid`, { in: where, issues: [{ path: malformed.join('.'), message: 'Text contains a broken character (a lone UTF-16 surrogate)' }] });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', `The request ${where} is not valid`, {
    in: where,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  });
}
