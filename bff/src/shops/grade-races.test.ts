import fc from 'fast-check';
import { gradeShop, shanghaiDate, type BusinessType } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { ManualClock } from '../core/clock';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave } from '../../test/interleave';
import { loadCommitteeAreas } from '../org/committee-areas';
import { InspectionModel } from './inspection.model';
import { registerShop } from './register';
import { ShopModel } from './shop.model';
import { recordInspection, regradeShop, type ShopDeps } from './service';
import { historyProblem } from './shops-test-kit';

/**
 * Inspections of one shop recorded at once (and sometimes a regrade from
 * elsewhere: the daily job, a complaint linked), every database call in an
 * order fast-check's scheduler picks (test/interleave.ts). After each run:
 *   - the stored grade and reasons are what `gradeShop` gives over every
 *     inspection stored, whichever recompute wrote last;
 *   - the history is one chain, one entry per change of the stored grade;
 *   - no regrade is left owing (`computedVersion === inputVersion`).
 * `INTERLEAVINGS=1000` runs more; a failing run prints its seed and path.
 */
const RUNS = Number(process.env.INTERLEAVINGS ?? 100);
const TIMEOUT = Math.max(60_000, RUNS * 600);
const replay: { seed?: number; path?: string } = process.env.INTERLEAVINGS_SEED ? { seed: Number(process.env.INTERLEAVINGS_SEED), path: process.env.INTERLEAVINGS_PATH } : {};

describe('grades under forced interleavings', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));
  const deps: ShopDeps = { clock };
  const staff: AuthUser = { id: '0000000000000000000000d1', role: 'district', displayName: '区城运中心', scope: {}, registered: true };
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t.close());

  const outcome = fc.constantFrom(
    { outcome: 'violation' as const, violationType: 'beyond_door' as const, note: '跨门营业' },
    { outcome: 'ok' as const, note: '无问题' },
  );

  it('ends every race of inspections with the grade over all of them and one history entry per change', async () => {
    let superseded = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.constantFrom<BusinessType>('grocery', 'restaurant'),
        fc.array(outcome, { minLength: 2, maxLength: 3 }),
        fc.option(fc.nat({ max: 8 }), { nil: undefined }),
        async (s, businessType, inspections, regradeAfter) => {
          const registered = await registerShop(
            { name: `竞态商铺${++serial}`, businessType, address: `潍坊路 ${serial} 号`, location: { lat: 31.229, lng: 121.523 } },
            await loadCommitteeAreas(),
            clock.now(),
          );
          if (!('shop' in registered)) throw new Error('the race shop was registered already');
          const shopId = String(registered.shop._id);

          const results = await interleave(s, [
            ...inspections.map((body) => ({ run: () => recordInspection(staff, shopId, { ...body, photoIds: [] }, deps).then((r) => r.shop.grade) })),
            ...(regradeAfter === undefined ? [] : [{ run: () => regradeShop(shopId, clock.now()).then((g) => g!), startAfter: regradeAfter }]),
          ]);
          expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

          const shop = (await ShopModel.findById(shopId).lean())!;
          const stored = await InspectionModel.find({ shopId }).lean();
          expect(stored).toHaveLength(inspections.length);
          const expected = gradeShop({ businessType }, stored.map((i) => ({ date: i.date, outcome: i.outcome })), [], shanghaiDate(clock.now()));
          expect({ grade: shop.grade, reasons: shop.reasons }).toEqual({ grade: expected.grade, reasons: expected.reasons });
          expect(historyProblem(shop)).toBeUndefined();
          expect(shop.computedVersion).toBe(shop.inputVersion);
          // A reply that showed another grade than the last stored one was overtaken by a later recompute.
          if (results.some((r) => r.status === 'fulfilled' && r.value !== shop.grade)) superseded++;
        },
      ),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    // Some runs must have had a recompute overtaken, or the race was never run.
    expect(superseded).toBeGreaterThan(0);
    process.stdout.write(`shop grades: ${RUNS} interleavings of concurrent inspections, ${superseded} with a recompute overtaken\n`);
  }, TIMEOUT);
});
