import { compareFigures, compareShopList, countMonth, formatMismatches, planMonth, simulate, summarise, withoutServerIds, type SimulationResult } from '@sqtb/mock';
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
    console.log(`${summarise(month.ledger, month.expected.district)}\nrequests: ${month.requests}; took ${seconds.toFixed(1)} s`);
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
    // Every status the month's stories reach (none revokes an approval).
    expect((['submitted', 'approved', 'returned', 'rejected'] as const).every((s) => filings.byStatus[s] > 0)).toBe(true);
    expect(filings.medianDaysToDecision).toBeGreaterThan(0);
    expect(filings.missingReportsToday.length).toBeGreaterThan(0);
    expect(filings.firstTimeApproval.firstTime).toBeLessThan(filings.firstTimeApproval.total);
  });

  it('had street order worth comparing: inspections and violations, alerts near and far, shops added, complaints linked, shops high', () => {
    const counts = countMonth(month.ledger);
    const shops = month.expected.district.shops;
    const entries = month.ledger.entries;
    expect(counts.inspections).toBeGreaterThan(60);
    expect(counts.violations).toBeGreaterThan(10);
    expect(counts.alertsAttached).toBeGreaterThan(5);
    expect(counts.alerts - counts.alertsAttached).toBeGreaterThan(5);
    expect(counts.shopsAdded).toBe(4);
    expect(counts.complaintsNamingShop).toBeGreaterThan(20);
    expect(counts.shopLinks).toBeGreaterThan(10);
    expect(counts.linkedComplaints).toBeGreaterThan(20);
    // Every shop on the register was graded by the rule from the ledger and compared with the list: all three grades occur.
    expect(month.shops.actual).toHaveLength(36);
    expect(month.shops.expected.filter((s) => s.grade === 'high').length).toBeGreaterThanOrEqual(3);
    expect(new Set(month.shops.expected.map((s) => s.grade)).size).toBe(3);
    expect(month.shops.expected.some((s) => s.reasons.some((r) => r.includes('关联投诉')))).toBe(true);
    expect(shops.totals.inspectionsThisWeek).toBeGreaterThan(0);
    const outside = shops.byCommittee.at(-1)!;
    expect([outside.committeeId, outside.low + outside.medium + outside.high]).toEqual([null, 1]);
    // The import's line repeating a registered shop, an unknown violation type and an alert imported before were refused.
    expect(entries.find((e) => e.kind === 'shop.import')?.outcome.result?.refused).toBe(1);
    expect(entries.some((e) => e.kind === 'alerts.import' && (e.outcome.result?.refused as number) >= 2)).toBe(true);
    // Time alone moved grades: the daily regrade changed some (a clean inspection stops counting after 30 days).
    const regraded = entries.filter((e) => e.kind === 'jobs.run').map((e) => (e.outcome.result?.['shops.daily-regrade'] as { changed: number }).changed);
    expect(regraded.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('had place codes worth comparing: visits refused yellow and red, repeats, a forged code, a case whose candidates the rule names', () => {
    const counts = countMonth(month.ledger);
    const places = month.expected.district.places;
    const scans = month.ledger.entries.filter((e) => e.kind === 'visit.scan' && e.outcome.ok);
    // Six pharmacies and the six enterprises approved in the month; two reads before any approval refused, as meant.
    expect(counts.placesRead).toBe(12);
    expect(month.ledger.entries.filter((e) => e.kind === 'place.mine' && e.expectRefusal === 'NOT_FOUND' && e.outcome.error === 'NOT_FOUND')).toHaveLength(2);
    expect(counts.scans).toBeGreaterThan(400);
    expect(counts.repeatScans).toBeGreaterThan(5);
    expect(counts.forgedScans).toBe(1);
    // Every scan's colour was checked against the shared rules in the replay: some yellow, some red, refused and still recorded.
    for (const color of ['yellow', 'red']) expect(scans.filter((e) => e.outcome.result?.color === color && e.outcome.result?.allowed === false).length).toBeGreaterThan(3);
    expect(counts.refusedVisits).toBeGreaterThan(10);
    // K1: the rule's candidates over the ledger were the BFF's; every other one confirmed, the rest dismissed, those with no ID number left.
    expect(counts.k1Candidates).toBeGreaterThanOrEqual(6);
    expect([counts.k1Confirmed, counts.k1Dismissed, counts.k1Left].every((n) => n > 0)).toBe(true);
    expect(counts.k1Confirmed + counts.k1Dismissed + counts.k1Left).toBe(counts.k1Candidates);
    // Those asked to be confirmed read their codes, each colour checked in the replay: the confirmed red, those with no ID number not.
    expect(month.ledger.entries.filter((e) => e.kind === 'code.read' && e.outcome.result?.color === 'red')).toHaveLength(counts.k1Confirmed);
    // K2 is left waiting: the overview's candidates awaiting a decision are those K1 left and all of K2's.
    expect(counts.k2Candidates).toBeGreaterThan(0);
    expect(places.candidates).toEqual({ awaiting: counts.k1Left + counts.k2Candidates, cases: 2 });
    expect(places.total.visits).toBeGreaterThan(50);
    expect(places.total.refused).toBeGreaterThan(0);
    expect(month.expected.cadre.places.byCommittee).toHaveLength(1);
  });

  it('would notice a single figure out of place', () => {
    const wrong = structuredClone(month.expected.district);
    wrong.complaints.byCommittee[0].weeks[6].received += 1;
    wrong.masks.byPharmacy[0].expired += 1;
    wrong.shops.byCommittee[1].high += 1;
    wrong.places.byCommittee[2].days[6].refused += 1;
    const found = compareFigures(wrong, month.actual.district, 'district', wrong.weeks).map((m) => m.path);
    expect(found).toEqual([
      `district.complaints.byCommittee[${wrong.complaints.byCommittee[0].committeeName}].weeks[week ${wrong.weeks[6]}].received`,
      `district.masks.byPharmacy[${wrong.masks.byPharmacy[0].pharmacyName}].expired`,
      `district.shops.byCommittee[${wrong.shops.byCommittee[1].committeeName}].high`,
      `district.places.byCommittee[${wrong.places.byCommittee[2].committeeName}].days[6].refused`,
    ]);
    const shops = structuredClone(month.shops.expected);
    shops[0].grade = shops[0].grade === 'high' ? 'low' : 'high';
    expect(compareShopList(shops, month.shops.actual).map((m) => m.path)).toEqual([`shops[${shops[0].code} ${shops[0].name}].grade`]);
  });

  it('writes the same ledger, server ids aside, when the same seed runs again', async () => {
    const a = await simulate({ baseUrl: t.baseUrl, days: 3, seed: 7 });
    const b = await simulate({ baseUrl: t.baseUrl, days: 3, seed: 7 });
    expect(a.ledger.entries.length).toBeGreaterThan(50);
    expect(JSON.stringify(withoutServerIds(b.ledger))).toBe(JSON.stringify(withoutServerIds(a.ledger)));
    expect(a.ledger.ids).not.toEqual(b.ledger.ids);
  }, 120_000);
});
