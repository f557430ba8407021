import mongoose from 'mongoose';
import { startTestApp, type TestApp, type TestResponse } from '../../test/test-app';
import { API_KEY, OPEN311_ENV, open311Refusal, postForm } from './open311-test-kit';

/** Everything a refusal could have written to, read straight from the collections (rate-limit counters aside: they count refusals by design). */
async function records(): Promise<string> {
  const db = mongoose.connection.db!;
  const names = ['complaints', 'users', 'messages', 'hotspots'];
  const all = await Promise.all(names.map(async (name) => [name, await db.collection(name).find().sort({ _id: 1 }).toArray()]));
  return JSON.stringify(all);
}

/**
 * Each refusal on an Open311 path, in both formats: the status the
 * specification gives, the body as its list of {code, description} (JSON) or
 * `<errors><error>` (XML), and no record changed.
 */
describe('Open311 refusals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(OPEN311_ENV);
  });
  afterAll(() => t.close());

  const report = { api_key: API_KEY, service_code: 'sanitation', lat: '31.2271', long: '121.5186', address_string: '潍坊路 400 弄', description: '绿化带里堆满建筑垃圾' };
  const without = (field: keyof typeof report) => Object.fromEntries(Object.entries(report).filter(([k]) => k !== field));

  type Case = { name: string; status: number; says: RegExp; send: (format: 'json' | 'xml') => Promise<TestResponse> };
  const cases: Case[] = [
    { name: 'a post without api_key', status: 403, says: /api_key is required/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, without('api_key')) },
    { name: 'a post with an unknown api_key', status: 403, says: /Invalid api_key/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, api_key: 'guessed-key-123456' }) },
    // The key is checked before the input is read: a caller without one learns nothing of what a report should hold.
    { name: 'a post with an unknown api_key and a body that is wrong too', status: 403, says: /Invalid api_key/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { api_key: 'guessed-key-123456', lat: 'north', password: 'x' }) },
    { name: 'a post without api_key and without a body', status: 403, says: /api_key is required/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, {}) },
    { name: 'a read with a wrong api_key and a query that is wrong too', status: 403, says: /Invalid api_key/, send: (f) => t.request('GET', `/open311/v2/requests.${f}?api_key=wrong&status=maybe&start_date=yesterday`) },
    { name: 'a post without a location', status: 400, says: /^lat: required: a request needs its location/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...without('lat'), long: '' }) },
    { name: 'a post whose latitude is not a number', status: 400, says: /^lat: decimal degrees/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, lat: 'north' }) },
    { name: 'a post for a service we do not have', status: 400, says: /^service_code: /, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, service_code: 'potholes' }) },
    { name: 'a post missing a required attribute', status: 400, says: /^attribute\[trapped\]: required: 是否有人被困/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, service_code: 'elevator' }) },
    { name: 'a post with an attribute value off the list', status: 400, says: /^attribute\[trapped\]: one of yes, no/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, service_code: 'elevator', 'attribute[trapped]': 'perhaps' }) },
    { name: 'a post for another jurisdiction', status: 400, says: /^jurisdiction_id: .*'pudong'/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, jurisdiction_id: 'camden' }) },
    { name: 'a post whose media_url is not a web address', status: 400, says: /^media_url: /, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, media_url: 'file:///etc/passwd' }) },
    { name: 'a post with a field the specification does not have', status: 400, says: /password/, send: (f) => postForm(t, `/open311/v2/requests.${f}`, { ...report, password: 'x' }) },
    { name: 'a post sent as JSON instead of a form', status: 415, says: /x-www-form-urlencoded/, send: (f) => t.request('POST', `/open311/v2/requests.${f}`, { body: report }) },
    { name: 'a post whose JSON is broken', status: 400, says: /not valid JSON/, send: (f) => t.request('POST', `/open311/v2/requests.${f}`, { rawBody: '{"api_key": ', headers: { 'content-type': 'application/json' } }) },
    { name: 'a service code we do not have', status: 404, says: /No service potholes/, send: (f) => t.request('GET', `/open311/v2/services/potholes.${f}`) },
    { name: 'a request id that does not exist', status: 404, says: /No service request/, send: (f) => t.request('GET', `/open311/v2/requests/0123456789abcdef01234567.${f}`) },
    { name: 'a request id that is not an id', status: 400, says: /^id: /, send: (f) => t.request('GET', `/open311/v2/requests/not-an-id.${f}`) },
    { name: 'a start_date that is not a W3C date-time', status: 400, says: /^start_date: a W3C date-time/, send: (f) => t.request('GET', `/open311/v2/requests.${f}?start_date=yesterday`) },
    { name: 'an end_date before the start_date', status: 400, says: /^end_date: before start_date/, send: (f) => t.request('GET', `/open311/v2/servicerequestupdates.${f}?start_date=2026-03-02T00:00:00Z&end_date=2026-03-01T00:00:00Z`) },
    { name: 'a status that is neither open nor closed', status: 400, says: /^status\.0: /, send: (f) => t.request('GET', `/open311/v2/requests.${f}?status=pending`) },
    { name: 'a read with a wrong api_key', status: 403, says: /Invalid api_key/, send: (f) => t.request('GET', `/open311/v2/servicerequestupdates.${f}?api_key=wrong`) },
    { name: 'a resource that does not exist', status: 404, says: /No route/, send: (f) => t.request('GET', `/open311/v2/tokens/abc.${f}`) },
  ];

  it.each(cases)('refuses $name in the Open311 shape, in both formats, changing nothing', async ({ status, says, send }) => {
    const before = await records();
    for (const format of ['json', 'xml'] as const) {
      const descriptions = open311Refusal(await send(format), status, format);
      expect(descriptions.some((d) => says.test(d))).toBe(true);
    }
    expect(await records()).toEqual(before);
  });

  it('names every field that failed, one error each', async () => {
    const response = await postForm(t, '/open311/v2/requests.json', { ...report, lat: '95', service_code: 'potholes', description: 'x' });
    const descriptions = open311Refusal(response, 400, 'json');
    expect(descriptions.map((d) => d.split(':')[0]).sort()).toEqual(['description', 'lat', 'service_code']);
  });

  it('keeps the product’s own error shape outside /open311', async () => {
    const response = await t.request('GET', '/api/complaints/not-an-id');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
  });

  it('answers a valid post after all those refusals, so the refusals were not a closed door', async () => {
    const response = await postForm(t, '/open311/v2/requests.xml', report);
    expect(response.status).toBe(201);
  });
});
