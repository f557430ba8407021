import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { startTestApp, type TestApp, type TestResponse } from '../../test/test-app';

/**
 * Every route in /api/openapi.json gets at least 50 malformed requests: wrong
 * types, missing and extra fields, huge strings and arrays, deep nesting, Mongo
 * operators, invalid ids, broken JSON, wrong content types, path traversal.
 * Every answer must be a 4xx in the error shape, and the database must be
 * byte-for-byte what it was.
 */
const NASTY_VALUES: unknown[] = [
  null,
  true,
  -1,
  1e308,
  -1e308,
  0.5,
  '',
  'x'.repeat(100_000),
  [],
  Array(10_000).fill(1),
  {},
  { $gt: '' },
  { $where: 'sleep(1000)' },
  { $ne: null },
];

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Rate-limit counters count every request, malformed ones too (a flood of bad requests must hit the limit): they are not records. */
const COUNTERS = new Set(['ratelimitcounters']);

async function databaseFingerprint(): Promise<Record<string, string>> {
  const db = mongoose.connection.db!;
  const result: Record<string, string> = {};
  for (const { name } of await db.listCollections().toArray()) {
    if (COUNTERS.has(name)) continue;
    const docs = await db.collection(name).find().sort({ _id: 1 }).toArray();
    result[name] = `${docs.length}:${createHash('sha256').update(JSON.stringify(docs)).digest('hex')}`;
  }
  return result;
}

describe('bad input, on every route', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ['resident-1', 'cadre-1', 'handler-1', 'district-1', 'pharmacy-1', 'enterprise-1']) tokens[role.split('-')[0]] = await t.login(role);
  });
  afterAll(() => t.close());

  it('answers at least 50 malformed requests per route with a 4xx in the error shape, and changes nothing', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const before = await databaseFingerprint();
    const failures: string[] = [];
    let sent = 0;

    for (const [template, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(operations)) {
        const roles = op['x-roles'];
        const token = roles === 'public' ? undefined : roles === 'any-user' ? tokens.district : tokens[roles[0]];
        const pathParams: string[] = (op.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name);
        const queryParams: string[] = (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const fields: string[] = Object.keys(bodySchema?.properties ?? {});
        const validId = '0123456789abcdef01234567';
        const path = (value: string) => template.replace(/\{[^}]+\}/g, pathParams.length ? encodeURIComponent(value) : '');
        const basePath = template.replace(/\{[^}]+\}/g, validId);

        const requests: Array<{ path: string; rawBody?: string; headers?: Record<string, string> }> = [];
        // Path parameters that are not ids.
        if (pathParams.length) for (const v of ['not-an-id', '../../etc/passwd', '$gt', 'x'.repeat(5000), '0'.repeat(25), '%00']) requests.push({ path: path(v) });
        // Query strings: unknown keys, operators, arrays, huge values, wrong types.
        const q = (s: string) => `${basePath}?${s}`;
        requests.push({ path: q('unknown=1') }, { path: q('a[$gt]=') }, { path: q(`x=${'y'.repeat(10_000)}`) }, { path: q('$where=1') });
        for (const name of queryParams) for (const v of ['[object Object]', '-1', '1e999', 'x'.repeat(3000), '%7B%22%24gt%22%3A%22%22%7D']) requests.push({ path: q(`${name}=${v}&${name}=again`) });
        if (method === 'post' || method === 'put') {
          const json = (body: unknown) => ({ path: basePath, rawBody: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
          requests.push(
            { path: basePath, rawBody: '{"broken": ', headers: { 'content-type': 'application/json' } },
            { path: basePath, rawBody: '<xml/>', headers: { 'content-type': 'application/xml' } },
            { path: basePath, rawBody: 'just text', headers: { 'content-type': 'text/plain' } },
            json([]),
            json('string'),
            json(42),
            json(deep(2000)),
            json({ ...Object.fromEntries(fields.map((f) => [f, 'x'])), unexpected: true }),
          );
          for (const field of fields.length ? fields : ['anything']) for (const value of NASTY_VALUES) requests.push(json({ [field]: value }));
        } else {
          for (const value of NASTY_VALUES) requests.push({ path: q(`junk=${encodeURIComponent(JSON.stringify(value)).slice(0, 2000)}`) });
        }
        while (requests.length < 50) requests.push({ path: q(`pad${requests.length}=${requests.length}`) });

        for (const r of requests) {
          let response: TestResponse;
          try {
            response = await t.request(method.toUpperCase(), r.path, { token, rawBody: r.rawBody, headers: r.headers });
          } catch (err) {
            failures.push(`${method.toUpperCase()} ${r.path.slice(0, 80)} → no answer: ${(err as Error).message}`);
            continue;
          }
          sent++;
          // Open311 paths answer in Open311's shape: a list of {code, description}, as XML on .xml paths.
          const shaped = template.startsWith('/open311/')
            ? template.endsWith('.xml')
              ? /^<\?xml[^>]*>\s*<errors>\s*<error>\s*<code>4\d\d<\/code>/.test(response.text)
              : Array.isArray(response.body) && response.body.length > 0 && response.body.every((e: any) => e.code === response.status && typeof e.description === 'string')
            : typeof response.body?.error?.code === 'string' && typeof response.body?.error?.message === 'string';
          if (response.status < 400 || response.status >= 500 || !shaped) {
            failures.push(`${method.toUpperCase()} ${r.path.slice(0, 80)} ${r.rawBody?.slice(0, 60) ?? ''} → ${response.status} ${response.text.slice(0, 120)}`);
          }
        }
      }
    }
    const after = await databaseFingerprint();
    process.stdout.write(`bad input: ${sent} malformed requests over ${Object.keys(doc.paths).length} paths, ${failures.length} not answered with a 4xx in the error shape\n`);
    expect(failures).toEqual([]);
    expect(after).toEqual(before);
    // Over 5,000 requests: about 40 s on an idle machine, more when the cores are shared.
  }, 180_000);
});
