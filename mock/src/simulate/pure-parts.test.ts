import { distanceMeters } from '@sqtb/shared';
import { compareFigures } from './compare';
import { compareShopList, type ExpectedShop } from './expected/shops';
import { median, rate } from './expected/stats';
import { planMonth } from './plan';
import { createRng } from './rng';
import { ALL_SHOPS, attachedShop } from './shop-places';

describe('the simulator\'s pure parts', () => {
  it('draws the same numbers from the same seed, and its forks are independent of each other', () => {
    const draws = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
    const rng = createRng(42);
    expect(Array.from({ length: 3 }, rng.fork('a').next)).toEqual(Array.from({ length: 3 }, createRng(42).fork('a').next));
    expect(rng.fork('a').next()).not.toBe(rng.fork('b').next());
  });

  it('rounds as the contract says: rates to 4 places, the median of an even count the mean of the middle two', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 0)).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1 / 3])).toBe(0.33);
    expect(median([])).toBeNull();
  });

  it('names the row and the week of a figure that differs, and notices rows out of order', () => {
    const row = (id: string, name: string, received: number) => ({ committeeId: id, committeeName: name, weeks: [{ received }, { received }] });
    const expected = { rows: [row('a', '甲', 1), row('b', '乙', 2)] };
    expect(compareFigures(expected, { rows: [row('a', '甲', 1), row('b', '乙', 2)] }, 'x', ['2026-03-02', '2026-03-09'])).toEqual([]);
    const found = compareFigures(expected, { rows: [row('b', '乙', 2), { ...row('a', '甲', 1), weeks: [{ received: 1 }, { received: 5 }] }] }, 'x', ['2026-03-02', '2026-03-09']);
    expect(found.map((m) => m.path)).toEqual(['x.rows[甲].weeks[week 2026-03-09].received', 'x.rows (order)']);
  });

  it('plans a week without a server: every event inside the month, in time order, the same every time', () => {
    const plan = planMonth({ seed: 9, days: 7, start: '2026-03-02' });
    expect(plan.events.length).toBeGreaterThan(200);
    expect(plan.events.every((e, i) => i === 0 || Date.parse(e.at) >= Date.parse(plan.events[i - 1].at))).toBe(true);
    expect(plan.events.every((e) => Date.parse(e.at) <= Date.parse(plan.end))).toBe(true);
    expect(planMonth({ seed: 9, days: 7, start: '2026-03-02' })).toEqual(plan);
  });

  it('keeps every shop more than 100 m from the next, so an alert within 30 m of one is within 30 m of no other', () => {
    for (const a of ALL_SHOPS) for (const b of ALL_SHOPS) if (a !== b) expect(distanceMeters(a.location, b.location)).toBeGreaterThan(100);
    const plan = planMonth({ seed: 42, days: 30, start: '2026-03-02' });
    const alerts = plan.events.filter((e) => e.kind === 'alerts.import').flatMap((e) => e.data.alerts as Array<{ lat: number; lng: number; shop?: string }>);
    const near = alerts.filter((a) => attachedShop(a, ALL_SHOPS));
    expect(near.length).toBeGreaterThan(5);
    expect(alerts.length - near.length).toBeGreaterThan(5);
    // Clear of the 30 m edge either way: attached ones within 20 m, the others beyond 60 m (a repeated line aside).
    for (const a of alerts) expect(ALL_SHOPS.every((s) => distanceMeters(a, s.location) <= 20.5 || distanceMeters(a, s.location) > 60)).toBe(true);
  });

  it('plans scans only at places whose code was read before, at distinct instants, with one forged code and two confirmed cases', () => {
    const plan = planMonth({ seed: 42, days: 30, start: '2026-03-02' });
    const read = new Map(plan.events.filter((e) => e.kind === 'place.mine' && !e.expectRefusal).map((e) => [e.ref, Date.parse(e.at)]));
    const scans = plan.events.filter((e) => e.kind === 'visit.scan');
    expect(scans.length).toBeGreaterThan(400);
    expect(scans.every((e) => Date.parse(e.at) > (read.get(e.data.place as string) ?? Infinity))).toBe(true);
    expect(new Set(scans.map((e) => e.at)).size).toBe(scans.length);
    expect(scans.filter((e) => e.data.forged).map((e) => e.expectRefusal)).toEqual(['INVALID_PLACE_CODE']);
    const confirmed = plan.events.filter((e) => e.kind === 'health.case' && e.data.status === 'confirmed');
    expect(plan.events.filter((e) => e.kind === 'case.find').map((e) => [e.ref, e.data.idNumber])).toEqual([['K1', confirmed[0].data.idNumber], ['K2', confirmed[1].data.idNumber]]);
    // The case's companions on either side of the bound: one exactly 60 minutes after a visit of the case, one 61.
    const caseScans = scans.filter((e) => e.actor === plan.residents.find((r) => r.ref === confirmed[0].ref)!.openid).map((e) => Date.parse(e.at));
    const after = (minutes: number) => scans.some((e) => caseScans.includes(Date.parse(e.at) - minutes * 60_000));
    expect([after(60), after(61)]).toEqual([true, true]);
  });

  it("names a shop whose grade, reasons or fall date differ from the rule's, and shops missing from the list or extra on it", () => {
    const shop = (id: string, grade: 'low' | 'high'): ExpectedShop => ({ code: `S${id}`, id, name: `店${id}`, committeeId: null, grade, reasons: ['r'], nextFallOn: null });
    const view = (e: ExpectedShop) => ({ id: e.id!, name: e.name, businessType: 'grocery' as const, address: 'x', location: { lat: 0, lng: 0 }, grade: e.grade, reasons: e.reasons, gradedAt: '' });
    const expected = [shop('1', 'low'), shop('2', 'high')];
    expect(compareShopList(expected, expected.map(view))).toEqual([]);
    const found = compareShopList(expected, [{ ...view(expected[0]), grade: 'medium', nextFallOn: '2026-04-01' }, view(shop('3', 'low'))]).map((m) => m.path);
    expect(found).toEqual(['shops[S1 店1].grade', 'shops[S1 店1].nextFallOn', 'shops[S2 店2]', 'shops[店3]']);
  });
});
