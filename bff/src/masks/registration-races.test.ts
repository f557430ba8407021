import fc from 'fast-check';
import type { AuthUser } from '../accounts/auth-user';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import { Committee } from '../org/org.model';
import { identityFields } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave as interleaveAll } from '../../test/interleave';
import { RegistrationModel } from './masks.model';
import { register } from './registration';

/**
 * Two registrations at once, with the order of their database steps forced by fast-check's
 * scheduler: a failing run prints the seed that replays it.
 */
/** Runs per property: `INTERLEAVINGS=1000` (npm run test:stress) asks more than the default, and gets the time it needs (unset: jest's own timeout). */
const runs = (byDefault: number) => Number(process.env.INTERLEAVINGS ?? byDefault);
const stressTimeout = process.env.INTERLEAVINGS ? Number(process.env.INTERLEAVINGS) * 300 : undefined;

/** The suite's one harness (bff/test/interleave.ts): every database call waits for the scheduler, one at a time. */
const interleave = (s: fc.Scheduler, flows: Array<[string, () => Promise<unknown>]>) => interleaveAll(s, flows.map(([, run]) => run));

describe('registration races (issue 12, finding 4)', () => {
  let t: TestApp;
  let committee: { _id: unknown; code: string };
  const idKey = 'registration-races-test-key';
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    committee = (await Committee.findOne({ code: 'A' }).lean())! as { _id: unknown; code: string };
  });
  afterAll(async () => {
    await t?.close();
  });

  async function newResident(label: string): Promise<AuthUser> {
    const user = await UserModel.create({ openid: `race-${label}-${serial}`, role: 'resident', displayName: `住户${serial}` });
    return { id: String(user._id), role: 'resident', displayName: user.displayName, scope: {}, registered: false };
  }

  function body(idNumber: string, address: string) {
    return {
      name: '赵敏',
      idNumber,
      phone: '13912345678',
      committeeId: String(committee._id),
      address,
      location: { lat: 31.2289, lng: 121.5229 },
      householdSize: 2,
    };
  }

  it('gives two accounts registering one ID number at once one winner and one 409 ID_NUMBER_TAKEN, and writes nothing for the loser', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.boolean(), async (s, sameAddress) => {
        serial++;
        const idNumber = idFor(serial);
        const { idHash } = identityFields(idNumber, idKey);
        const [a, b] = [await newResident('a'), await newResident('b')];
        const before = new Map(await Promise.all([a, b].map(async (u) => [u.id, await UserModel.findById(u.id).lean()] as const)));
        const addressA = `潍坊路 700 弄 ${serial} 号`;
        const addressB = sameAddress ? addressA : `潍坊路 701 弄 ${serial} 号`;

        const results = await interleave(s, [
          ['A', () => register(a, body(idNumber, addressA), idKey)],
          ['B', () => register(b, body(idNumber, addressB), idKey)],
        ]);

        const won = results.map((r) => r.status === 'fulfilled');
        expect(won.filter(Boolean)).toHaveLength(1);
        const winner = won[0] ? a : b;
        const loser = won[0] ? b : a;
        const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
        expect(failure).toBeInstanceOf(AppError);
        expect({ code: failure.code, status: failure.status }).toEqual({ code: 'ID_NUMBER_TAKEN', status: 409 });

        // Nothing written for the loser.
        expect(await RegistrationModel.countDocuments({ userId: loser.id })).toBe(0);
        expect(await ResidentIdentity.countDocuments({ userId: loser.id })).toBe(0);
        expect(await UserModel.findById(loser.id).lean()).toEqual(before.get(loser.id));

        // The winner is whole: registration, identity, account.
        expect(await RegistrationModel.countDocuments({ userId: winner.id, idHash })).toBe(1);
        expect(await ResidentIdentity.find({ idHash }, { userId: 1, _id: 0 }).lean()).toEqual([{ userId: expect.anything() }]);
        expect(String((await ResidentIdentity.findOne({ idHash }).lean())!.userId)).toBe(winner.id);
        expect((await UserModel.findById(winner.id).lean())!).toMatchObject({ registered: true, scope: { committeeId: committee._id } });
      }),
      { numRuns: runs(150) },
    );
  }, stressTimeout);

  it('gives one account registering twice at once (a double tap) one registration, one identity and one 409 CONFLICT', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        serial++;
        const idNumber = idFor(serial);
        const { idHash } = identityFields(idNumber, idKey);
        const a = await newResident('tap');
        const address = `潍坊路 702 弄 ${serial} 号`;

        const results = await interleave(s, [
          ['tap 1', () => register(a, body(idNumber, address), idKey)],
          ['tap 2', () => register(a, body(idNumber, address), idKey)],
        ]);

        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
        expect(failure).toBeInstanceOf(AppError);
        expect({ code: failure.code, status: failure.status }).toEqual({ code: 'CONFLICT', status: 409 });
        expect(await RegistrationModel.countDocuments({ userId: a.id })).toBe(1);
        expect(await ResidentIdentity.countDocuments({ userId: a.id, idHash })).toBe(1);
        expect((await UserModel.findById(a.id).lean())!.registered).toBe(true);
      }),
      { numRuns: runs(50) },
    );
  }, stressTimeout);

  it('undoes the ID-number claim when the registration cannot be written, so the number stays free', async () => {
    serial++;
    const idNumber = idFor(serial);
    const { idHash } = identityFields(idNumber, idKey);
    const [a, b] = [await newResident('a'), await newResident('b')];
    const failing = jest.spyOn(RegistrationModel, 'create').mockRejectedValueOnce(new Error('the database went away'));
    try {
      await expect(register(a, body(idNumber, `潍坊路 703 弄 ${serial} 号`), idKey)).rejects.toThrow('the database went away');
    } finally {
      failing.mockRestore();
    }
    expect(await ResidentIdentity.countDocuments({ idHash })).toBe(0);
    expect((await UserModel.findById(a.id).lean())!.registered).toBe(false);
    const other = await register(b, body(idNumber, `潍坊路 704 弄 ${serial} 号`), idKey);
    expect(other.status).toBe('approved');
    await expect(register(a, body(idNumber, `潍坊路 703 弄 ${serial} 号`), idKey)).rejects.toMatchObject({ code: 'ID_NUMBER_TAKEN', status: 409 });
  });
});

/** A valid made-up ID number per index (GB 11643 check character). */
function idFor(i: number): string {
  const day = String(1 + (Math.floor(i / 1000) % 28)).padStart(2, '0');
  const first17 = `310115198001${day}${String(i % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, k) => n + Number(d) * weights[k], 0);
  return first17 + '10X98765432'[sum % 11];
}
