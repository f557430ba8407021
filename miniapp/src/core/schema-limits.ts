/**
 * Limits read from a shared schema, for what a form shows before anything is
 * checked (a field's `maxlength`). Strings and numbers expose theirs in zod
 * (`minLength`, `maxLength`, `minValue`, `maxValue`). A list's limit ("最多
 * 2000 人") is a named constant in shared (e.g. `ROSTER_MAX_ROWS`), used by its
 * schema and by the form alike.
 */

/** The longest a string schema allows (an input's `maxlength`). */
export const maxLength = (schema: { maxLength: number | null }): number => schema.maxLength ?? Number.MAX_SAFE_INTEGER;

/** How many digits the largest whole number a number schema allows has (a number input's `maxlength`). */
export const maxDigits = (schema: { maxValue: number | null }): number =>
  schema.maxValue === null || !Number.isFinite(schema.maxValue) ? 16 : String(Math.floor(schema.maxValue)).length;
