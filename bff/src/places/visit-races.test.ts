import fc from 'fast-check';
import type { AuthUser } from '../accounts/auth-user';
import { UserModel } from '../accounts/user.model';
import { ManualClock } from '../core/clock';
import { generatePrivateJwk, keyRingFromJwks, type KeyRing } from '../core/keys';
import { createLogger } from '../core/logger';
import type { HealthDeps } from '../health-code/service';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave } from '../../test/interleave';
import { PlaceModel } from './place.model';
import { scanIn } from './service';
import { signPlaceCode } from './token';
import { VisitModel } from './visit.model';

/**
 * Scans racing for one visit, every database call interleaved by fast-check's
 * scheduler (test/interleave.ts). A run sends n scans of one resident at one
 * place in the same hour at once (each reading the colour, then inserting the
 * visit; the losers are refused by the unique index and find the winner's),
 * and checks: every scan succeeds, there is one visit, and every scan answers
 * its id. `INTERLEAVINGS=1000` runs more; a failing run prints its seed.
 */
const RUNS = Number(process.env.INTERLEAVINGS ?? 100);
const TIMEOUT = Math.max(60_000, RUNS * 500);
const replay: { seed?: number; path?: string } = process.env.INTERLEAVINGS_SEED ? { seed: Number(process.env.INTERLEAVINGS_SEED), path: process.env.INTERLEAVINGS_PATH } : {};

describe('scans under forced interleavings', () => {
  let t: TestApp;
  let resident: AuthUser;
  let keys: KeyRing;
  let placeToken: string;
  const clock = new ManualClock(new Date('2026-03-10T09:10:00+08:00'));
  let deps: HealthDeps;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    await t.login('resident-1');
    const user = (await UserModel.findOne({ openid: 'resident-1' }).lean())!;
    resident = { id: String(user._id), role: 'resident', displayName: user.displayName, scope: {}, registered: true };
    keys = await keyRingFromJwks([await generatePrivateJwk('race-key')]);
    deps = { clock, keys, idKey: t.config.keys.idHash, subjectKey: t.config.keys.healthCodeSubject, log: createLogger('silent') };
    const place = (await PlaceModel.findOne({ kind: 'pharmacy' }).lean())!;
    placeToken = await signPlaceCode(keys, { placeId: String(place._id), kind: place.kind, version: place.codeVersion }, clock.now());
  });
  afterAll(() => t.close());

  it('makes one visit of scans racing in the same hour, and answers every scan with its id', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 3 }), fc.nat({ max: 4 }), async (s, n, lateStart) => {
        await VisitModel.deleteMany({});
        const scans = Array.from({ length: n }, (_, i) => ({ run: () => scanIn(resident, placeToken, deps), startAfter: i === n - 1 ? lateStart : 0 }));
        const results = await interleave(s, scans);
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        const visits = await VisitModel.find().lean();
        expect(visits).toHaveLength(1);
        const answered = results.map((r) => (r as PromiseFulfilledResult<{ visitId: string }>).value.visitId);
        expect(new Set(answered)).toEqual(new Set([String(visits[0]._id)]));
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    process.stdout.write(`place visits: ${RUNS} interleavings of racing scans, one visit each time\n`);
  }, TIMEOUT);
});
