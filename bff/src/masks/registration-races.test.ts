import { AsyncLocalStorage } from 'node:async_hooks';
import fc from 'fast-check';
import type { Model } from 'mongoose';
import type { AuthUser } from '../accounts/auth-user';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import { Committee } from '../org/model';
import { identityFields } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { RegistrationModel } from './models';
import { register } from './registration';

/**
 * Two registrations at once, with the order of their database steps forced.
 *
 * Every database call a flow makes on the models below waits at a gate of
 * fast-check's scheduler. The driver releases one gate at a time (the
 * scheduler picks which, from the run's seed) and waits until that call has
 * come back and every flow is parked at its next gate or finished, so the
 * database sees the two flows' steps in exactly the order chosen.
 */
const GATED_MODELS: Array<[string, Model<any>]> = [
  ['Committee', Committee as unknown as Model<any>],
  ['Registration', RegistrationModel as unknown as Model<any>],
  ['ResidentIdentity', ResidentIdentity as unknown as Model<any>],
  ['User', UserModel as unknown as Model<any>],
];
const GATED_METHODS = ['insertOne', 'insertMany', 'find', 'findOne', 'countDocuments', 'updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndDelete', 'deleteOne', 'deleteMany', 'replaceOne', 'bulkWrite'];

interface FlowState {
  name: string;
  parked: number;
  inflight: number;
  settled: boolean;
}
const flowOf = new AsyncLocalStorage<FlowState>();
let scheduler: fc.Scheduler | undefined;
/** Runs per property: `INTERLEAVINGS=1000` (npm run test:stress) asks more than the default, and gets the time it needs (unset: jest's own timeout). */
const runs = (byDefault: number) => Number(process.env.INTERLEAVINGS ?? byDefault);
const stressTimeout = process.env.INTERLEAVINGS ? Number(process.env.INTERLEAVINGS) * 300 : undefined;

function gateCollections() {
  const restore: Array<() => void> = [];
  for (const [modelName, model] of GATED_MODELS) {
    const collection = model.collection as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of GATED_METHODS) {
      const original = collection[method];
      if (typeof original !== 'function') continue;
      const spy = jest.spyOn(collection, method).mockImplementation(function (this: unknown, ...args: unknown[]) {
        const flow = flowOf.getStore();
        if (!flow || !scheduler) return original.apply(collection, args);
        flow.parked++;
        return scheduler.schedule(Promise.resolve(), `${flow.name}: ${modelName}.${method}`).then(async () => {
          flow.parked--;
          flow.inflight++;
          try {
            return await original.apply(collection, args);
          } finally {
            flow.inflight--;
          }
        });
      });
      restore.push(() => spy.mockRestore());
    }
  }
  return () => restore.forEach((r) => r());
}

/** Runs the flows under the scheduler, one database step at a time. */
async function interleave<T>(s: fc.Scheduler, flows: Array<[string, () => Promise<T>]>): Promise<PromiseSettledResult<T>[]> {
  scheduler = s;
  const states = flows.map(([name]) => ({ name, parked: 0, inflight: 0, settled: false }));
  const running = flows.map(([, run], i) => flowOf.run(states[i], () => Promise.resolve().then(run)).finally(() => (states[i].settled = true)));
  const quiet = () => states.every((f) => f.inflight === 0 && (f.settled || f.parked > 0));
  try {
    for (let steps = 0; ; steps++) {
      const since = Date.now();
      while (!quiet()) {
        if (Date.now() - since > 10_000) throw new Error(`a flow neither finished nor reached the database: ${JSON.stringify(states)}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (s.count() === 0) break;
      if (steps > 500) throw new Error('too many steps');
      await s.waitNext(1);
    }
    return await Promise.allSettled(running);
  } finally {
    scheduler = undefined;
  }
}

describe('registration races (issue 12, finding 4)', () => {
  let t: TestApp;
  let ungate: () => void;
  let committee: { _id: unknown; code: string };
  const idKey = 'registration-races-test-key';
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
    committee = (await Committee.findOne({ code: 'A' }).lean())! as { _id: unknown; code: string };
    ungate = gateCollections();
  });
  afterAll(async () => {
    ungate?.();
    await t?.close();
  });

  async function newResident(label: string): Promise<AuthUser> {
    const user = await UserModel.create({ openid: `race-${label}-${serial}`, role: 'resident', displayName: `住户${serial}` });
    return { id: String(user._id), role: 'resident', displayName: user.displayName, scope: {} };
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
