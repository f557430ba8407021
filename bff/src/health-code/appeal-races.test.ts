import fc from 'fast-check';
import type { AuthUser } from '../accounts/auth-user';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import { ManualClock } from '../core/clock';
import { createLogger } from '../core/logger';
import { ResidentIdentity } from '../residents/identity.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave as interleaveAll } from '../../test/interleave';
import { generatePrivateJwk, keyRingFromJwks } from '../core/keys';
import { AppealModel, MedicalCaseModel } from './health-code.model';
import { fileAppeal, resolveAppeal, type HealthDeps } from './service';

/**
 * Appeals filed (and resolved) at once, with the order of their database steps forced by fast-check's
 * scheduler: a failing run prints the seed that replays it.
 */
/** Runs per property: `INTERLEAVINGS=1000` (npm run test:stress) asks more than the default, and gets the time it needs (unset: jest's own timeout). */
const runs = (byDefault: number) => Number(process.env.INTERLEAVINGS ?? byDefault);
const stressTimeout = process.env.INTERLEAVINGS ? Number(process.env.INTERLEAVINGS) * 300 : undefined;

/** The suite's one harness (bff/test/interleave.ts): every database call waits for the scheduler, one at a time. */
const interleave = (s: fc.Scheduler, flows: Array<[string, () => Promise<unknown>]>) => interleaveAll(s, flows.map(([, run]) => run));

describe('appeal races (issue 12, finding 5)', () => {
  let t: TestApp;
  let deps: HealthDeps;
  const staff: AuthUser = { id: '0000000000000000000000d1', role: 'district', displayName: '区防控办', scope: {}, registered: true };
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    deps = {
      clock: new ManualClock(new Date('2026-03-10T09:00:00+08:00')),
      keys: await keyRingFromJwks([await generatePrivateJwk('appeal-races')]),
      idKey: 'appeal-races-id-key',
      subjectKey: 'appeal-races-subject-key',
      log: createLogger('silent'),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newResident(): Promise<AuthUser> {
    serial++;
    const user = await UserModel.create({ openid: `appeal-race-${serial}`, role: 'resident', displayName: `住户${serial}` });
    return { id: String(user._id), role: 'resident', displayName: user.displayName, scope: {}, registered: false };
  }

  const openAppeals = (user: AuthUser) => AppealModel.find({ userId: user.id, status: 'open' }).lean();

  function expectAppealOpen(result: PromiseSettledResult<unknown>) {
    expect(result.status).toBe('rejected');
    const reason = (result as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(AppError);
    expect({ code: reason.code, status: reason.status }).toEqual({ code: 'APPEAL_OPEN', status: 409 });
  }

  it('files one appeal when a resident taps twice at once; the other tap gets 409 APPEAL_OPEN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const resident = await newResident();
        const results = await interleave(s, [
          ['tap 1', () => fileAppeal(resident, '码色有误，请核实', deps)],
          ['tap 2', () => fileAppeal(resident, '码色有误，请核实', deps)],
        ]);
        const open = await openAppeals(resident);
        expect(open).toHaveLength(1);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expectAppealOpen(results.find((r) => r.status === 'rejected')!);
        expect((results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: string }>).value.id).toBe(String(open[0]._id));
        expect(await AppealModel.countDocuments({ userId: resident.id })).toBe(1);
      }),
      { numRuns: runs(100) },
    );
  }, stressTimeout);

  it('keeps at most one open appeal while staff resolve one and the resident files twice, all at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.constantFrom('explained' as const, 'corrected' as const), async (s, outcome) => {
        const resident = await newResident();
        await ResidentIdentity.create({ userId: resident.id, name: '赵敏', idHash: `race-hash-${serial}`, idMasked: '3101**********0000' });
        const first = await fileAppeal(resident, '第一次申诉', deps);
        const body = outcome === 'corrected' ? { outcome, note: '已更正', correction: { status: 'released' as const, date: '2026-03-09' } } : { outcome, note: '维持原判' };

        const [resolved, ...filings] = await interleave(s, [
          ['staff', () => resolveAppeal(staff, first.id, body, deps)],
          ['tap 1', () => fileAppeal(resident, '再次申诉', deps)],
          ['tap 2', () => fileAppeal(resident, '再次申诉', deps)],
        ]);

        expect(resolved.status).toBe('fulfilled');
        expect((await AppealModel.findById(first.id).lean())!.status).toBe(outcome);
        const open = await openAppeals(resident);
        const filed = filings.filter((r) => r.status === 'fulfilled');
        expect(open.length).toBeLessThanOrEqual(1);
        expect(filed).toHaveLength(open.length);
        filings.filter((r) => r.status === 'rejected').forEach(expectAppealOpen);
        expect(await AppealModel.countDocuments({ userId: resident.id })).toBe(1 + open.length);
        // The key behind the rule: on the open appeal, and only there.
        for (const appeal of await AppealModel.find({ userId: resident.id }).lean()) {
          expect(appeal.openFor ? String(appeal.openFor) : undefined).toBe(appeal.status === 'open' ? resident.id : undefined);
        }
      }),
      { numRuns: runs(100) },
    );
  }, stressTimeout);

  it('lets a resident file a new appeal once the open one is resolved', async () => {
    const resident = await newResident();
    const first = await fileAppeal(resident, '第一次申诉', deps);
    await expect(fileAppeal(resident, '又一次', deps)).rejects.toMatchObject({ code: 'APPEAL_OPEN', status: 409 });
    await resolveAppeal(staff, first.id, { outcome: 'explained', note: '维持原判' }, deps);
    const second = await fileAppeal(resident, '新的情况', deps);
    expect(second.status).toBe('open');
    expect((await openAppeals(resident)).map((a) => String(a._id))).toEqual([second.id]);
    await expect(fileAppeal(resident, '再一次', deps)).rejects.toMatchObject({ code: 'APPEAL_OPEN', status: 409 });
  });

  it('keeps the appeal open, and the only open one, when its correction cannot be written', async () => {
    const resident = await newResident();
    await ResidentIdentity.create({ userId: resident.id, name: '赵敏', idHash: `race-hash-${serial}`, idMasked: '3101**********0000' });
    const first = await fileAppeal(resident, '第一次申诉', deps);
    const failing = jest.spyOn(MedicalCaseModel, 'create').mockRejectedValueOnce(new Error('the database went away'));
    try {
      await expect(resolveAppeal(staff, first.id, { outcome: 'corrected', note: '已更正', correction: { status: 'released', date: '2026-03-09' } }, deps)).rejects.toThrow('the database went away');
    } finally {
      failing.mockRestore();
    }
    expect((await AppealModel.findById(first.id).lean())!.status).toBe('open');
    await expect(fileAppeal(resident, '又一次', deps)).rejects.toMatchObject({ code: 'APPEAL_OPEN', status: 409 });
    expect((await openAppeals(resident)).map((a) => String(a._id))).toEqual([first.id]);
  });
});
