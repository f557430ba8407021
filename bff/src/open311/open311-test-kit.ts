import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ZodType } from 'zod';
import { open311ErrorListSchema } from '@sqtb/shared';
import type { TestApp, TestResponse } from '../../test/test-app';

/** What the Open311 tests share: an API key, a form post, and XML read back with a real parser. */
export const CLIENT = 'fixmystreet';
export const API_KEY = 'key-for-open311-tests-1';
export const OPEN311_ENV = { OPEN311_API_KEYS: `${CLIENT}:${API_KEY}` };

export const postForm = (t: TestApp, path: string, fields: Record<string, string>) =>
  t.request('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

/** Elements that are lists in Open311's XML: read as arrays even when one element (or none) is there. */
const LIST_ITEMS = new Set(['service', 'request', 'request_update', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => LIST_ITEMS.has(name) });

/** An XML answer: served as text/xml in UTF-8, well-formed, read into objects (every value as text). */
export function readXml(response: TestResponse): Record<string, any> {
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  expect(response.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const valid = XMLValidator.validate(response.text);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}\n${response.text.slice(0, 500)}`);
  return parser.parse(response.text);
}

/** The items of a list answer (`<root><item>…`), none when the root is empty. */
export function xmlItems(response: TestResponse, root: string, item: string): Array<Record<string, any>> {
  const doc = readXml(response);
  expect(Object.keys(doc)).toEqual([root]);
  return doc[root] === '' ? [] : (doc[root][item] ?? []);
}

/** A JSON answer checked against its shared schema, strictly (no field the schema does not name). */
export function readJson<T>(response: TestResponse, schema: ZodType<T>): T {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) throw new Error(`the answer does not match its schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${response.text.slice(0, 500)}`);
  return parsed.data;
}

/**
 * A JSON value as its XML form reads back: text for numbers and booleans,
 * empty text for null, lists under their item elements (see xml.ts).
 */
export function asXmlText(value: unknown, itemNames: Record<string, string> = {}): unknown {
  if (Array.isArray(value)) return value.map((v) => asXmlText(v, itemNames));
  if (value === null) return '';
  if (typeof value === 'object' && value) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? (v.length ? { [itemNames[k]]: asXmlText(v, itemNames) } : '') : asXmlText(v, itemNames)]),
    );
  }
  return String(value);
}

/** A refusal in Open311's shape, in the format the path names; returns its descriptions. */
export function open311Refusal(response: TestResponse, status: number, format: 'json' | 'xml'): string[] {
  expect(response.status).toBe(status);
  if (format === 'xml') {
    const errors = xmlItems(response, 'errors', 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(errors.map((e) => e.code)).toEqual(errors.map(() => String(status)));
    return errors.map((e) => e.description as string);
  }
  const errors = readJson(response, open311ErrorListSchema);
  expect(errors.map((e) => e.code)).toEqual(errors.map(() => status));
  return errors.map((e) => e.description);
}
