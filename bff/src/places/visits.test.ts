import { DAY_MS, ManualClock } from '../core/clock';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';
import { readCodeState } from '../health-code/code-state';
import { runOnce } from '../jobs/scheduler';
import { placeJobs } from './jobs';
import { PlacesKit, visitsSnapshot } from './places-test-kit';
import { VisitModel } from './visit.model';

/**
 * Scanning in with a place code (一企一码), through HTTP: the gate sees the
 * colour from the stored health code, one visit per person, place and hour,
 * forged and revoked codes refused with nothing written, who sees which
 * visits, and the 28-day retention job.
 */
const T0 = '2026-03-10T09:05:00+08:00';

describe('scanning in at a place', () => {
  let t: TestApp;
  let kit: PlacesKit;
  const clock = new ManualClock(new Date(T0));
  let pharmacy: { id: string; name: string; token: string };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    kit = new PlacesKit(t);
    pharmacy = await kit.place('pharmacy-1');
  });
  afterAll(() => t.close());

  it('lets a green resident in and records the visit with what the gate saw', async () => {
    const scan = await kit.scan('resident-1', pharmacy.token);
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ place: { id: pharmacy.id, name: '雷允上药房（潍坊店）' }, nameMasked: '张*', color: 'green', allowed: true, reasons: [], at: clock.now().toISOString() });
    const stored = await VisitModel.findById(scan.body.visitId).lean();
    expect(stored).toMatchObject({ color: 'green', allowed: true, hour: '2026-03-10T09', nameMasked: '张*' });
  });

  it('gives the same visit for a second scan in the same Shanghai hour, and a new one in the next', async () => {
    const first = await kit.scan('resident-1', pharmacy.token);
    clock.set(new Date('2026-03-10T09:59:00+08:00'));
    const again = await kit.scan('resident-1', pharmacy.token);
    expect(again.body.visitId).toBe(first.body.visitId);
    expect(again.body.at).toBe(new Date(T0).toISOString());
    clock.set(new Date('2026-03-10T10:00:00+08:00'));
    const next = await kit.scan('resident-1', pharmacy.token);
    expect(next.status).toBe(200);
    expect(next.body.visitId).not.toBe(first.body.visitId);
    expect(await VisitModel.countDocuments({ userId: await kit.userId('resident-1') })).toBe(2);
  });

  it('refuses a yellow resident at the gate, in words, but keeps the visit marked refused', async () => {
    expect((await kit.post('resident-2', '/api/health/declarations', { temperature: 38.1, symptoms: [], travel: [], homeObservation: false })).status).toBe(201);
    const scan = await kit.scan('resident-2', pharmacy.token);
    expect(scan.status).toBe(200);
    expect(scan.body).toMatchObject({ color: 'yellow', allowed: false, nameMasked: '李*' });
    expect(scan.body.reasons.join('')).toContain('38.1');
    expect(await VisitModel.findById(scan.body.visitId).lean()).toMatchObject({ color: 'yellow', allowed: false });
  });

  it('refuses a red resident but keeps the visit', async () => {
    expect((await kit.post('district-1', '/api/health/cases', { idNumber: '310115197601230042', status: 'suspected', date: '2026-03-10' })).status).toBe(201);
    const scan = await kit.scan('resident-3', pharmacy.token);
    expect(scan.body).toMatchObject({ color: 'red', allowed: false });
    expect(scan.body.reasons.join('')).toContain('疑似病例');
    expect(await VisitModel.exists({ _id: scan.body.visitId, allowed: false, color: 'red' })).toBeTruthy();
  });

  it('refuses forged codes, a health code and garbage with INVALID_PLACE_CODE, writing nothing', async () => {
    const [header, payload, signature] = pharmacy.token.split('.');
    const flipped = `${header}.${payload}.${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const otherPlace = `${header}.${Buffer.from(JSON.stringify({ ...claims, pid: '0123456789abcdef01234567' })).toString('base64url')}.${signature}`;
    const healthCode = (await kit.get('resident-1', '/api/health-code')).body.token;
    const state = async () => JSON.stringify(await readCodeState(await kit.userId('resident-1')));
    const before = { visits: await visitsSnapshot(), state: await state() };
    for (const forged of [flipped, otherPlace, healthCode, 'abc.def.ghi', `${header}.${payload}.`.concat('x')]) {
      const scan = await kit.scan('resident-1', forged);
      expect([scan.status, errorCode(scan)]).toEqual([400, 'INVALID_PLACE_CODE']);
    }
    // Not even shaped like a code: the schema refuses it first.
    const notACode = await kit.scan('resident-1', 'https://example.com/not-a-place');
    expect([notACode.status, errorCode(notACode)]).toEqual([400, 'VALIDATION_FAILED']);
    expect({ visits: await visitsSnapshot(), state: await state() }).toEqual(before);
  });

  it('refuses the code of a revoked place with nothing written, and the place keeps refusing it', async () => {
    const station = await kit.place('cadre-2');
    expect((await kit.post('district-1', `/api/places/${station.id}/revoke`, { reason: '服务站搬迁，停用旧码' })).status).toBe(200);
    const before = await visitsSnapshot();
    const scan = await kit.scan('resident-1', station.token);
    expect([scan.status, errorCode(scan)]).toEqual([400, 'INVALID_PLACE_CODE']);
    expect(await visitsSnapshot()).toBe(before);
  });

  it('shows the day to the place\'s own manager and to district staff, masked, with counts per hour', async () => {
    const day = await kit.get('pharmacy-1', `/api/places/${pharmacy.id}/visits?date=2026-03-10`);
    expect(day.status).toBe(200);
    expect(day.body.place).toEqual({ id: pharmacy.id, name: pharmacy.name });
    expect(day.body.items.map((i: { nameMasked: string }) => i.nameMasked).sort()).toEqual(['张*', '张*', '李*', '王*']);
    expect(JSON.stringify(day.body)).not.toMatch(/张伟|李娜|王芳/);
    expect(day.body.perHour[9]).toBe(1);
    expect(day.body.perHour[10]).toBe(3);
    expect(day.body.perHour.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(day.body.flagged).toBe(2);
    expect((await kit.get('district-1', `/api/places/${pharmacy.id}/visits?date=2026-03-10`)).body.items).toHaveLength(4);
    expect((await kit.get('pharmacy-1', `/api/places/${pharmacy.id}/visits?date=2026-03-09`)).body.items).toEqual([]);
  });

  it('refuses everyone else: another pharmacy, an enterprise, a cadre, a resident; an unknown place is 404', async () => {
    for (const openid of ['pharmacy-2', 'enterprise-1', 'cadre-1']) {
      const response = await kit.get(openid, `/api/places/${pharmacy.id}/visits`);
      expect([openid, response.status, errorCode(response)]).toEqual([openid, 403, 'FORBIDDEN']);
    }
    for (const openid of ['resident-1', 'handler-1']) expect((await kit.get(openid, `/api/places/${pharmacy.id}/visits`)).status).toBe(403);
    const station = await kit.place('cadre-1');
    expect((await kit.get('cadre-1', `/api/places/${station.id}/visits`)).status).toBe(200);
    const unknown = await kit.get('district-1', '/api/places/0123456789abcdef01234567/visits');
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'NOT_FOUND']);
  });

  it('shows a resident their own visits of the last 14 days only', async () => {
    const mine = await kit.get('resident-1', '/api/me/visits');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.items[0]).toMatchObject({ place: { id: pharmacy.id, name: pharmacy.name }, color: 'green', allowed: true });
    expect(Date.parse(mine.body.items[0].at)).toBeGreaterThan(Date.parse(mine.body.items[1].at));
    expect((await kit.get('resident-2', '/api/me/visits')).body.items).toHaveLength(1);
    expect((await kit.get('pharmacy-1', '/api/me/visits')).status).toBe(403);
    clock.set(new Date('2026-03-23T23:59:00+08:00')); // the 14th Shanghai day counting 03-10
    expect((await kit.get('resident-1', '/api/me/visits')).body.items).toHaveLength(2);
    clock.set(new Date('2026-03-24T00:00:00+08:00'));
    expect((await kit.get('resident-1', '/api/me/visits')).body.items).toEqual([]);
  });

  it('deletes visits older than 28 days under the job lease, and a second run deletes nothing', async () => {
    const retention = placeJobs.find((j) => j.name === 'places.visit-retention')!;
    clock.set(new Date('2026-04-07T09:30:00+08:00')); // 28 days after 03-10 09:30: the 09:05 visit goes, the 10:00 ones stay
    await kit.scan('resident-1', pharmacy.token);
    expect(await runOnce(retention, 'test', clock.now())).toEqual({ ran: true, result: { deleted: 1, decisionsDeleted: 0 } });
    expect(await VisitModel.countDocuments()).toBe(4);
    clock.advance(DAY_MS);
    expect(await runOnce(retention, 'test', clock.now())).toEqual({ ran: true, result: { deleted: 3, decisionsDeleted: 0 } });
    expect(await runOnce(retention, 'test', clock.now())).toEqual({ ran: true, result: { deleted: 0, decisionsDeleted: 0 } });
    expect((await kit.get('resident-1', '/api/me/visits')).body.items).toHaveLength(1);
  });
});
