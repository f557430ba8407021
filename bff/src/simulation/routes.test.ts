import { ManualClock } from '../core/clock';
import { ReferenceVersion } from '../core/reference-version.model';
import { errorCode, startTestApp, type TestApp } from '../../test/test-app';

describe('the simulated clock', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T08:00:00+08:00'));

  beforeAll(async () => {
    t = await startTestApp({ SIMULATED_CLOCK: 'true' }, { clock });
  });
  afterAll(() => t.close());

  it('moves only forward', async () => {
    const forward = await t.request('PUT', '/api/simulation/clock', { body: { now: '2026-03-02T09:00:00+08:00' } });
    expect(forward.body).toEqual({ now: '2026-03-02T01:00:00.000Z' });
    expect(clock.now().toISOString()).toBe('2026-03-02T01:00:00.000Z');
    const back = await t.request('PUT', '/api/simulation/clock', { body: { now: '2026-03-01T09:00:00+08:00' } });
    expect([back.status, errorCode(back)]).toEqual([409, 'CONFLICT']);
    expect((await t.request('GET', '/api/simulation/clock')).body.now).toBe('2026-03-02T01:00:00.000Z');
  });

  it('runs the scheduled jobs at the simulated time: a resolved matter unrated for 7 days closes', async () => {
    const resident = await t.login('resident-1');
    const cadre = await t.login('cadre-1');
    const handler = await t.login('handler-1');
    const unitId = (await t.request('GET', '/api/org', { token: cadre })).body.units.find((u: { code: string }) => u.code === 'city-management').id;
    const filed = await t.request('POST', '/api/complaints', { token: resident, body: { category: 'noise', description: '夜间施工噪声很大', location: { lat: 31.2291, lng: 121.5231 }, address: '某路某号' } });
    const path = `/api/complaints/${filed.body.id}`;
    await t.request('POST', `${path}/accept`, { token: cadre, body: {} });
    await t.request('POST', `${path}/dispatch`, { token: cadre, body: { unitId } });
    expect((await t.request('POST', `${path}/resolve`, { token: handler, body: { note: '已停工' } })).status).toBe(200);

    await t.request('PUT', '/api/simulation/clock', { body: { now: '2026-03-09T10:00:00+08:00' } });
    const ran = await t.request('POST', '/api/simulation/jobs', { body: {} });
    expect(ran.status).toBe(200);
    expect(ran.body.ran.map((r: { job: string }) => r.job)).toContain('complaints.auto-close-unrated');
    expect((await t.request('GET', path, { token: resident })).body.status).toBe('closed');
  });

  it('resets to a freshly seeded district at the time asked, without the demo mask round', async () => {
    const reset = await t.request('POST', '/api/simulation/reset', { body: { now: '2026-02-02T00:00:00+08:00' } });
    expect(reset.body).toEqual({ now: '2026-02-01T16:00:00.000Z' });
    const district = await t.login('district-1');
    const overview = await t.request('GET', '/api/dashboard/overview', { token: district });
    expect(overview.body.complaints.total.received).toBe(0);
    expect(overview.body.masks.round).toBeNull();
    expect(overview.body.health.totals.green + overview.body.health.totals.yellow + overview.body.health.totals.red).toBeGreaterThan(0);
  });

  it('answers with the new world at once after a reset: the org, the pharmacies and a complaint filed just after', async () => {
    const org = async () => (await t.request('GET', '/api/org', { token: await t.login('district-1') })).body;
    const before = await org();
    await t.request('POST', '/api/simulation/reset', { body: { now: '2026-02-03T00:00:00+08:00' } });
    const after = await org();
    // The seed made every record again: new ids, which the BFF must answer with, not the ones it held.
    expect(after.committees.map((c: { code: string }) => c.code)).toEqual(before.committees.map((c: { code: string }) => c.code));
    expect(after.committees.map((c: { id: string }) => c.id)).not.toEqual(before.committees.map((c: { id: string }) => c.id));
    const pharmacies = (await t.request('GET', `/api/pharmacies?lat=31.2291&lng=121.5231`, { token: await t.login('resident-1') })).body.items;
    expect(pharmacies.map((p: { id: string }) => p.id).sort()).toEqual(after.pharmacies.map((p: { id: string }) => p.id).sort());
    const filed = await t.request('POST', '/api/complaints', { token: await t.login('resident-1'), body: { category: 'noise', description: '夜间施工噪声很大', location: { lat: 31.2291, lng: 121.5231 }, address: '某路某号' } });
    expect(filed.status).toBe(201);
    expect(after.committees.map((c: { id: string }) => c.id)).toContain(filed.body.committeeId);
  });

  it('moves every reference version on, so another instance drops what it held from before the reset', async () => {
    // Another instance compares its cached version with the shared document: were it counted again from
    // zero, it could come back to the number that instance holds, and the old world's ids would stay.
    const versions = async () => new Map((await ReferenceVersion.find().lean()).map((v) => [v.name, v.version]));
    const before = await versions();
    expect(before.get('org')).toBeGreaterThanOrEqual(1);
    await t.request('POST', '/api/simulation/reset', { body: { now: '2026-02-04T00:00:00+08:00' } });
    const after = await versions();
    for (const [name, version] of before) expect([name, after.get(name)! > version]).toEqual([name, true]);
  });
});

describe('without SIMULATED_CLOCK', () => {
  it('has no simulation routes at all', async () => {
    const t = await startTestApp();
    try {
      expect((await t.request('PUT', '/api/simulation/clock', { body: { now: '2030-01-01T00:00:00Z' } })).status).toBe(404);
      expect((await t.request('POST', '/api/simulation/reset', { body: { now: '2030-01-01T00:00:00Z' } })).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
