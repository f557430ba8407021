import { ObjectId } from 'bson';

/** Index keys as CongoDB's storage and its index commands compare them (congo-unique-storage.ts). */

/** The value a document has for one index key path; missing reads as null, as in MongoDB. */
export function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined ? null : current;
}

/** Index values as a comparable string; ObjectIds and Dates stay apart from strings that look like them. */
export function keyString(values: unknown[]): string {
  // The replacer sees values after toJSON; the holder still has the originals.
  return JSON.stringify(values, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    if (raw instanceof ObjectId) return { $oid: raw.toHexString() };
    if (raw instanceof Date) return { $date: raw.getTime() };
    return value;
  });
}
