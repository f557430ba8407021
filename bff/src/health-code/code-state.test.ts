import fc from 'fast-check';
import { addDays, evaluate, HEALTH_RULES_VERSION, idNumberCheckChar, maskName, shanghaiDate, type Reason } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { authUserOf } from '../accounts/service';
import { readUserById, UserModel } from '../accounts/user.model';
import { ManualClock } from '../core/clock';
import { generatePrivateJwk, keyRingFromJwks } from '../core/keys';
import { createLogger } from '../core/logger';
import { Committee } from '../org/org.model';
import { claimIdentity, identityFields } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import { interleave } from '../../test/interleave';
import { startTestApp, type TestApp, type TestResponse } from '../../test/test-app';
import { claimVersion, markOutOfDate, readCodeState, storeIfNewer } from './code-state';
import { healthInputs } from './current-code';
import { DeclarationModel, MedicalCaseModel, RiskRegionModel, ScanLogModel } from './health-code.model';
import { currentCode, declare, importCases, recomputeHealthCode, replaceRiskRegions, setCase, type HealthDeps } from './service';

/**
 * The health code kept as a stored current state (issue 18): issuing reads the
 * user and the stored code, nothing else; every change to a resident's records
 * works the stored code out again, and a stale recompute never overwrites a
 * fresher one.
 */
const RESIDENT_1_ID = '310115198805120018'; // seeded, see mock/src/seed/district.ts
const RESIDENT_3_ID = '310115197601230042';
const SEEDED_REGIONS = [
  { code: 'hubei-wuhan', name: '湖北省武汉市', level: 'high' as const, since: '2020-01-23' },
  { code: 'zhejiang-wenzhou', name: '浙江省温州市', level: 'medium' as const, since: '2020-02-02' },
  { code: 'guangdong-shenzhen', name: '广东省深圳市', level: 'low' as const, since: '2020-02-20' },
];

const runs = (byDefault: number) => Number(process.env.INTERLEAVINGS ?? byDefault);
const stressTimeout = process.env.INTERLEAVINGS ? Number(process.env.INTERLEAVINGS) * 300 : undefined;

/** What the shared rules say over a resident's records as they are in the database now. */
async function expectedCode(userId: string, today: string) {
  const identity = await ResidentIdentity.findOne({ userId }).lean();
  const inputs = healthInputs(
    await DeclarationModel.find({ userId }).sort({ createdAt: 1 }).lean(),
    identity ? await MedicalCaseModel.find({ idHash: identity.idHash }).sort({ date: 1, createdAt: 1 }).lean() : [],
    await RiskRegionModel.find().lean(),
  );
  const result = evaluate(inputs, today);
  return { ...result, identified: !!identity, maskedName: identity ? maskName(identity.name) : undefined };
}

/** The stored state, in the reply's terms, and whether issuing would serve it as it is. */
async function storedCode(userId: string) {
  const state = await readCodeState(userId);
  if (!state) return undefined;
  return {
    code: {
      color: state.color,
      reasons: state.reasons!.map(({ rule, color, text, until }: Reason) => ({ rule, color, text, ...(until ? { until } : {}) })),
      ...(state.nextChangeOn ? { nextChangeOn: state.nextChangeOn } : {}),
      rulesVersion: state.rulesVersion,
      identified: state.identified,
      maskedName: state.maskedName ?? undefined,
    },
    current: state.computedVersion >= state.inputVersion,
  };
}

describe('the health code kept as a stored state', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-03-10T09:00:00+08:00'));
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ DB_COMMAND_COUNT: 'true' }, { clock });
    for (const openid of ['resident-1', 'resident-2', 'resident-3', 'pharmacy-1', 'district-1', 'newcomer-code', 'newcomer-registers']) {
      tokens[openid] = await t.login(openid);
      ids[openid] = (await t.request('GET', '/api/me', { token: tokens[openid] })).body.user.id;
    }
  });
  afterAll(() => t.close());

  const commands = (r: TestResponse) => Number(r.headers.get('x-db-commands'));
  const get = (openid: string, path: string) => t.request('GET', path, { token: tokens[openid] });
  const post = (openid: string, path: string, body?: unknown) => t.request('POST', path, { token: tokens[openid], body });
  const issue = (openid: string) => get(openid, '/api/health-code');
  const today = () => shanghaiDate(clock.now());

  describe('cost per request', () => {
    it('issues the code of a resident with declarations, cases and travel to a risk region in at most 2 commands, authentication included', async () => {
      expect((await post('resident-1', '/api/health/declarations', { temperature: 36.5, symptoms: [], travel: [{ region: 'zhejiang-wenzhou', date: '2026-03-08' }], homeObservation: false })).status).toBe(201);
      expect((await post('district-1', '/api/health/cases', { idNumber: RESIDENT_1_ID, status: 'close_contact', date: '2026-03-05' })).status).toBe(201);
      expect((await post('district-1', '/api/health/cases', { idNumber: RESIDENT_1_ID, status: 'released', date: '2026-03-09' })).status).toBe(201);

      const code = await issue('resident-1');
      expect(code.status).toBe(200);
      expect(commands(code)).toBeLessThanOrEqual(2);
      // In fact one: the stored code comes with the user that authentication reads.
      expect(commands(code)).toBe(1);
      const expected = await expectedCode(ids['resident-1'], today());
      expect(code.body).toMatchObject({ color: 'yellow', maskedName: '张*', identified: true, rulesVersion: HEALTH_RULES_VERSION });
      expect(code.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['risk-region-travel', 'recently-released']);
      expect({ color: code.body.color, reasons: code.body.reasons, nextChangeOn: code.body.nextChangeOn, rulesVersion: code.body.rulesVersion }).toEqual({
        color: expected.color,
        reasons: expected.reasons,
        nextChangeOn: expected.nextChangeOn,
        rulesVersion: expected.rulesVersion,
      });
    });

    it('verifies a code in at most 2 commands, the scan logged by an awaited insert', async () => {
      const { token } = (await issue('resident-1')).body;
      const scans = await ScanLogModel.countDocuments();
      const verdict = await post('pharmacy-1', '/api/health-code/verify', { token, place: '雷允上药房门口' });
      expect(verdict.status).toBe(200);
      expect(verdict.body).toMatchObject({ valid: true, color: 'yellow', maskedName: '张*' });
      expect(commands(verdict)).toBeLessThanOrEqual(2);
      // Logged before the answer left: the insert is awaited.
      expect(await ScanLogModel.countDocuments()).toBe(scans + 1);
    });

    it('works the code out again on the day a reason lapses, then issues in 2 again', async () => {
      // The trip lapses on 03-22, the release on 03-23: the reasons change a day before the colour does.
      clock.set('2026-03-22T08:00:00+08:00');
      const fewer = await issue('resident-1');
      expect(fewer.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['recently-released']);
      expect(fewer.body).toMatchObject({ color: 'yellow', nextChangeOn: '2026-03-23' });
      expect(commands(await issue('resident-1'))).toBeLessThanOrEqual(2);
      clock.set('2026-03-23T08:00:00+08:00');
      const green = await issue('resident-1');
      expect(green.body).toMatchObject({ color: 'green', reasons: [] });
      expect(green.body.nextChangeOn).toBeUndefined();
      const again = await issue('resident-1');
      expect(commands(again)).toBeLessThanOrEqual(2);
      expect(again.body).toMatchObject({ color: 'green', reasons: [] });
    });

    it('gives a resident with no stored code and no records the code of empty inputs, stored at the first issue', async () => {
      const first = await issue('newcomer-code');
      const { token: _token, expiresAt: _expires, maskedName: _name, identified, ...rest } = first.body;
      expect(identified).toBe(false);
      expect(rest).toEqual(evaluate({ declarations: [], cases: [], riskRegions: {} }, today()));
      expect(commands(await issue('newcomer-code'))).toBeLessThanOrEqual(2);
    });

    it('recomputes a resident when a medical status arrives by CSV, and when an appeal is corrected', async () => {
      await issue('resident-3');
      const csv = `idNumber,status,date\n${RESIDENT_3_ID},close_contact,2026-03-20\n`;
      const imported = await t.request('POST', '/api/health/cases/import', { token: tokens['district-1'], rawBody: csv, headers: { 'content-type': 'text/csv' } });
      expect(imported.body).toMatchObject({ applied: 1 });
      const red = await issue('resident-3');
      expect(red.body).toMatchObject({ color: 'red' });
      expect(commands(red)).toBeLessThanOrEqual(2);

      const filed = await post('resident-3', '/api/health-code/appeals', { reason: '我没有去过相关场所，请核实' });
      expect(filed.body.colorAtFiling).toBe('red');
      const resolved = await post('district-1', `/api/health-code/appeals/${filed.body.id}/resolve`, { outcome: 'corrected', note: '核实后解除', correction: { status: 'released', date: today() } });
      expect(resolved.status).toBe(200);
      const released = await issue('resident-3');
      expect(commands(released)).toBeLessThanOrEqual(2);
      expect(released.body).toMatchObject({ color: 'yellow', reasons: [expect.objectContaining({ rule: 'recently-released' })] });
    });

    it('recomputes the residents who travelled lately to a region whose level changes, and no one else', async () => {
      expect((await post('resident-2', '/api/health/declarations', { temperature: 36.4, symptoms: [], travel: [{ region: 'guangdong-shenzhen', date: addDays(today(), -2) }], homeObservation: false })).body.color).toBe('green');
      await issue('newcomer-code');
      const untouched = await readCodeState(ids['newcomer-code']);

      const put = await t.request('PUT', '/api/health/risk-regions', {
        token: tokens['district-1'],
        body: { regions: SEEDED_REGIONS.map((r) => (r.code === 'guangdong-shenzhen' ? { ...r, level: 'high' } : r)) },
      });
      expect(put.status).toBe(200);
      // Stored before anyone asks: the next issue only reads it.
      const stored = await storedCode(ids['resident-2']);
      expect(stored).toMatchObject({ current: true, code: { color: 'yellow', reasons: [expect.objectContaining({ rule: 'risk-region-travel' })] } });
      const yellow = await issue('resident-2');
      expect(commands(yellow)).toBeLessThanOrEqual(2);
      expect(yellow.body.color).toBe('yellow');
      expect((await readCodeState(ids['newcomer-code']))!.inputVersion).toBe(untouched!.inputVersion);

      await t.request('PUT', '/api/health/risk-regions', { token: tokens['district-1'], body: { regions: SEEDED_REGIONS } });
      expect((await storedCode(ids['resident-2']))!.code.color).toBe('green');
    });

    it('recomputes a resident when registration claims their ID number: statuses set under that number before now count', async () => {
      const before = await issue('newcomer-registers');
      expect(before.body).toMatchObject({ color: 'green', identified: false });
      await post('district-1', '/api/health/cases', { idNumber: '11010519491231002X', status: 'close_contact', date: today() });
      const committee = await Committee.findOne({ code: 'A' }).lean();
      const registered = await post('newcomer-registers', '/api/residents/registration', {
        name: '赵敏', idNumber: '11010519491231002X', phone: '13912345678', committeeId: String(committee!._id), address: '潍坊路 400 弄 1 号 101 室', location: { lat: 31.2289, lng: 121.5229 }, householdSize: 2,
      });
      expect(registered.status).toBe(201);
      const after = await issue('newcomer-registers');
      expect(commands(after)).toBeLessThanOrEqual(2);
      expect(after.body).toMatchObject({ color: 'red', identified: true, maskedName: '赵*' });
    });
  });

  describe('recomputes that race', () => {
    const deps = async (): Promise<HealthDeps> => ({
      clock: new ManualClock(new Date('2026-03-10T09:00:00+08:00')),
      keys: await keyRingFromJwks([await generatePrivateJwk('code-state-races')]),
      idKey: 'code-state-races-id-key',
      subjectKey: 'code-state-races-subject-key',
      log: createLogger('silent'),
    });
    const staff: AuthUser = { id: '0000000000000000000000d1', role: 'district', displayName: '区防控办', scope: {}, registered: true };
    let serial = 0;
    /** The caller as authentication reads them: with the stored code as it is at that moment. */
    const authenticated = async (user: AuthUser) => authUserOf((await readUserById(user.id))!);

    async function newResident(): Promise<{ user: AuthUser; idNumber: string }> {
      serial++;
      const user = await UserModel.create({ openid: `code-race-${serial}`, role: 'resident', displayName: `住户${serial}` });
      const first17 = `31011519900101${String(serial).padStart(3, '0')}`;
      return { user: { id: String(user._id), role: 'resident', displayName: user.displayName, scope: {}, registered: false }, idNumber: first17 + idNumberCheckChar(first17) };
    }

    it('never lets an older result overwrite one that read later', async () => {
      const { user } = await newResident();
      const older = (await claimVersion(user.id))!;
      const newer = (await claimVersion(user.id))!;
      const code = { color: 'green' as const, reasons: [], rulesVersion: HEALTH_RULES_VERSION, identified: false, evaluatedFor: '2026-03-10', recomputeOn: '2026-04-08' };
      expect(await storeIfNewer(user.id, newer, { ...code, color: 'red' })).toBe(true);
      expect(await storeIfNewer(user.id, older, code)).toBe(false);
      expect((await readCodeState(user.id))!.color).toBe('red');
    });

    it('keeps nothing for an account that is gone, and still answers the code it worked out', async () => {
      const { user } = await newResident();
      await UserModel.deleteOne({ _id: user.id });
      expect(await claimVersion(user.id)).toBeNull();
      const code = await recomputeHealthCode(user.id, new Date('2026-03-10T09:00:00+08:00'));
      expect(code).toMatchObject({ color: 'green', identified: false });
      // No user, and no half-made one with only a stored code.
      expect(await UserModel.countDocuments({ _id: user.id })).toBe(0);
    });

    it('stores, after any order of a declaration, a case, a CSV import, an ID claim, a risk-region change and an issue, exactly what the rules say over the records as they end', async () => {
      const d = await deps();
      const today = shanghaiDate(d.clock.now());
      await fc.assert(
        fc.asyncProperty(
          fc.scheduler(),
          fc.record({
            storedBefore: fc.boolean(),
            identifiedBefore: fc.boolean(),
            fever: fc.boolean(),
            caseStatus: fc.constantFrom('close_contact' as const, 'home_observation' as const, 'released' as const),
            importStatus: fc.constantFrom('centralised_isolation' as const, 'released' as const),
            level: fc.constantFrom('low' as const, 'high' as const),
          }),
          async (s, plan) => {
            const { user, idNumber } = await newResident();
            // A region of this run's own: the change touches this resident (and the last run's, whose region it drops), not every earlier one.
            const region = { code: `race-region-${serial}`, name: `风险地区${serial}`, level: 'medium' as const, since: '2020-01-01' };
            await replaceRiskRegions([...SEEDED_REGIONS, region], d);
            const fields = identityFields(idNumber, d.idKey);
            if (plan.identifiedBefore) await claimIdentity(user.id, '赵敏', fields);
            if (plan.storedBefore) await currentCode(await authenticated(user), d);

            const results = await interleave<unknown>(s, [
              () => declare(user, { temperature: plan.fever ? 38.1 : 36.5, symptoms: [], travel: [{ region: region.code, date: '2026-03-08' }], homeObservation: false }, d),
              () => setCase(staff, { idNumber, status: plan.caseStatus, date: '2026-03-06' }, d),
              () => importCases(staff, `idNumber,status,date\n${idNumber},${plan.importStatus},2026-03-07\n`, d),
              // What registration does: mark the code out of date, claim the number, then work the code out again.
              async () =>
                plan.identifiedBefore ? undefined : (await markOutOfDate({ userId: user.id }), await claimIdentity(user.id, '赵敏', fields), await recomputeHealthCode(user.id, d.clock.now())),
              () => replaceRiskRegions([...SEEDED_REGIONS, { ...region, level: plan.level }], d),
              async () => currentCode(await authenticated(user), d),
            ]);
            expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

            const expected = await expectedCode(user.id, today);
            const stored = await storedCode(user.id);
            expect(stored).toEqual({
              current: true,
              code: {
                color: expected.color,
                reasons: expected.reasons,
                ...(expected.nextChangeOn ? { nextChangeOn: expected.nextChangeOn } : {}),
                rulesVersion: expected.rulesVersion,
                identified: true,
                maskedName: '赵*',
              },
            });
            // And issuing now serves exactly that, without working it out again.
            const caller = await authenticated(user);
            const issued = await currentCode(caller, d);
            expect(await readCodeState(user.id)).toEqual(caller.healthCode);
            expect({ color: issued.color, reasons: issued.reasons, nextChangeOn: issued.nextChangeOn }).toEqual({ color: expected.color, reasons: expected.reasons, nextChangeOn: expected.nextChangeOn });
          },
        ),
        { numRuns: runs(60) },
      );
    }, stressTimeout ?? 180_000);
  });
});

