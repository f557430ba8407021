import { compareFigures, countMonth, formatMismatches, planMonth, simulate, summarise, withoutServerIds, type SimulationResult } from '@sqtb/mock';
import { ManualClock } from '../core/clock';
import { startTestApp, type TestApp } from '../../test/test-app';

/**
 * The simulated month (mock/src/simulate) against the real app in process:
 * every overview figure must match what the simulator computes from its own
 * ledger. The month must also be substantial, so the comparison cannot pass
 * because there was nothing to compare.
 */
const DAYS = 30;
const SEED = 42;

describe('a simulated month against the BFF', () => {
  let t: TestApp;
  let month: SimulationResult;
  let seconds: number;

  beforeAll(async () => {
    t = await startTestApp({ SIMULATED_CLOCK: 'true', LOG_LEVEL: 'error' }, { clock: new ManualClock(new Date('2026-03-02T00:00:00+08:00')) });
    const began = performance.now();
    month = await simulate({ baseUrl: t.baseUrl, days: DAYS, seed: SEED });
    seconds = (performance.now() - began) / 1000;
    console.log(`${summarise(month.ledger, month.expected.district)}\n${month.requests} requests in ${seconds.toFixed(1)} s`);
  }, 300_000);
  afterAll(() => t.close());

  it(`plans the same ${DAYS} days from the same seed, and another month from another seed`, () => {
    const again = planMonth({ seed: SEED, days: DAYS, start: '2026-03-02' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(month.plan));
    expect(JSON.stringify(planMonth({ seed: SEED + 1, days: DAYS, start: '2026-03-02' }).events)).not.toBe(JSON.stringify(month.plan.events));
  });

  it('finds every overview figure, for district staff and for a cadre, as the ledger says', () => {
    expect(formatMismatches(month.mismatches)).toBe('');
  });

  it('had a month worth comparing: hundreds of complaints, reopens, urges, overdue matters and hotspots', () => {
    const counts = countMonth(month.ledger);
    const district = month.expected.district.complaints;
    expect(counts.complaints).toBeGreaterThanOrEqual(250);
    expect(counts.lowRatings).toBeGreaterThan(5);
    expect(counts.urges).toBeGreaterThan(10);
    expect(district.total.reopened).toBeGreaterThan(5);
    expect(district.total.onTimeResolutions).toBeLessThan(district.total.resolutions);
    expect(district.overdueNow).toBeGreaterThan(3);
    expect(district.worstOverdue).toHaveLength(5);
    expect(district.openHotspots.length).toBeGreaterThan(0);
    expect(month.expected.cadre.complaints.openHotspots.length).toBeGreaterThan(0);
    expect(district.total.closed).toBeGreaterThan(district.firstTimeSuccess.firstTime);
  });

  it('had a mask rush worth comparing: reservations waiting, picked up and expired, and reviews pending', () => {
    const counts = countMonth(month.ledger);
    const masks = month.expected.district.masks;
    const sum = (field: 'reserved' | 'pickedUp' | 'expired') => masks.byPharmacy.reduce((s, p) => s + p[field], 0);
    expect(counts.reservations).toBeGreaterThan(100);
    expect(counts.redeemed).toBeGreaterThan(50);
    expect(counts.expired).toBeGreaterThan(10);
    expect(masks.round?.open).toBe(true);
    expect(sum('reserved')).toBeGreaterThan(0);
    expect(sum('pickedUp')).toBeGreaterThan(0);
    expect(sum('expired')).toBeGreaterThan(0);
    expect(masks.byPharmacy.some((p) => p.available === 0)).toBe(true);
    expect(masks.pendingReviews.reduce((s, r) => s + r.registrations + r.reservations, 0)).toBeGreaterThan(0);
    expect(month.expected.cadre.masks.byPharmacy.length).toBeLessThan(masks.byPharmacy.length);
  });

  it('had health codes worth comparing: red close contacts, yellow declarations, appeals open and settled', () => {
    const counts = countMonth(month.ledger);
    const health = month.expected.district.health;
    expect(counts.declarations).toBeGreaterThan(200);
    expect(counts.cases).toBeGreaterThanOrEqual(4);
    expect(counts.appeals).toBeGreaterThanOrEqual(2);
    expect(health.totals.red).toBeGreaterThan(0);
    expect(health.totals.yellow).toBeGreaterThan(0);
    expect(health.totals.green).toBeGreaterThan(health.totals.yellow);
    expect(health.openAppeals).toBeGreaterThan(0);
    // Every declaration's answer (the code after it) was checked against the shared rules during the replay.
    expect(month.ledger.entries.filter((e) => e.kind === 'health.declare' && e.outcome.result?.color === 'yellow').length).toBeGreaterThan(5);
  });

  it('had filings worth comparing: returned, amended, approved, rejected, approval refused for a red employee, reports missing today', () => {
    const counts = countMonth(month.ledger);
    const filings = month.expected.district.filings;
    expect(counts.filingsReturned).toBeGreaterThanOrEqual(3);
    expect(counts.filingsApproved).toBeGreaterThanOrEqual(4);
    expect(counts.filingsRejected).toBeGreaterThanOrEqual(1);
    expect(month.ledger.entries.some((e) => e.kind === 'filing.approve' && e.expectRefusal === 'CONFLICT' && e.outcome.error === 'CONFLICT')).toBe(true);
    expect(Object.values(filings.byStatus).every((n) => n > 0)).toBe(true);
    expect(filings.medianDaysToDecision).toBeGreaterThan(0);
    expect(filings.missingReportsToday.length).toBeGreaterThan(0);
    expect(filings.firstTimeApproval.firstTime).toBeLessThan(filings.firstTimeApproval.total);
  });

  it('would notice a single figure out of place', () => {
    const wrong = structuredClone(month.expected.district);
    wrong.complaints.byCommittee[0].weeks[6].received += 1;
    wrong.masks.byPharmacy[0].expired += 1;
    const found = compareFigures(wrong, month.actual.district, 'district', wrong.weeks).map((m) => m.path);
    expect(found).toEqual([
      `district.complaints.byCommittee[${wrong.complaints.byCommittee[0].committeeName}].weeks[week ${wrong.weeks[6]}].received`,
      `district.masks.byPharmacy[${wrong.masks.byPharmacy[0].pharmacyName}].expired`,
    ]);
  });

  it('writes the same ledger, server ids aside, when the same seed runs again', async () => {
    const a = await simulate({ baseUrl: t.baseUrl, days: 3, seed: 7 });
    const b = await simulate({ baseUrl: t.baseUrl, days: 3, seed: 7 });
    expect(a.ledger.entries.length).toBeGreaterThan(50);
    expect(JSON.stringify(withoutServerIds(b.ledger))).toBe(JSON.stringify(withoutServerIds(a.ledger)));
    expect(a.ledger.ids).not.toEqual(b.ledger.ids);
  }, 120_000);
});
