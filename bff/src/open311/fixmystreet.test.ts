import { gcj02ToWgs84 } from '@sqtb/shared';
import { HOUR_MS, ManualClock } from '../core/clock';
import { ComplaintModel } from '../complaints/complaint.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { API_KEY, CLIENT, OPEN311_ENV, postForm, readXml, xmlItems } from './open311-test-kit';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff5a9d4a0000000049454e44ae426082', 'hex');

/**
 * The order FixMyStreet's Open311 client follows, in XML throughout: read the
 * services (and the definition of one with metadata), post a report as a
 * form, then poll servicerequestupdates while the committee and the unit work
 * the report in the product, and read the request back.
 */
describe('a FixMyStreet client, from report to closed', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  const A_GPS = gcj02ToWgs84({ lat: 31.229, lng: 121.523 });
  const fms = { api_key: API_KEY, jurisdiction_id: 'pudong' };
  const FMS_DESCRIPTION = 'title:  电梯停在两层之间\n\ndetail: 三号楼东侧电梯从昨晚起停在 5、6 楼之间，门打不开\n\nurl: https://fixmystreet.example/report/4242\n\nSubmitted via FixMyStreet';
  const personal = ['resident@example.org', 'Wang', 'Xiaoming', '13912345678'];

  beforeAll(async () => {
    t = await startTestApp(OPEN311_ENV, { clock });
  });
  afterAll(() => t.close());

  it('gets each step of the loop from servicerequestupdates.xml, ending closed, and requests/{id}.xml agrees', async () => {
    // 1. The services, and the definition of one that says it has metadata.
    const services = xmlItems(await t.request('GET', '/open311/v2/services.xml?jurisdiction_id=pudong'), 'services', 'service');
    const elevator = services.find((s) => s.service_code === 'elevator')!;
    expect(elevator).toMatchObject({ service_name: '电梯故障', metadata: 'true', type: 'realtime' });
    const definition = readXml(await t.request('GET', '/open311/v2/services/elevator.xml?jurisdiction_id=pudong')).service_definition;
    const trapped = definition.attributes.attribute.find((a: { code: string }) => a.code === 'trapped');
    expect(trapped).toMatchObject({ required: 'true', datatype: 'singlevaluelist', values: { value: [{ key: 'yes', name: '是' }, { key: 'no', name: '否' }] } });

    // 2. The report, posted as a form to requests.xml with everything FixMyStreet sends.
    const posted = await postForm(t, '/open311/v2/requests.xml', {
      ...fms,
      service_code: 'elevator',
      lat: A_GPS.lat.toFixed(6),
      long: A_GPS.lng.toFixed(6),
      description: FMS_DESCRIPTION,
      email: 'resident@example.org',
      first_name: 'Wang',
      last_name: 'Xiaoming',
      phone: '13912345678',
      media_url: 'https://fixmystreet.example/photo/4242.0.full.jpeg',
      'attribute[trapped]': 'no',
      'attribute[report_url]': 'https://fixmystreet.example/report/4242',
      'attribute[title]': '电梯停在两层之间',
    });
    expect(posted.status).toBe(201);
    const [accepted] = xmlItems(posted, 'service_requests', 'request');
    expect(accepted).toEqual({ service_request_id: expect.stringMatching(/^[0-9a-f]{24}$/), service_notice: expect.any(String), account_id: '' });
    const id: string = accepted.service_request_id;
    expect((await ComplaintModel.findById(id))!.channel).toBe('open311');

    // 3. The committee and the unit work it through the product's own API, an hour apart.
    const cadre = await t.login('cadre-1');
    const handler = await t.login('handler-1');
    const org = (await t.request('GET', '/api/org', { token: cadre })).body;
    const unit = org.units.find((u: { code: string }) => u.code === 'city-management');
    clock.advance(HOUR_MS);
    expect((await t.request('POST', `/api/complaints/${id}/accept`, { token: cadre, body: { note: '已电话联系物业 王经理 13800001111' } })).status).toBe(200);
    clock.advance(HOUR_MS);
    expect((await t.request('POST', `/api/complaints/${id}/dispatch`, { token: cadre, body: { unitId: unit.id, note: '请带维保单位到场' } })).status).toBe(200);
    clock.advance(HOUR_MS);
    const photo = new FormData();
    photo.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'fixed.png');
    const uploaded = await fetch(`${t.baseUrl}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${handler}` }, body: photo });
    expect(uploaded.status).toBe(201);
    const photoId = ((await uploaded.json()) as { id: string }).id;
    expect((await t.request('POST', `/api/complaints/${id}/resolve`, { token: handler, body: { note: '维保单位已修复，电梯恢复运行', photoIds: [photoId] } })).status).toBe(200);

    // 4. The updates, as FixMyStreet polls them: each step, the last one closed.
    const window = `start_date=${encodeURIComponent('2026-03-02T08:00:00+08:00')}&end_date=${encodeURIComponent('2026-03-02T13:00:00+08:00')}`;
    const updatesResponse = await t.request('GET', `/open311/v2/servicerequestupdates.xml?${window}&api_key=${API_KEY}&jurisdiction_id=pudong`);
    const updates = xmlItems(updatesResponse, 'service_requests_updates', 'request_update').filter((u) => u.service_request_id === id);
    expect(updates.map((u) => [u.status, u.description, u.updated_datetime])).toEqual([
      ['open', '已收到，等待居委受理', '2026-03-02T09:00:00+08:00'],
      ['open', '居委已受理', '2026-03-02T10:00:00+08:00'],
      ['open', '已派至潍坊城管执法中队处置', '2026-03-02T11:00:00+08:00'],
      ['closed', '已办结：维保单位已修复，电梯恢复运行', '2026-03-02T12:00:00+08:00'],
    ]);
    expect(new Set(updates.map((u) => u.update_id)).size).toBe(4);
    for (const u of updates.slice(0, 3)) expect(Object.keys(u).sort()).toEqual(['description', 'service_request_id', 'status', 'update_id', 'updated_datetime']);
    // The unit's photo of the repair comes with the update that closed it, and its link works.
    const media = await fetch(updates[3].media_url);
    expect(media.status).toBe(200);
    expect(Buffer.from(await media.arrayBuffer()).equals(PNG)).toBe(true);
    // Nobody is named: not the resident FixMyStreet sent, not the staff, not what staff noted inside.
    for (const text of [...personal, '王经理', '13800001111', '维保单位到场', '赵队员']) expect(updatesResponse.text).not.toContain(text);

    // With extended statuses, the same steps in FixMyStreet's finer words.
    const extended = xmlItems(await t.request('GET', `/open311/v2/servicerequestupdates.xml?${window}&extended_statuses=true`), 'service_requests_updates', 'request_update');
    expect(extended.filter((u) => u.service_request_id === id).map((u) => u.status)).toEqual(['open', 'investigating', 'in_progress', 'fixed']);

    // Polling again gives the same ids; a window after the dispatch gives only the last step.
    const again = xmlItems(await t.request('GET', `/open311/v2/servicerequestupdates.xml?${window}`), 'service_requests_updates', 'request_update');
    expect(again.map((u) => u.update_id)).toEqual(xmlItems(updatesResponse, 'service_requests_updates', 'request_update').map((u) => u.update_id));
    const later = xmlItems(await t.request('GET', `/open311/v2/servicerequestupdates.xml?start_date=${encodeURIComponent('2026-03-02T11:30:00+08:00')}&end_date=${encodeURIComponent('2026-03-02T13:00:00+08:00')}`), 'service_requests_updates', 'request_update');
    expect(later.map((u) => u.update_id)).toEqual([updates[3].update_id]);

    // 5. The request agrees with the last update.
    const [request] = xmlItems(await t.request('GET', `/open311/v2/requests/${id}.xml?jurisdiction_id=pudong`), 'service_requests', 'request');
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'closed',
      status_notes: '维保单位已修复，电梯恢复运行',
      agency_responsible: '潍坊城管执法中队',
      updated_datetime: updates[3].updated_datetime,
      requested_datetime: updates[0].updated_datetime,
      lat: A_GPS.lat.toFixed(6).replace(/0+$/, ''),
      long: A_GPS.lng.toFixed(6).replace(/0+$/, ''),
      media_url: 'https://fixmystreet.example/photo/4242.0.full.jpeg',
    });
    expect(request.description).toBe(`${FMS_DESCRIPTION}\n是否有人被困：否`);
    const requestText = (await t.request('GET', `/open311/v2/requests/${id}.xml`)).text;
    for (const text of personal) expect(requestText).not.toContain(text);
    expect((await ComplaintModel.findById(id))!.client?.name).toBe(CLIENT);
  });
});
