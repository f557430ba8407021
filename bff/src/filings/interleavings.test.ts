import fc from 'fast-check';
import type { FilingBody, FilingView } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { toUser } from '../accounts/service';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import { MedicalCaseModel } from '../health-code/health-code.model';
import { identityFields } from '../residents/identity';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave } from '../../test/interleave';
import { FilingModel } from './filing.model';
import { amend, fileFiling, getFiling, importRoster, review, type FilingDeps } from './service';

/**
 * Filing review against amendment and roster upload, every database call
 * interleaved by fast-check's scheduler (see test/interleave.ts). Each run
 * files a fresh filing for enterprise E1 (submitted, or returned for
 * amendment), then the committee's cadre approves while district staff return
 * or reject it and the enterprise amends it or uploads a roster, all at once,
 * through the exported service functions. The record is read back after each
 * run:
 *   - every refusal is an AppError below 500;
 *   - the timeline starts with the filing and chains: every entry is a step of
 *     the filing table for its actor's role, its `from` is the previous entry's
 *     `to`, the last `to` is the status;
 *   - each successful decision or amendment left exactly one entry, each
 *     refused one none;
 *   - the record agrees with its status (decision time, return note, reject
 *     reason, the open credit code), and no employee is on the roster twice;
 *   - an approval applies only to content it checked: an approved filing has
 *     no employee whose health code is red (approval is refused while any is),
 *     and, seen from the reviewer's page, the approved content is the content
 *     the reviewer read before approving.
 * Over a property's runs, every step wins at least once (a step never let
 * through proves nothing).
 * `INTERLEAVINGS=1000` runs more; a failing run prints its seed and path, which
 * `INTERLEAVINGS_SEED` and `INTERLEAVINGS_PATH` replay.
 */
const RUNS = Number(process.env.INTERLEAVINGS ?? 120);
const TIMEOUT = Math.max(60_000, RUNS * 600);
const replay: { seed?: number; path?: string } = process.env.INTERLEAVINGS_SEED ? { seed: Number(process.env.INTERLEAVINGS_SEED), path: process.env.INTERLEAVINGS_PATH } : {};
const NOW = new Date('2026-03-20T10:00:00+08:00');
const ID_KEY = 'filing-interleavings-id-key';

/** The filing table as the product states it: what each role may do from where. */
const STEPS: Record<string, { from: string; to: string; roles: string[] }> = {
  approve: { from: 'submitted', to: 'approved', roles: ['cadre', 'district'] },
  return: { from: 'submitted', to: 'returned', roles: ['cadre', 'district'] },
  reject: { from: 'submitted', to: 'rejected', roles: ['cadre', 'district'] },
  amend: { from: 'returned', to: 'submitted', roles: ['enterprise'] },
};

/** A valid made-up ID number per index (GB 11643 check character). */
function idFor(i: number): string {
  const first17 = `3101151985${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((n, d, k) => n + Number(d) * weights[k], 0);
  return first17 + '10X98765432'[sum % 11];
}

interface Employee {
  name: string;
  phone: string;
  idNumber: string;
}
const employee = (name: string, i: number): Employee => ({ name, phone: `137${String(i).padStart(8, '0')}`, idNumber: idFor(i) });
const STAFF = [employee('孙丽', 1), employee('周强', 2)];
/** Added by an amendment or an upload; the red ones are close contacts (red code) from before the run. */
const AMENDED = { green: employee('吴刚', 3), red: employee('郑红', 901) };
const UPLOADED = { green: employee('王磊', 4), red: employee('冯丹', 902) };
const RED = [AMENDED.red, UPLOADED.red].map((e) => identityFields(e.idNumber, ID_KEY).idHash);

/** One concurrent operation on the run's filing; `decides` names the timeline entry a success writes. */
interface Step {
  label: string;
  actor: AuthUser;
  decides?: string;
  run: () => Promise<unknown>;
}

/** Each step over a property's runs: how often it was done and how its refusals were coded. */
class Tally {
  private readonly counts = new Map<string, { done: number; refused: Record<string, number> }>();

  add(steps: Step[], results: PromiseSettledResult<unknown>[]) {
    for (const [i, step] of steps.entries()) {
      const name = step.label.replace(/ \(.*\)$/, '');
      const count = this.counts.get(name) ?? { done: 0, refused: {} };
      const r = results[i];
      if (r.status === 'fulfilled') count.done += 1;
      else count.refused[(r.reason as AppError).code] = (count.refused[(r.reason as AppError).code] ?? 0) + 1;
      this.counts.set(name, count);
    }
  }

  /** Every step won in some run: a scenario that never lets a step through proves nothing about it. */
  check() {
    if (RUNS < 50 || replay.seed !== undefined) return;
    expect([...this.counts].filter(([, c]) => c.done === 0).map(([name]) => name)).toEqual([]);
  }

  toString() {
    return [...this.counts].map(([name, c]) => `  ${name}: ${c.done} done, refused ${JSON.stringify(c.refused)}`).join('\n');
  }
}

describe('filings under forced interleavings', () => {
  let t: TestApp;
  const users: Record<string, AuthUser> = {};
  let committeeId: string;
  const deps: FilingDeps = { clock: { now: () => new Date(NOW) }, idKey: ID_KEY };

  beforeAll(async () => {
    t = await startTestApp();
    for (const openid of ['enterprise-1', 'cadre-1', 'district-1']) {
      users[openid] = toUser((await UserModel.findOne({ openid }))!);
    }
    committeeId = users['cadre-1'].scope.committeeId!;
    for (const e of [AMENDED.red, UPLOADED.red]) {
      await MedicalCaseModel.create({ ...identityFields(e.idNumber, ID_KEY), status: 'close_contact', date: '2026-03-18', setBy: users['district-1'].id, source: 'form' });
    }
  });
  afterAll(() => t.close());

  const enterprise = () => users['enterprise-1'];
  const cadre = () => users['cadre-1'];
  const district = () => users['district-1'];

  const body = (overrides: Partial<FilingBody> = {}): FilingBody => ({
    enterpriseName: '上海潍坊小笼餐饮有限公司',
    creditCode: '91310115MA1K3R5W2E',
    address: '潍坊路 402 号',
    committeeId,
    contactName: '周经理',
    contactPhone: '13600000000',
    reopenDate: '2026-03-23',
    plan: { text: '每日两次消毒，员工进店测温并查验绿码，设置临时隔离室。' },
    suppliesDays: 14,
    isolationRoom: true,
    commitment: true,
    roster: STAFF,
    ...overrides,
  });
  const amendment = (red: boolean) => body({ plan: { text: '每日三次消毒，分批到岗，员工进店测温并查验绿码，设置临时隔离室两间。' }, suppliesDays: 30, roster: [...STAFF, red ? AMENDED.red : AMENDED.green] });
  const csv = (e: Employee) => `name,phone,idNumber\n${e.name},${e.phone},${e.idNumber}\n`;

  /** A fresh filing of E1, submitted or already returned for amendment. */
  async function freshFiling(start: 'submitted' | 'returned') {
    const filed = await fileFiling(enterprise(), body(), deps);
    if (start === 'returned') await review(district(), filed.id, 'return', { note: '请补充防护物资储备说明' }, deps);
    return filed.id;
  }

  // ——— the steps ———
  const approveBy = (user: AuthUser, id: string, label = 'cadre approves'): Step => ({ label, actor: user, decides: 'approve', run: () => review(user, id, 'approve', {}, deps) });
  const decideBy = (user: AuthUser, id: string, event: 'return' | 'reject'): Step => ({
    label: `district ${event}s`,
    actor: user,
    decides: event,
    run: () => review(user, id, event, { note: event === 'return' ? '名单需复核' : '不符合复工条件' }, deps),
  });
  const amendWith = (id: string, red: boolean): Step => ({ label: `enterprise amends${red ? ' (adds a red code)' : ''}`, actor: enterprise(), decides: 'amend', run: () => amend(enterprise(), id, amendment(red), deps) });
  const upload = (id: string, e: Employee, label = 'enterprise uploads a roster'): Step => ({ label: `${label}${RED.includes(identityFields(e.idNumber, ID_KEY).idHash) ? ' (a red code)' : ''}`, actor: enterprise(), run: () => importRoster(enterprise(), id, csv(e), deps) });

  /** Runs the steps at once under the scheduler, checks the filing, and removes it (one open filing per enterprise). */
  async function runAndCheck(s: fc.Scheduler, tally: Tally, id: string, steps: Step[], delays: number[], extra?: (after: any, results: PromiseSettledResult<unknown>[]) => void) {
    try {
      const before = (await FilingModel.findById(id).lean())!;
      const results = await interleave(s, steps.map((step, i) => ({ run: step.run, startAfter: delays[i] ?? 0 })));
      for (const [i, r] of results.entries()) {
        if (r.status === 'rejected' && !(r.reason instanceof AppError && r.reason.status < 500)) throw new Error(`${steps[i].label} failed: ${(r.reason as Error)?.stack ?? r.reason}`);
      }
      tally.add(steps, results);
      const after = (await FilingModel.findById(id).lean())!;
      const outcome = steps.map((step, i) => `${step.label}: ${results[i].status === 'fulfilled' ? 'done' : `refused (${(results[i] as PromiseRejectedResult).reason.code})`}`).join('; ');
      const context = `${outcome}\ntimeline: ${after.timeline.map((e) => `${e.action} ${e.from ?? ''}→${e.to} (${e.role})`).join(', ')}; roster: ${after.roster.map((e) => e.name).join(', ')}`;
      try {
        checkFiling(before, after, steps, results);
        extra?.(after, results);
      } catch (err) {
        (err as Error).message = `${(err as Error).message}\n${context}`;
        throw err;
      }
      return results;
    } finally {
      await FilingModel.deleteOne({ _id: id });
    }
  }

  function checkFiling(before: any, after: any, steps: Step[], results: PromiseSettledResult<unknown>[]) {
    const timeline = after.timeline as Array<{ action: string; from?: string; to: string; role: string; actorId?: unknown }>;
    // What was there stays there, in order.
    expect(timeline.slice(0, before.timeline.length)).toEqual(before.timeline);

    // The timeline chains through steps of the table, from the filing to the status.
    expect(timeline[0]).toMatchObject({ action: 'submit', to: 'submitted' });
    expect(timeline[0].from ?? undefined).toBeUndefined();
    for (const [i, e] of timeline.entries()) {
      if (i === 0) continue;
      const rule = STEPS[e.action];
      expect({ step: i, action: e.action, from: e.from, to: e.to, role: e.role }).toEqual({ step: i, action: e.action, from: timeline[i - 1].to, to: rule?.to, role: rule?.roles.includes(e.role) ? e.role : `one of ${rule?.roles}` });
      expect(rule.from).toBe(e.from);
    }
    expect(after.status).toBe(timeline.at(-1)!.to);

    // Exactly one entry per successful decision or amendment, none for a refused one.
    const key = (action: string, actorId: unknown) => `${action} by ${String(actorId)}`;
    const expected: Record<string, number> = {};
    for (const [i, step] of steps.entries()) if (step.decides) expected[key(step.decides, step.actor.id)] = (expected[key(step.decides, step.actor.id)] ?? 0) + (results[i].status === 'fulfilled' ? 1 : 0);
    const wrote: Record<string, number> = Object.fromEntries(Object.keys(expected).map((k) => [k, 0]));
    for (const e of timeline.slice(before.timeline.length)) wrote[key(e.action, e.actorId)] = (wrote[key(e.action, e.actorId)] ?? 0) + 1;
    expect(wrote).toEqual(expected);

    // The record agrees with its status.
    const has = (v: unknown) => v !== undefined && v !== null;
    expect({ status: after.status, decided: has(after.decidedAt), returnNote: has(after.returnNote), rejectReason: has(after.rejectReason), open: has(after.openCreditCode) }).toEqual({
      status: after.status,
      decided: after.status !== 'submitted',
      returnNote: after.status === 'returned',
      rejectReason: after.status === 'rejected',
      open: after.status !== 'rejected',
    });

    // No employee twice.
    const hashes = (after.roster as Array<{ idHash: string }>).map((e) => e.idHash);
    expect({ duplicates: hashes.filter((h, i) => hashes.indexOf(h) !== i).length }).toEqual({ duplicates: 0 });

    // Approval is refused while anyone on the roster has a red code: what was approved was checked.
    if (after.status === 'approved') {
      const red = (after.roster as Array<{ name: string; idHash: string }>).filter((e) => RED.includes(e.idHash)).map((e) => e.name);
      expect({ approvedWithRedCodes: red }).toEqual({ approvedWithRedCodes: [] });
    }
  }

  const delays = (...ranges: Array<[number, number]>) => fc.tuple(...ranges.map(([min, max]) => fc.integer({ min, max })));
  const start = fc.oneof({ weight: 2, arbitrary: fc.constant('submitted' as const) }, { weight: 1, arbitrary: fc.constant('returned' as const) });
  // A red code the approval must catch, or a green one it may take.
  const redCode = fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
  const decision = fc.oneof({ weight: 2, arbitrary: fc.constant('return' as const) }, { weight: 1, arbitrary: fc.constant('reject' as const) });

  it('refuses, without any race, to approve a roster with a red code: the guard the runs below rely on', async () => {
    const id = await freshFiling('submitted');
    await importRoster(enterprise(), id, csv(UPLOADED.red), deps);
    await expect(review(cadre(), id, 'approve', {}, deps)).rejects.toMatchObject({ status: 409 });
    expect((await FilingModel.findById(id).lean())!.status).toBe('submitted');
    await FilingModel.deleteOne({ _id: id });
  });

  it(`approves, returns or rejects while the enterprise amends, over ${RUNS} interleavings`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), start, decision, redCode, delays([0, 0], [0, 4], [0, 4]), async (s, from, event, red, wait) => {
        const id = await freshFiling(from);
        await runAndCheck(s, tally, id, [approveBy(cadre(), id), decideBy(district(), id, event), amendWith(id, red)], wait);
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    tally.check();
    process.stdout.write(`filings, review against amendment: ${RUNS} interleavings, invariant held after each\n${tally}\n`);
  }, TIMEOUT);

  it(`approves, returns or rejects while the enterprise uploads a roster, over ${RUNS} interleavings`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), start, decision, redCode, delays([0, 0], [0, 4], [0, 12]), async (s, from, event, red, wait) => {
        const id = await freshFiling(from);
        const added = red ? UPLOADED.red : UPLOADED.green;
        await runAndCheck(s, tally, id, [approveBy(cadre(), id), upload(id, added), decideBy(district(), id, event)], wait, (after, settled) => {
          // An upload that answered "added" is on the roster; one refused left nothing.
          const uploaded = settled[1].status === 'fulfilled' && (settled[1].value as { added: number }).added === 1;
          expect({ uploaded, onRoster: after.roster.some((e: { idHash: string }) => e.idHash === identityFields(added.idNumber, ID_KEY).idHash) }).toEqual({ uploaded, onRoster: uploaded });
        });
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    tally.check();
    process.stdout.write(`filings, review against roster upload: ${RUNS} interleavings, invariant held after each\n${tally}\n`);
  }, TIMEOUT);

  it(`uploads the same roster twice at once while the enterprise amends, over ${RUNS} interleavings`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), start, fc.boolean(), delays([0, 0], [0, 4], [0, 6]), async (s, from, sameInAmendment, wait) => {
        const id = await freshFiling(from);
        // The amendment lists the uploaded employee too, or another one.
        const amended = body({ roster: [...STAFF, sameInAmendment ? UPLOADED.green : AMENDED.green] });
        await runAndCheck(
          s,
          tally,
          id,
          [upload(id, UPLOADED.green), upload(id, UPLOADED.green, 'enterprise uploads it again'), { label: 'enterprise amends', actor: enterprise(), decides: 'amend', run: () => amend(enterprise(), id, amended, deps) }],
          wait,
        );
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    tally.check();
    process.stdout.write(`filings, uploads against amendment: ${RUNS} interleavings, invariant held after each\n${tally}\n`);
  }, TIMEOUT);

  it(`approves only what the reviewer saw, while the filing is returned, amended and its roster uploaded, over ${RUNS} interleavings`, async () => {
    const tally = new Tally();
    const content = (f: { plan: { text: string }; suppliesDays: number; roster: Array<{ name: string; idMasked: string }> }) => ({
      plan: f.plan.text,
      suppliesDays: f.suppliesDays,
      roster: f.roster.map((e) => `${e.name} ${e.idMasked}`).sort(),
    });
    await fc.assert(
      // The others start late enough, often enough, that an approval of unchanged content also happens.
      fc.asyncProperty(fc.scheduler(), delays([0, 0], [0, 150], [0, 150], [0, 150]), async (s, wait) => {
        const id = await freshFiling('submitted');
        let seen: FilingView | undefined;
        // The reviewer opens the filing, reads it, and approves it.
        const reviewer: Step = {
          label: 'cadre reads the filing and approves',
          actor: cadre(),
          decides: 'approve',
          run: async () => {
            seen = await getFiling(cadre(), id, deps);
            return review(cadre(), id, 'approve', { revision: seen.revision }, deps);
          },
        };
        await runAndCheck(s, tally, id, [reviewer, decideBy(district(), id, 'return'), amendWith(id, false), upload(id, UPLOADED.green)], wait, (after, settled) => {
          if (settled[0].status === 'fulfilled') expect({ approved: content(after) }).toEqual({ approved: content(seen!) });
        });
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    tally.check();
    process.stdout.write(`filings, approval against what the reviewer saw: ${RUNS} interleavings, invariant held after each\n${tally}\n`);
  }, TIMEOUT);
});
