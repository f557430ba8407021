/** One zod issue, as much of it as wording needs (too_small / too_big carry the limit). */
export interface FieldIssue {
  code: string;
  path: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** A shared body schema, as far as a draft uses it. */
export interface BodySchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly FieldIssue[] } };
}

/** Words for a field that fails: fixed, or built from its issue (e.g. naming the limit it broke). */
export type FieldWording = string | ((issue: FieldIssue) => string);

/**
 * A draft checked with the shared schema of the body it becomes: the words for
 * each listed field that fails (by path, e.g. 'plan.text'), from its first issue.
 * The limits stay in the schema; the draft only words them.
 */
export function fieldWords<K extends string>(schema: BodySchema, body: unknown, wording: Record<K, FieldWording>): Partial<Record<K, string>> {
  const parsed = schema.safeParse(body);
  const words: Partial<Record<K, string>> = {};
  if (parsed.success) return words;
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('.') as K;
    const say = Object.prototype.hasOwnProperty.call(wording, field) ? wording[field] : undefined;
    if (say === undefined || words[field] !== undefined) continue;
    words[field] = typeof say === 'string' ? say : say(issue);
  }
  return words;
}

/** The problems that apply, in the order given (the form's order). */
export const problemList = (...problems: Array<string | false | null | undefined>): string[] =>
  problems.filter((problem): problem is string => !!problem);

/** The limit an issue names, as a number (for words like "最多 30 字"). */
export const limitOf = (issue: FieldIssue): number => Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);

/** Words for a text field: `tooLong(max)` when it is too long, else `missing(min)` (empty or too short). */
export const lengthWording =
  (missing: (min: number) => string, tooLong: (max: number) => string) =>
  (issue: FieldIssue): string =>
    issue.code === 'too_big' ? tooLong(limitOf(issue)) : missing(limitOf(issue));
