import { cellOf } from '@sqtb/shared';
import { DAY_MS, ManualClock } from '../core/clock';
import { startTestApp, type TestApp } from '../../test/test-app';
import { refreshHotspots } from './jobs';
import { HotspotModel } from './hotspot.model';

/** A block in committee A; points 22 m apart fall in one ~220 m grid cell. */
const spot = (i: number) => ({ lat: 31.2271 + i * 0.0002, lng: 121.5211 });
const elsewhere = (i: number) => ({ lat: 31.2301 + i * 0.0002, lng: 121.5251 });

describe('hotspots (乱点)', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+08:00'));
  let resident: string;
  let cadre: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    resident = await t.login('resident-1');
    cadre = await t.login('cadre-1');
  });
  afterAll(() => t.close());

  const file = (location: { lat: number; lng: number }, category = 'noise') =>
    t.request('POST', '/api/complaints', { token: resident, body: { category, description: '夜间施工噪声扰民', location, address: '潍坊路 300 弄' } });
  const openIn = (location: { lat: number; lng: number }) => HotspotModel.countDocuments({ openCell: cellOf(location) });

  it('opens one hotspot when 3 complaints fall in one cell within 30 days, however many instances run', async () => {
    await file(spot(0));
    clock.advance(10 * DAY_MS);
    await file(spot(1));
    expect((await refreshHotspots(clock.now())).opened).toBe(0);
    clock.advance(10 * DAY_MS);
    await file(spot(2), 'street-occupation');
    const runs = await Promise.all([refreshHotspots(clock.now()), refreshHotspots(clock.now()), refreshHotspots(clock.now())]);
    expect(runs.reduce((n, r) => n + r.opened, 0)).toBe(1);
    expect(await openIn(spot(0))).toBe(1);
    const listed = await t.request('GET', '/api/hotspots?open=true', { token: cadre });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ open: true, complaintsInWindow: 3, categories: ['noise', 'street-occupation'] });
  });

  it('closes (销项) a hotspot 90 days after its last complaint, not before, and reopens it if it flares up', async () => {
    clock.advance(89 * DAY_MS);
    expect((await refreshHotspots(clock.now())).closed).toBe(0);
    clock.advance(2 * DAY_MS);
    expect((await refreshHotspots(clock.now())).closed).toBe(1);
    expect(await openIn(spot(0))).toBe(0);
    const closed = await t.request('GET', '/api/hotspots?open=false', { token: cadre });
    expect(closed.body.items[0]).toMatchObject({ open: false, closedAt: clock.now().toISOString() });

    for (let i = 0; i < 3; i++) await file(spot(i));
    expect((await refreshHotspots(clock.now())).opened).toBe(1);
    expect(await HotspotModel.countDocuments({ cell: cellOf(spot(0)) })).toBe(2);
  });

  it('does not count complaints more than 30 days apart', async () => {
    await file(elsewhere(0));
    clock.advance(20 * DAY_MS);
    await file(elsewhere(1));
    clock.advance(20 * DAY_MS);
    await file(elsewhere(2));
    await refreshHotspots(clock.now());
    expect(await openIn(elsewhere(0))).toBe(0);
  });
});
