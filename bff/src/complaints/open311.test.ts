import { errorCode, startTestApp, type TestApp } from '../../test/test-app';

/** What any Open311 GeoReport v2 client (FixMyStreet and the like) would do. */
describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ OPEN311_API_KEYS: 'fixmystreet:key-for-tests-123' });
  });
  afterAll(() => t.close());

  const postForm = (fields: Record<string, string>) =>
    t.request('POST', '/open311/v2/requests.json', {
      rawBody: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const request = {
    api_key: 'key-for-tests-123',
    service_code: 'sanitation',
    lat: '31.2291',
    long: '121.5231',
    address_string: '潍坊路 400 弄',
    description: '绿化带里堆满建筑垃圾',
    email: 'someone@example.org',
  };

  it('lists the services, one per complaint category', async () => {
    const response = await t.request('GET', '/open311/v2/services.json');
    expect(response.status).toBe(200);
    expect(response.body).toContainEqual(expect.objectContaining({ service_code: 'sanitation', service_name: '环境卫生', metadata: false, type: 'realtime' }));
  });

  it('takes a posted request and reads it back, open, with the expected time and no personal data', async () => {
    const posted = await postForm(request);
    expect(posted.status).toBe(201);
    const [{ service_request_id: id }] = posted.body;
    expect(id).toMatch(/^[0-9a-f]{24}$/);

    const one = await t.request('GET', `/open311/v2/requests/${id}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual([
      expect.objectContaining({
        service_request_id: id,
        status: 'open',
        service_code: 'sanitation',
        description: '绿化带里堆满建筑垃圾',
        lat: 31.2291,
        long: 121.5231,
        expected_datetime: expect.any(String),
      }),
    ]);
    expect(one.text).not.toContain('someone@example.org');

    const list = await t.request('GET', '/open311/v2/requests.json?status=open&service_code=sanitation');
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);

    // The committee sees it in its queue like any other report.
    const cadre = await t.login('cadre-1');
    expect((await t.request('GET', `/api/complaints/${id}`, { token: cadre })).body.status).toBe('submitted');
  });

  it('shows a rejected request as closed with the reason as status notes', async () => {
    const [{ service_request_id: id }] = (await postForm(request)).body;
    const cadre = await t.login('cadre-1');
    await t.request('POST', `/api/complaints/${id}/reject`, { token: cadre, body: { reason: '已由物业处理' } });
    const [read] = (await t.request('GET', `/open311/v2/requests/${id}.json`)).body;
    expect(read).toMatchObject({ status: 'closed', status_notes: '已由物业处理' });
  });

  it('refuses a wrong api_key with 403 and a bad request with 400, creating nothing', async () => {
    const before = (await t.request('GET', '/open311/v2/requests.json')).body.length;
    const wrongKey = await postForm({ ...request, api_key: 'guess' });
    expect(wrongKey.status).toBe(403);
    expect(errorCode(wrongKey)).toBe('FORBIDDEN');
    expect((await postForm({ ...request, service_code: 'unknown' })).status).toBe(400);
    expect((await postForm({ ...request, lat: 'north' })).status).toBe(400);
    expect((await t.request('GET', '/open311/v2/requests.json')).body.length).toBe(before);
    expect((await t.request('GET', '/open311/v2/requests/0123456789abcdef01234567.json')).status).toBe(404);
  });
});
