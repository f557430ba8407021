import {
  gcj02ToWgs84,
  open311DiscoverySchema,
  open311PostReplySchema,
  open311RequestListSchema,
  open311ServiceDefinitionSchema,
  open311ServiceListSchema,
  wgs84ToGcj02,
} from '@sqtb/shared';
import { ManualClock } from '../core/clock';
import { ComplaintModel } from '../complaints/complaint.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { API_KEY, asXmlText, CLIENT, OPEN311_ENV, postForm, readJson, xmlItems, readXml } from './open311-test-kit';

/** Every GeoReport v2 resource, in both formats, as any Open311 client reads it. */
describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  /** Committee A's centre as stored (GCJ-02), and the GPS point a client would send for it. */
  const A_STORED = { lat: 31.229, lng: 121.523 };
  const A_GPS = gcj02ToWgs84(A_STORED);
  const report = {
    api_key: API_KEY,
    service_code: 'sanitation',
    lat: A_GPS.lat.toFixed(6),
    long: A_GPS.lng.toFixed(6),
    address_string: '潍坊路 400 弄',
    description: '绿化带里堆满建筑垃圾',
    email: 'someone@example.org',
    first_name: 'Jane',
    last_name: 'Citizen',
    phone: '+44 20 7946 0000',
  };
  const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

  beforeAll(async () => {
    t = await startTestApp(OPEN311_ENV, { clock });
  });
  afterAll(() => t.close());

  const post = async (fields: Record<string, string> = {}) => {
    const posted = await postForm(t, '/open311/v2/requests.json', { ...report, ...fields });
    expect(posted.status).toBe(201);
    return readJson(posted, open311PostReplySchema)[0].service_request_id;
  };

  it('describes itself in discovery: the specification, both formats, the changeset, its own address', async () => {
    const json = readJson(await t.request('GET', '/open311/v2/discovery.json'), open311DiscoverySchema);
    expect(json.endpoints).toEqual([
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${t.baseUrl}/open311/v2`, changeset: json.changeset, type: 'test', formats: ['text/xml', 'application/json'] },
    ]);
    expect(json.changeset).toMatch(W3C);
    const xml = readXml(await t.request('GET', '/open311/v2/discovery.xml?jurisdiction_id=pudong'));
    expect(xml).toEqual({ discovery: asXmlText(json, { endpoints: 'endpoint', formats: 'format' }) });
  });

  it('lists the services in both formats, with metadata: true where the definition has attributes', async () => {
    const services = readJson(await t.request('GET', '/open311/v2/services.json'), open311ServiceListSchema);
    expect(services).toContainEqual({ service_code: 'sanitation', service_name: '环境卫生', description: expect.any(String), metadata: false, type: 'realtime', keywords: 'litter,cleaning', group: 'complaint' });
    expect(services.find((s) => s.service_code === 'elevator')!.metadata).toBe(true);
    const xml = xmlItems(await t.request('GET', '/open311/v2/services.xml'), 'services', 'service');
    expect(xml).toEqual(asXmlText(services));
  });

  it('gives each service its definition in both formats: attributes with their values, or none', async () => {
    const elevator = readJson(await t.request('GET', '/open311/v2/services/elevator.json'), open311ServiceDefinitionSchema);
    expect(elevator.attributes[0]).toEqual({
      variable: true,
      code: 'trapped',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: '是否有人被困',
      values: [
        { key: 'yes', name: '是' },
        { key: 'no', name: '否' },
      ],
    });
    const xml = readXml(await t.request('GET', '/open311/v2/services/elevator.xml'));
    expect(xml).toEqual({ service_definition: asXmlText(elevator, { attributes: 'attribute', values: 'value' }) });

    expect(readJson(await t.request('GET', '/open311/v2/services/sanitation.json'), open311ServiceDefinitionSchema)).toEqual({ service_code: 'sanitation', attributes: [] });
    expect(readXml(await t.request('GET', '/open311/v2/services/sanitation.xml'))).toEqual({ service_definition: { service_code: 'sanitation', attributes: '' } });
  });

  it('takes a posted report into the complaint loop: by Open311, from its client, stored in the map datum, sent to the committee of the place', async () => {
    const id = await post({ media_url: 'https://fixmystreet.example/photo/1.jpeg' });
    const stored = (await ComplaintModel.findById(id))!;
    expect(stored.channel).toBe('open311');
    expect(stored.client).toMatchObject({ name: CLIENT, mediaUrl: 'https://fixmystreet.example/photo/1.jpeg' });
    expect(stored.reporterName).toBe(`Open311 · ${CLIENT}`);
    // Stored as GCJ-02: the GPS point the client sent lands on committee A's centre, and A's cadre has it.
    const expected = wgs84ToGcj02({ lat: Number(report.lat), lng: Number(report.long) });
    expect(stored.location!.lat).toBeCloseTo(expected.lat, 9);
    expect(stored.location!.lng).toBeCloseTo(A_STORED.lng, 5);
    const cadre = await t.login('cadre-1');
    const seen = await t.request('GET', `/api/complaints/${id}`, { token: cadre });
    expect(seen.body).toMatchObject({ status: 'submitted', anonymous: true });
  });

  it('reads a request back in both formats: open, in WGS-84 as posted, W3C date-times with offsets, no personal data', async () => {
    const id = await post({ media_url: 'https://fixmystreet.example/photo/2.jpeg' });
    const json = await t.request('GET', `/open311/v2/requests/${id}.json`);
    const [one] = readJson(json, open311RequestListSchema);
    expect(one).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_code: 'sanitation',
      service_name: '环境卫生',
      description: '绿化带里堆满建筑垃圾',
      address: '潍坊路 400 弄',
      lat: Number(report.lat),
      long: Number(report.long),
      media_url: 'https://fixmystreet.example/photo/2.jpeg',
      agency_responsible: null,
    });
    expect([one.requested_datetime, one.updated_datetime, one.expected_datetime]).toEqual([expect.stringMatching(W3C), expect.stringMatching(W3C), expect.stringMatching(W3C)]);
    expect(one.requested_datetime).toBe('2026-03-02T09:00:00+08:00');
    const xmlResponse = await t.request('GET', `/open311/v2/requests/${id}.xml`);
    expect(xmlItems(xmlResponse, 'service_requests', 'request')).toEqual(asXmlText([one]));
    for (const text of [json.text, xmlResponse.text]) for (const personal of ['someone@example.org', 'Jane', 'Citizen', '7946']) expect(text).not.toContain(personal);
  });

  it('answers the answers of a service definition: required ones checked, given ones passed to the committee', async () => {
    const id = await post({ service_code: 'elevator', 'attribute[trapped]': 'yes', 'attribute[elevator_code]': '31101234', 'attribute[report_url]': 'https://fixmystreet.example/report/1' });
    const stored = (await ComplaintModel.findById(id))!;
    expect(stored.description).toBe('绿化带里堆满建筑垃圾\n是否有人被困：是\n电梯注册代码（轿厢内铭牌）：31101234');
  });

  it('filters requests by id (which overrides the rest), service code, status and window, in both formats', async () => {
    clock.set('2026-03-03T09:00:00+08:00');
    const noise = await post({ service_code: 'noise' });
    const rejected = await post({ service_code: 'noise' });
    const cadre = await t.login('cadre-1');
    expect((await t.request('POST', `/api/complaints/${rejected}/reject`, { token: cadre, body: { reason: '已由物业处理' } })).status).toBe(200);
    const ids = async (query: string) => readJson(await t.request('GET', `/open311/v2/requests.json?${query}`), open311RequestListSchema).map((r) => r.service_request_id);

    expect(await ids(`service_request_id=${noise},${rejected}&status=closed&service_code=elevator`)).toEqual(expect.arrayContaining([noise, rejected]));
    expect((await ids('service_code=noise')).sort()).toEqual([noise, rejected].sort());
    expect(await ids('service_code=noise&status=open')).toEqual([noise]);
    expect(await ids('service_code=noise,elevator&status=closed')).toEqual([rejected]);
    expect(await ids('service_code=noise&start_date=2026-03-03T08:00:00%2B08:00&end_date=2026-03-03T10:00:00%2B08:00')).toHaveLength(2);
    // A + left unencoded arrives as a space: read as the + it was.
    expect(await ids('service_code=noise&start_date=2026-03-03T08:00:00+08:00')).toHaveLength(2);
    expect(await ids('service_code=noise&end_date=2026-03-03T00:59:59Z')).toEqual([]);

    const [closed] = readJson(await t.request('GET', `/open311/v2/requests/${rejected}.json`), open311RequestListSchema);
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已由物业处理' });
    const xml = xmlItems(await t.request('GET', '/open311/v2/requests.xml?service_code=noise'), 'service_requests', 'request');
    expect(xml).toEqual(asXmlText(readJson(await t.request('GET', '/open311/v2/requests.json?service_code=noise'), open311RequestListSchema)));
  });

  it('by default lists the last 90 days only, and at most 1,000 requests', async () => {
    clock.set('2026-03-04T09:00:00+08:00');
    const base = (await ComplaintModel.findById(await post({ service_code: 'suggestion' })).lean())!;
    const { _id, ...fields } = base;
    const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * 86_400_000);
    const old = await ComplaintModel.create({ ...fields, createdAt: at(91), updatedAt: at(91), timeline: [{ ...fields.timeline[0], at: at(91) }] });
    const ids = async (query: string) => readJson(await t.request('GET', `/open311/v2/requests.json?${query}`), open311RequestListSchema).map((r) => r.service_request_id);
    expect(await ids('service_code=suggestion')).not.toContain(String(old._id));
    expect(await ids('service_code=suggestion&start_date=2025-11-01T00:00:00Z')).toContain(String(old._id));

    await ComplaintModel.insertMany(Array.from({ length: 1000 }, (_, i) => ({ ...fields, createdAt: at(i / 1000), updatedAt: at(i / 1000), timeline: [{ ...fields.timeline[0], at: at(i / 1000) }] })));
    const all = await ids('service_code=suggestion');
    expect(all).toHaveLength(1000);
    expect(all).not.toContain(String(old._id));
  });

  it('checks jurisdiction_id against ours', async () => {
    expect((await t.request('GET', '/open311/v2/services.json?jurisdiction_id=pudong')).status).toBe(200);
    const other = await t.request('GET', '/open311/v2/services.json?jurisdiction_id=somewhere-else');
    expect(other.status).toBe(400);
    expect(other.body).toEqual([{ code: 400, description: expect.stringContaining("'pudong'") }]);
  });

  it('documents every resource in both formats in the OpenAPI document, refusals in the Open311 shape', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).body;
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/open311/'));
    const resources = ['discovery', 'services', 'services/{service_code}', 'requests', 'requests/{id}', 'servicerequestupdates'];
    expect(paths.sort()).toEqual(resources.flatMap((r) => [`/open311/v2/${r}.json`, `/open311/v2/${r}.xml`]).sort());
    const post = doc.paths['/open311/v2/requests.json'].post;
    expect(Object.keys(post.requestBody.content)).toEqual(['application/x-www-form-urlencoded']);
    expect(post.responses['403'].content['application/json'].schema).toMatchObject({ type: 'array', items: { required: ['code', 'description'] } });
    expect(Object.keys(doc.paths['/open311/v2/requests.xml'].post.responses['403'].content)).toEqual(['text/xml']);
    expect(Object.keys(doc.paths['/open311/v2/services.xml'].get.responses['200'].content)).toEqual(['text/xml']);
  });
});
