import { randomBytes } from 'node:crypto';
import { newObjectIdHex } from './fixture-kit';

/**
 * One-field corruptions of a valid request, for the one-field fuzz
 * (one-field-fuzz.test.ts): the request is data (params, query, headers, a
 * JSON or form body, a CSV text or multipart parts) and each corruption changes
 * exactly one of those fields, or the body's framing as a whole.
 */

export type BodyKind = 'json' | 'form' | 'csv' | 'multipart' | 'none';

export interface Part {
  field: string;
  filename?: string;
  type?: string;
  data: Buffer | string;
}

export interface ValidRequest {
  /** The openid to log in as; none for a public route. */
  as?: string;
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** JSON: any value; form: fields; csv: the text; multipart: the parts. */
  body?: unknown;
  /** Sent as is instead of the body (framing corruptions): bytes and content type (null: no content type). */
  raw?: { data?: string | Buffer; contentType: string | null };
  /** What the builder knows about the record (ids), for the consistency check. */
  note?: Record<string, unknown>;
}

export interface Corruption {
  field: string;
  name: string;
  /** Likely to pass schema validation and reach the handler (ids of other or absent records, odd but valid values). */
  semantic: boolean;
  apply(request: ValidRequest): ValidRequest | Promise<ValidRequest>;
}

/** Corruptions that usually pass validation: the interesting ones for the handler. */
const SEMANTIC = new Set(['absent-id', 'foreign-id', 'uppercase-id', 'far-date', 'old-date', 'padded', 'lowercase', 'zero', 'bad-unicode', 'far-instant']);

type Path = Array<string | number>;
type Foreign = Record<string, () => Promise<string> | string>;

const ID = /^[0-9a-f]{24}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T/;
export const HUGE_STRING = 'x'.repeat(200_000);

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

function walk(value: unknown, path: Path, out: Array<{ path: Path; value: unknown }>): void {
  out.push({ path, value });
  if (Array.isArray(value)) {
    if (value.length) walk(value[0], [...path, 0], out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, [...path, k], out);
  }
}

const named = (field: string, name: string, apply: Corruption['apply']): Corruption => ({
  field,
  name,
  semantic: SEMANTIC.has(name) || field === 'csv' || field === 'file',
  apply,
});

/**
 * The JSON values a field like this one may be corrupted to, by name: each a
 * function of the field's value in the request being corrupted (fresh
 * fixtures differ from the sample the list was made from).
 */
function jsonValueCorruptions(sample: unknown): Array<[string, (value: any) => unknown]> {
  const constant = (v: unknown) => () => v;
  const common: Array<[string, (value: any) => unknown]> = [['null', constant(null)], ['operator', constant({ $gt: '' })]];
  if (typeof sample === 'string') {
    const list: Array<[string, (value: any) => unknown]> = [
      ...common,
      ['wrong-type', constant(12345)],
      ['empty', constant('')],
      ['whitespace', constant('   ')],
      ['huge-string', constant(HUGE_STRING)],
      ['unknown-enum', constant('no-such-value')],
      ['bad-unicode', constant('ab\uD800cd\u0000ef')],
      ['array-instead', (v) => [v]],
      ['padded', (v) => `  ${v}  `],
    ];
    if (/[A-Z]/.test(sample)) list.push(['lowercase', (v) => String(v).toLowerCase()]);
    if (ID.test(sample)) list.push(['malformed-id', constant('not-an-id')], ['short-id', (v) => String(v).slice(0, 23)], ['absent-id', () => newObjectIdHex()], ['uppercase-id', (v) => String(v).toUpperCase()]);
    if (DATE.test(sample)) list.push(['impossible-date', constant('2026-02-30')], ['far-date', constant('9999-12-31')], ['old-date', constant('1900-01-01')]);
    if (INSTANT.test(sample)) list.push(['bad-instant', constant('2026-13-45T25:61:00Z')], ['no-offset', (v) => String(v).replace(/([+-]\d\d:\d\d|Z)$/, '')], ['far-instant', constant('9999-12-31T23:59:59Z')]);
    return list;
  }
  if (typeof sample === 'number') {
    return [...common, ['wrong-type', (v) => String(v)], ['negative', constant(-1)], ['huge-number', constant(1e308)], ['fraction', (v) => v + 0.5], ['zero', constant(0)], ['big-int', constant(2 ** 53 + 1)]];
  }
  if (typeof sample === 'boolean') return [...common, ['wrong-type', (v) => String(v)], ['number-instead', constant(1)]];
  if (Array.isArray(sample)) {
    return [...common, ['wrong-type', constant('not-a-list')], ['empty', constant([])], ['object-instead', constant({})], ['huge-array', (v) => Array(5000).fill(v[0] ?? 'x')], ['wrong-item', constant(['x'])]];
  }
  if (sample && typeof sample === 'object') return [...common, ['wrong-type', constant('not-an-object')], ['empty', constant({})], ['array-instead', (v) => [v]]];
  return common;
}

function getAt(root: unknown, path: Path): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const key of path) node = node?.[key] as Record<string | number, unknown> | undefined;
  return node;
}

/** Every one-field corruption of a request of this kind. */
export function corruptionsOf(kind: BodyKind, request: ValidRequest, foreign: Foreign = {}, method = 'get'): Corruption[] {
  const list: Corruption[] = [];

  for (const key of Object.keys(request.params ?? {})) {
    const field = `params.${key}`;
    const set = (value: string) => (r: ValidRequest) => ({ ...r, params: { ...r.params, [key]: value } });
    list.push(
      named(field, 'missing', set('')),
      named(field, 'malformed-id', set('not-an-id')),
      named(field, 'short-id', (r) => set(r.params![key].slice(0, 23))(r)),
      named(field, 'absent-id', set(newObjectIdHex())),
      named(field, 'uppercase-id', (r) => set(r.params![key].toUpperCase())(r)),
      named(field, 'huge', set('a'.repeat(3000))),
      named(field, 'traversal', set('../../etc/passwd')),
      named(field, 'operator', set('{"$gt":""}')),
    );
    if (foreign[field]) list.push(named(field, 'foreign-id', async (r) => set(await foreign[field]())(r)));
  }

  for (const [key, value] of Object.entries(request.query ?? {})) {
    const field = `query.${key}`;
    const set = (v: string | string[] | undefined) => (r: ValidRequest) => {
      const query = { ...r.query };
      if (v === undefined) delete query[key];
      else query[key] = v;
      return { ...r, query };
    };
    const v = String(value);
    list.push(
      named(field, 'missing', set(undefined)),
      named(field, 'empty', set('')),
      named(field, 'wrong-type', set('abc')),
      named(field, 'negative', set('-1')),
      named(field, 'huge-number', set('1e999')),
      named(field, 'fraction', set('1.5')),
      named(field, 'unknown-enum', set('no-such-value')),
      named(field, 'huge-string', set('q'.repeat(5000))),
      named(field, 'repeated', set([v, v])),
      named(field, 'operator', (r) => ({ ...set(undefined)(r), query: { ...set(undefined)(r).query, [`${key}[$gt]`]: '' } })),
    );
    if (ID.test(v)) list.push(named(field, 'malformed-id', set('not-an-id')), named(field, 'absent-id', set(newObjectIdHex())));
    if (DATE.test(v)) list.push(named(field, 'impossible-date', set('2026-02-30')));
    if (foreign[field]) list.push(named(field, 'foreign-id', async (r) => set(await foreign[field]())(r)));
  }
  if (request.query) list.push(named('query', 'unknown-key', (r) => ({ ...r, query: { ...r.query, unexpected: '1' } })));

  for (const key of Object.keys(request.headers ?? {})) {
    const field = `header.${key}`;
    const set = (v: string | undefined) => (r: ValidRequest) => {
      const headers = { ...r.headers };
      if (v === undefined) delete headers[key];
      else headers[key] = v;
      return { ...r, headers };
    };
    list.push(named(field, 'missing', set(undefined)), named(field, 'empty', set('')), named(field, 'too-long', set('k'.repeat(300))), named(field, 'bad-characters', set('bad key {}')));
  }

  if (kind === 'json') {
    const leaves: Array<{ path: Path; value: unknown }> = [];
    walk(request.body, [], leaves);
    for (const { path, value } of leaves) {
      const field = path.length ? `body.${path.join('.')}` : 'body';
      if (path.length === 0) {
        list.push(
          named(field, 'no-body', (r) => ({ ...r, raw: { contentType: null } })),
          named(field, 'broken-json', (r) => ({ ...r, raw: { data: JSON.stringify(r.body).slice(0, -1), contentType: 'application/json' } })),
          named(field, 'array-body', (r) => ({ ...r, body: [r.body] })),
          named(field, 'text-plain', (r) => ({ ...r, raw: { data: JSON.stringify(r.body), contentType: 'text/plain' } })),
          named(field, 'deep-nesting', (r) => ({ ...r, body: { ...(r.body as object), nested: JSON.parse('{"a":'.repeat(500) + '1' + '}'.repeat(500)) } })),
        );
      } else {
        list.push(named(field, 'missing', (r) => ({ ...r, body: setAt(r.body, path, undefined, true) })));
        for (const [name, replace] of jsonValueCorruptions(value)) list.push(named(field, name, (r) => ({ ...r, body: setAt(r.body, path, replace(getAt(r.body, path))) })));
        if (foreign[field]) list.push(named(field, 'foreign-id', async (r) => ({ ...r, body: setAt(r.body, path, await foreign[field]()) })));
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        list.push(named(field, 'extra-field', (r) => ({ ...r, body: setAt(r.body, [...path, 'unexpected'], true) })));
        if (path.length === 0) {
          list.push(named(field, 'proto-key', (r) => {
            const rest = JSON.stringify(r.body).slice(1);
            return { ...r, raw: { data: `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}${rest === '}' ? '' : ','}${rest}`, contentType: 'application/json' } };
          }));
        }
      }
    }
  }

  if (kind === 'form') {
    for (const key of Object.keys((request.body as Record<string, string>) ?? {})) {
      const field = `body.${key}`;
      const set = (v: string | string[] | undefined) => (r: ValidRequest) => {
        const body = { ...(r.body as Record<string, string | string[]>) };
        if (v === undefined) delete body[key];
        else body[key] = v;
        return { ...r, body };
      };
      list.push(
        named(field, 'missing', set(undefined)),
        named(field, 'empty', set('')),
        named(field, 'wrong-type', set('abc')),
        named(field, 'negative', set('-1')),
        named(field, 'huge-number', set('1e999')),
        named(field, 'unknown-enum', set('no-such-value')),
        named(field, 'huge-string', set('f'.repeat(50_000))),
        named(field, 'repeated', (r) => set([String((r.body as Record<string, string>)[key]), 'again'])(r)),
        named(field, 'bracket-operator', (r) => ({ ...set(undefined)(r), body: { ...(set(undefined)(r).body as object), [`${key}[$gt]`]: '' } })),
      );
    }
    list.push(
      named('body', 'extra-field', (r) => ({ ...r, body: { ...(r.body as object), unexpected: 'x' } })),
      named('body', 'as-json', (r) => ({ ...r, raw: { data: JSON.stringify(r.body), contentType: 'application/json' } })),
      named('body', 'no-body', (r) => ({ ...r, raw: { contentType: null } })),
      named('body', 'text-plain', (r) => ({ ...r, raw: { data: new URLSearchParams(r.body as Record<string, string>).toString(), contentType: 'text/plain' } })),
    );
  }

  if (kind === 'csv') {
    const csvOf = (r: ValidRequest) => String(r.body);
    const setCsv = (make: (csv: string) => string) => (r: ValidRequest) => ({ ...r, body: make(csvOf(r)) });
    const lines = (csv: string) => csv.replace(/\n$/, '').split('\n');
    list.push(
      named('csv', 'bad-row', setCsv((csv) => `${csv.replace(/\n?$/, '\n')}坏行,12345,310115199001010011\n只有一列\n`)),
      named('csv', 'missing-column', setCsv((csv) => lines(csv).map((l) => l.split(',').slice(0, -1).join(',')).join('\n') + '\n')),
      named('csv', 'missing-first-column', setCsv((csv) => lines(csv).map((l) => l.split(',').slice(1).join(',')).join('\n') + '\n')),
      named('csv', 'extra-column', setCsv((csv) => lines(csv).map((l, i) => `${l},${i === 0 ? 'extra' : 'x'}`).join('\n') + '\n')),
      named('csv', 'columns-reordered', setCsv((csv) => lines(csv).map((l) => l.split(',').reverse().join(',')).join('\n') + '\n')),
      named('csv', 'bom', setCsv((csv) => `\uFEFF${csv}`)),
      named('csv', 'crlf', setCsv((csv) => csv.replace(/\n/g, '\r\n'))),
      named('csv', 'header-only', setCsv((csv) => `${lines(csv)[0]}\n`)),
      named('csv', 'no-header', setCsv((csv) => lines(csv).slice(1).join('\n') + '\n')),
      named('csv', 'quoted-fields', setCsv((csv) => lines(csv).map((l, i) => (i === 0 ? l : l.split(',').map((c) => `"${c.replace(/"/g, '""')}"`).join(','))).join('\n') + '\n')),
      named('csv', 'unbalanced-quote', setCsv((csv) => `${csv.replace(/\n?$/, '\n')}"未闭合,13700000009,\n`)),
      named('csv', 'duplicate-rows', setCsv((csv) => `${csv.replace(/\n?$/, '\n')}${lines(csv).slice(1).join('\n')}\n`)),
      named('csv', 'formula', setCsv((csv) => `${lines(csv)[0]}\n${lines(csv).slice(1).map((l) => `=HYPERLINK("http://x")${l.slice(l.indexOf(','))}`).join('\n')}\n`)),
      named('csv', 'blank-lines', setCsv((csv) => `${lines(csv)[0]}\n\n\n${lines(csv).slice(1).join('\n')}\n\n`)),
      named('csv', 'empty', (r) => ({ ...r, body: '' })),
      named('csv', 'binary', (r) => ({ ...r, raw: { data: Buffer.concat([Buffer.from([0, 0xff, 0xfe, 0]), randomBytes(512)]), contentType: 'text/csv' } })),
      named('csv', 'latin1-charset', (r) => ({ ...r, raw: { data: Buffer.from(csvOf(r), 'latin1'), contentType: 'text/csv; charset=latin1' } })),
      named('csv', 'huge-file', (r) => ({ ...r, body: `${lines(csvOf(r))[0]}\n${'9'.repeat(3_000_000)}\n` })),
      named('csv', 'over-schema-limit', (r) => ({ ...r, body: `${lines(csvOf(r))[0]}\n${'9'.repeat(1_000_050)}\n` })),
      named('csv', 'as-json', (r) => ({ ...r, raw: { data: JSON.stringify({ csv: csvOf(r) }), contentType: 'application/json' } })),
      named('csv', 'no-content-type', (r) => ({ ...r, raw: { data: csvOf(r), contentType: null } })),
      named('csv', 'text-plain', (r) => ({ ...r, raw: { data: csvOf(r), contentType: 'text/plain' } })),
    );
  }

  if (kind === 'multipart') {
    const setParts = (make: (parts: Part[]) => Part[]) => (r: ValidRequest) => ({ ...r, body: make(clonedParts(r.body as Part[])) });
    list.push(
      named('file', 'wrong-mime-text', setParts((p) => [{ ...p[0], type: 'text/plain' }])),
      named('file', 'lying-content', setParts((p) => [{ ...p[0], data: '<script>alert(1)</script>' }])),
      named('file', 'gif', setParts((p) => [{ ...p[0], type: 'image/gif', filename: 'x.gif', data: Buffer.from('47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b', 'hex') }])),
      named('file', 'svg', setParts((p) => [{ ...p[0], type: 'image/svg+xml', filename: 'x.svg', data: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>' }])),
      named('file', 'empty-file', setParts((p) => [{ ...p[0], data: Buffer.alloc(0) }])),
      named('file', 'oversize', setParts((p) => [{ ...p[0], data: Buffer.concat([p[0].data as Buffer, Buffer.alloc(2 * 1024 * 1024 + 10)]) }])),
      named('file', 'truncated-png', setParts((p) => [{ ...p[0], data: (p[0].data as Buffer).subarray(0, 12) }])),
      named('file', 'wrong-field', setParts((p) => [{ ...p[0], field: 'photo' }])),
      named('file', 'no-file', setParts(() => [{ field: 'note', data: 'just a text field' }])),
      named('file', 'two-files', setParts((p) => [p[0], { ...p[0], filename: 'second.png' }])),
      named('file', 'traversal-filename', setParts((p) => [{ ...p[0], filename: '../../../etc/passwd.png' }])),
      named('file', 'no-filename', setParts((p) => [{ ...p[0], filename: undefined }])),
      named('file', 'huge-filename', setParts((p) => [{ ...p[0], filename: `${'n'.repeat(5000)}.png` }])),
      named('file', 'many-fields', setParts((p) => [...Array.from({ length: 20 }, (_, i) => ({ field: `f${i}`, data: 'x' })), p[0]])),
      named('framing', 'not-multipart', (r) => ({ ...r, raw: { data: JSON.stringify({ file: 'x' }), contentType: 'application/json' } })),
      named('framing', 'no-boundary', (r) => ({ ...r, raw: { data: multipartBytes(r.body as Part[], 'BOUNDARY'), contentType: 'multipart/form-data' } })),
      named('framing', 'wrong-boundary', (r) => ({ ...r, raw: { data: multipartBytes(r.body as Part[], 'BOUNDARY'), contentType: 'multipart/form-data; boundary=OTHER' } })),
      named('framing', 'truncated-body', (r) => {
        const bytes = multipartBytes(r.body as Part[], 'BOUNDARY');
        return { ...r, raw: { data: bytes.subarray(0, Math.floor(bytes.length / 2)), contentType: 'multipart/form-data; boundary=BOUNDARY' } };
      }),
      named('framing', 'no-body', (r) => ({ ...r, raw: { contentType: 'multipart/form-data; boundary=BOUNDARY' } })),
    );
  }

  // A body where the route takes none.
  if (kind === 'none' && method !== 'get') list.push(named('body', 'unexpected-body', (r) => ({ ...r, raw: { data: JSON.stringify({ unexpected: true }), contentType: 'application/json' } })));
  return list;
}

function clonedParts(parts: Part[]): Part[] {
  return parts.map((p) => ({ ...p }));
}

/** A multipart/form-data body, written out by hand so that corruptions can break it. */
export function multipartBytes(parts: Part[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.field}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
