/**
 * MongoDB's duplicate-key error (E11000): a unique index refused the write.
 * With a field, only when that field's index refused it (the driver names the
 * index in `keyPattern`, or in the message on older servers).
 */
export function isDuplicateKey(err: unknown, field?: string): boolean {
  const e = err as { code?: number; keyPattern?: Record<string, unknown>; message?: string } | null;
  if (e?.code !== 11000) return false;
  if (!field) return true;
  if (e.keyPattern) return field in e.keyPattern;
  return String(e.message).includes(`index: ${field}_`);
}
