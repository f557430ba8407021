import fc from 'fast-check';
import { Types } from 'mongoose';
import {
  acceptBy,
  AUTO_ARCHIVE_AFTER_DAYS,
  AUTO_CLOSE_AFTER_DAYS,
  cellOf,
  COMPLAINT_RULES,
  dispatchBy,
  findCategory,
  overdueReason,
  resolveBy,
  type ComplaintStatus,
  type Relation,
} from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { toUser } from '../accounts/service';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import { DAY_MS, HOUR_MS } from '../core/clock';
import { Committee } from '../org/org.model';
import { startTestApp, type TestApp } from '../../test/test-app';
import { interleave } from '../../test/interleave';
import { ComplaintModel } from './complaint.model';
import { act, urge, type ComplaintDeps } from './service';
import { autoArchive, autoCloseUnrated } from './jobs';

/**
 * Complaint steps against the auto-close and auto-archive jobs and urges
 * (催办), every database call interleaved by fast-check's scheduler (see
 * test/interleave.ts). Each run takes a fresh complaint in a state where a
 * person and a job compete, runs the exported service steps and jobs at once,
 * and then reads the record back. After each run:
 *   - every refusal is an AppError below 500;
 *   - the timeline starts with the report and chains: every status entry is a
 *     rule of the workflow table for its actor, its `from` is the previous
 *     entry's `to`, the last `to` is the status;
 *   - each successful step left exactly one entry, each refused one none, and
 *     each job's count equals its entries;
 *   - the counters (urges, ratings, satisfied ratings, reopens, resolutions)
 *     equal the successful steps that count them: a rating counts once;
 *   - each step held when it was written, not only when it was read: an urge
 *     lands only on an overdue matter, an auto-close only 7 days after the
 *     resolution it closes, an auto-archive only 30 days after the close.
 * Over a property's runs, every step that can win in its scenario does at least
 * once, and those the scenario must refuse never do (a step never let through
 * proves nothing).
 * `INTERLEAVINGS=1000` runs more; a failing run prints its seed and path, which
 * `INTERLEAVINGS_SEED` and `INTERLEAVINGS_PATH` replay.
 */
const RUNS = Number(process.env.INTERLEAVINGS ?? 150);
const TIMEOUT = Math.max(60_000, RUNS * 500);
const replay: { seed?: number; path?: string } = process.env.INTERLEAVINGS_SEED ? { seed: Number(process.env.INTERLEAVINGS_SEED), path: process.env.INTERLEAVINGS_PATH } : {};
const NOW = new Date('2026-03-20T10:00:00+08:00');
const CATEGORY = 'street-occupation';
const LIMIT = findCategory(CATEGORY)!.timeLimitWorkingDays;
const WHERE = { lat: 31.2291, lng: 121.5231 };

type Kind = 'rate' | 'resolve' | 'urge' | 'archive' | 'autoClose' | 'autoArchive';

/** One concurrent operation: who takes which step on which complaint, or a job. */
interface Step {
  label: string;
  run: () => Promise<unknown>;
  kind: Kind;
  /** The acting user; none for a job. */
  actor?: AuthUser;
  /** A rating's stars. */
  stars?: number;
  /** The complaint a person's step acts on; none for a job, which acts on every complaint due. */
  complaint?: string;
  /** For a job: how many timeline entries its answer says it wrote. */
  entries?: (value: unknown) => number;
  /** False for a step the scenario must always refuse. */
  mayWin?: false;
}

/** Each step over a property's runs: how often it was done and how its refusals were coded. */
class Tally {
  private readonly counts = new Map<string, { done: number; refused: Record<string, number>; mayWin: boolean }>();

  add(steps: Step[], results: PromiseSettledResult<unknown>[]) {
    for (const [i, step] of steps.entries()) {
      const name = step.label.replace(/ \d★$/, '');
      const count = this.counts.get(name) ?? { done: 0, refused: {}, mayWin: step.mayWin !== false };
      const r = results[i];
      if (r.status === 'fulfilled') count.done += 1;
      else count.refused[(r.reason as AppError).code] = (count.refused[(r.reason as AppError).code] ?? 0) + 1;
      this.counts.set(name, count);
    }
  }

  /** A step that can win did in some run, and one that cannot never did: a scenario that never lets a step through proves nothing about it. */
  check() {
    if (RUNS < 50 || replay.seed !== undefined) return;
    const seen = [...this.counts].map(([name, c]) => ({ name, won: c.done > 0 }));
    expect(seen).toEqual([...this.counts].map(([name, c]) => ({ name, won: c.mayWin })));
  }

  toString() {
    return [...this.counts].map(([name, c]) => `  ${name}: ${c.done} done, refused ${JSON.stringify(c.refused)}`).join('\n');
  }
}

interface Entry {
  at: Date;
  actorId?: Types.ObjectId;
  role: string;
  action: string;
  from?: ComplaintStatus;
  to?: ComplaintStatus;
}

describe('complaints under forced interleavings', () => {
  let t: TestApp;
  const users: Record<string, AuthUser> = {};
  let committee: { _id: Types.ObjectId; streetId?: Types.ObjectId | null };
  // Messages are not what is tested here; a notifier that writes nothing keeps every database call a gated one.
  const deps: ComplaintDeps = { clock: { now: () => new Date(NOW) }, notifier: { notify: async () => undefined }, urlSecret: 'interleavings' };

  beforeAll(async () => {
    t = await startTestApp();
    for (const openid of ['resident-1', 'cadre-1', 'handler-1', 'district-1']) {
      users[openid] = toUser((await UserModel.findOne({ openid }))!);
    }
    committee = (await Committee.findById(users['cadre-1'].scope.committeeId).lean())!;
  });
  afterAll(() => t.close());

  const reporter = () => users['resident-1'];
  const cadre = () => users['cadre-1'];
  const handler = () => users['handler-1'];
  const district = () => users['district-1'];
  const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY_MS + hours * HOUR_MS);

  const person = (user: AuthUser) => ({ actorId: new Types.ObjectId(user.id), actorName: user.displayName, role: user.role });
  const entry = (at: Date, who: AuthUser, action: string, from: ComplaintStatus | undefined, to: ComplaintStatus, note?: string) => ({ at, ...person(who), action, ...(from ? { from } : {}), to, ...(note ? { note } : {}) });

  /** A complaint as the services leave it: reported, accepted and dispatched to handler-1's unit `dispatchedDaysAgo` days ago. */
  function dispatchedFields(dispatchedDaysAgo: number) {
    const reportedAt = ago(dispatchedDaysAgo + 1);
    const acceptedAt = ago(dispatchedDaysAgo + 1, 2);
    const dispatchedAt = ago(dispatchedDaysAgo);
    return {
      reporterId: reporter().id,
      reporterName: reporter().displayName,
      category: CATEGORY,
      description: '人行道上有摊贩占道经营',
      location: WHERE,
      cell: cellOf(WHERE),
      address: '潍坊路 400 弄',
      committeeId: committee._id,
      streetId: committee.streetId,
      unitId: handler().scope.unitId,
      acceptBy: acceptBy(reportedAt),
      acceptedAt,
      dispatchBy: dispatchBy(acceptedAt),
      firstDispatchedAt: dispatchedAt,
      dispatchedAt,
      deadline: resolveBy(dispatchedAt, LIMIT),
      createdAt: reportedAt,
      timeline: [
        entry(reportedAt, reporter(), 'submit', undefined, 'submitted'),
        entry(acceptedAt, cadre(), 'accept', 'submitted', 'accepted'),
        entry(dispatchedAt, cadre(), 'dispatch', 'accepted', 'dispatched', '派至潍坊城管执法中队'),
      ],
    };
  }

  /** Overdue: dispatched 20 days ago with a 5-working-day limit. */
  const overdue = () => ComplaintModel.create({ ...dispatchedFields(20), status: 'dispatched' });

  /** Resolved `days` ago and never rated. */
  function resolved(days: number) {
    const fields = dispatchedFields(days + 3);
    const resolvedAt = ago(days);
    return ComplaintModel.create({
      ...fields,
      status: 'resolved',
      resolvedAt,
      resolutionNote: '已劝离',
      resolutions: 1,
      timeline: [...fields.timeline, entry(resolvedAt, handler(), 'resolve', 'dispatched', 'resolved', '已劝离')],
    });
  }

  /** Closed by a 5-star rating `days` ago. */
  function closed(days: number) {
    const fields = dispatchedFields(days + 5);
    const resolvedAt = ago(days + 2);
    const closedAt = ago(days);
    return ComplaintModel.create({
      ...fields,
      status: 'closed',
      resolvedAt,
      closedAt,
      resolutionNote: '已劝离',
      resolutions: 1,
      rating: { stars: 5, at: closedAt },
      ratingCount: 1,
      satisfiedCount: 1,
      timeline: [...fields.timeline, entry(resolvedAt, handler(), 'resolve', 'dispatched', 'resolved', '已劝离'), entry(closedAt, reporter(), 'rate', 'resolved', 'closed', '5 星')],
    });
  }

  /** Rejected by the committee `days` ago. */
  function rejected(days: number) {
    const reportedAt = ago(days, -3);
    const rejectedAt = ago(days);
    const { timeline: _t, acceptedAt: _a, dispatchBy: _d, firstDispatchedAt: _f, dispatchedAt: _dd, deadline: _dl, unitId: _u, ...fields } = dispatchedFields(days);
    return ComplaintModel.create({
      ...fields,
      acceptBy: acceptBy(reportedAt),
      createdAt: reportedAt,
      status: 'rejected',
      rejectedAt,
      rejectionReason: '非本辖区事务',
      timeline: [entry(reportedAt, reporter(), 'submit', undefined, 'submitted'), entry(rejectedAt, cadre(), 'reject', 'submitted', 'rejected', '非本辖区事务')],
    });
  }

  // ——— the steps ———
  const rate = (id: string, stars: number, label = 'reporter rates'): Step => ({ label: `${label} ${stars}★`, kind: 'rate', actor: reporter(), stars, complaint: id, run: () => act(reporter(), id, 'rate', { stars }, deps) });
  const resolve = (id: string, label = 'unit resolves'): Step => ({ label, kind: 'resolve', actor: handler(), complaint: id, run: () => act(handler(), id, 'resolve', { note: '已再次处理', photoIds: [] }, deps) });
  const urgeBy = (user: AuthUser, id: string, label: string): Step => ({ label, kind: 'urge', actor: user, complaint: id, run: () => urge(user, id, '请尽快办理', deps) });
  const archiveBy = (user: AuthUser, id: string, label: string): Step => ({ label, kind: 'archive', actor: user, complaint: id, run: () => act(user, id, 'archive', { note: '归档' }, deps) });
  const autoCloseJob = (label: string): Step => ({ label, kind: 'autoClose', entries: (v) => (v as { closed: number }).closed, run: () => autoCloseUnrated(new Date(NOW)) });
  const autoArchiveJob = (label: string): Step => ({ label, kind: 'autoArchive', entries: (v) => (v as { archived: number }).archived, run: () => autoArchive(new Date(NOW)) });

  const relationOf = (e: Entry, reporterId: string): Relation | undefined => {
    if (e.role === 'system') return 'system';
    if (e.role === 'resident') return String(e.actorId) === reporterId ? 'reporter' : undefined;
    return ({ cadre: 'committee-cadre', handler: 'assigned-unit', district: 'district' } as Record<string, Relation>)[e.role];
  };
  const keyOf = (kind: string, actorId?: unknown) => `${kind} by ${actorId ? String(actorId) : 'system'}`;

  /** Runs the steps at once under the scheduler and checks each complaint of the run against what each step answered. */
  async function runAndCheck(s: fc.Scheduler, ids: string[], steps: Step[], delays: number[], tally: Tally) {
    try {
      const before = new Map((await ComplaintModel.find({ _id: { $in: ids } }).lean()).map((c) => [String(c._id), c]));
      const results = await interleave(s, steps.map((step, i) => ({ run: step.run, startAfter: delays[i] ?? 0 })));
      // Refusals (409 moved on, 400 guard) are answers; anything else is a defect.
      for (const [i, r] of results.entries()) {
        if (r.status === 'rejected' && !(r.reason instanceof AppError && r.reason.status < 500)) throw new Error(`${steps[i].label} failed: ${(r.reason as Error)?.stack ?? r.reason}`);
      }
      tally.add(steps, results);
      const outcome = steps.map((step, i) => `${step.label}: ${results[i].status === 'fulfilled' ? `done${step.complaint ? '' : ` ${JSON.stringify((results[i] as PromiseFulfilledResult<unknown>).value)}`}` : `refused (${(results[i] as PromiseRejectedResult).reason.code})`}`).join('; ');
      const systemEntries = new Map<string, number>();
      for (const id of ids) {
        const after = (await ComplaintModel.findById(id).lean())!;
        const context = `${outcome}\ncomplaint ${ids.indexOf(id) + 1} of ${ids.length}, timeline: ${after.timeline.map((e) => `${e.action}${e.to ? ` ${e.from ?? ''}→${e.to}` : ''} (${e.role})`).join(', ')}`;
        try {
          checkRecord(before.get(id), after, steps.filter((step) => step.complaint === id), results.filter((_, i) => steps[i].complaint === id));
        } catch (err) {
          (err as Error).message = `${(err as Error).message}\n${context}`;
          throw err;
        }
        for (const e of after.timeline.slice(before.get(id)!.timeline.length)) if (e.role === 'system') systemEntries.set(e.action, (systemEntries.get(e.action) ?? 0) + 1);
      }
      // Each job's count is the entries it wrote, over every complaint of the run.
      const counted = new Map<string, number>();
      for (const [i, step] of steps.entries()) {
        if (step.complaint || results[i].status !== 'fulfilled') continue;
        counted.set(step.kind, (counted.get(step.kind) ?? 0) + step.entries!((results[i] as PromiseFulfilledResult<unknown>).value));
      }
      for (const kind of counted.keys()) if (!systemEntries.has(kind)) systemEntries.set(kind, 0);
      expect({ outcome, entries: Object.fromEntries(systemEntries) }).toEqual({ outcome, entries: Object.fromEntries(counted) });
      return results;
    } finally {
      await ComplaintModel.deleteMany({ _id: { $in: ids } });
    }
  }

  /** One complaint against the person steps taken on it (jobs are counted over the run). */
  function checkRecord(before: any, after: any, steps: Step[], results: PromiseSettledResult<unknown>[]) {
    const reporterId = String(after.reporterId);
    const timeline = after.timeline as Entry[];
    // What was there stays there, in order.
    expect(timeline.slice(0, before.timeline.length)).toEqual(before.timeline);
    const added = timeline.slice(before.timeline.length);

    // The timeline chains through rules of the table, from the report to the status.
    const moves = timeline.filter((e) => e.to);
    expect(moves[0]).toMatchObject({ action: 'submit', to: 'submitted' });
    expect(moves[0].from).toBeUndefined();
    for (const [i, e] of moves.entries()) {
      if (i === 0) continue;
      expect({ step: i, action: e.action, from: e.from }).toEqual({ step: i, action: e.action, from: moves[i - 1].to });
      const relation = relationOf(e, reporterId);
      const rule = COMPLAINT_RULES.find((r) => r.event === e.action && r.from === e.from && r.to === e.to && !!relation && r.by.includes(relation));
      expect({ step: i, action: e.action, from: e.from, to: e.to, role: e.role, allowed: !!rule }).toEqual({ step: i, action: e.action, from: e.from, to: e.to, role: e.role, allowed: true });
    }
    expect(after.status).toBe(moves.at(-1)!.to);
    for (const e of timeline) if (!e.to) expect(['urge', 'metoo']).toContain(e.action);

    // Exactly one entry per successful person's step, none for a refused one.
    const expected = new Map<string, number>();
    const wrote = new Map<string, number>();
    for (const [i, step] of steps.entries()) {
      const key = keyOf(step.kind, step.actor?.id);
      expected.set(key, (expected.get(key) ?? 0) + (results[i].status === 'fulfilled' ? 1 : 0));
    }
    for (const e of added) if (e.role !== 'system') wrote.set(keyOf(e.action, e.actorId), (wrote.get(keyOf(e.action, e.actorId)) ?? 0) + 1);
    for (const key of expected.keys()) if (!wrote.has(key)) wrote.set(key, 0);
    expect(Object.fromEntries(wrote)).toEqual(Object.fromEntries(expected));

    // A successful rating moved the matter by its stars; a rating counts once.
    const rated = steps.filter((step, i) => step.kind === 'rate' && results[i].status === 'fulfilled').map((step) => step.stars!);
    const rateEntries = added.filter((e) => e.action === 'rate');
    expect(rateEntries.map((e) => e.to).sort()).toEqual(rated.map((stars) => (stars >= 3 ? 'closed' : 'dispatched')).sort());
    const count = (field: string) => (after[field] ?? 0) - (before[field] ?? 0);
    expect({
      urgeCount: count('urgeCount'),
      ratingCount: count('ratingCount'),
      satisfiedCount: count('satisfiedCount'),
      reopenCount: count('reopenCount'),
      resolutions: count('resolutions'),
    }).toEqual({
      urgeCount: added.filter((e) => e.action === 'urge').length,
      ratingCount: rated.length,
      satisfiedCount: rated.filter((stars) => stars >= 3).length,
      reopenCount: rated.filter((stars) => stars <= 2).length,
      resolutions: added.filter((e) => e.action === 'resolve').length,
    });
    expect(after.urgeCount).toBe(timeline.filter((e) => e.action === 'urge').length);
    if (rateEntries.length) {
      // The rating kept is one that was given, and the last one written.
      expect(rated).toContain(after.rating?.stars);
      expect({ stars: after.rating?.stars, closes: after.rating?.stars >= 3 }).toEqual({ stars: after.rating?.stars, closes: rateEntries.at(-1)!.to === 'closed' });
    }

    // Each step held when it was written: the state it landed on allowed it at that moment.
    let since: Entry = moves[0];
    let lastResolve: Entry | undefined;
    for (const e of timeline) {
      if (e.action === 'urge') {
        // An urge lands only on a matter whose red light is on.
        const due = { submitted: { acceptBy: acceptBy(since.at) }, accepted: { dispatchBy: dispatchBy(since.at) }, dispatched: { deadline: resolveBy(since.at, LIMIT) } }[since.to as 'submitted'];
        expect({ urgeAt: e.at, onStatus: since.to, setAt: since.at, overdue: !!overdueReason({ status: since.to!, ...due }, e.at) }).toEqual({ urgeAt: e.at, onStatus: since.to, setAt: since.at, overdue: true });
      }
      if (e.action === 'autoClose') {
        // Only a resolution 7 days old, never rated since, closes by itself.
        expect({ autoCloseAt: e.at, after: since.action, resolvedAt: lastResolve?.at, weekOld: !!lastResolve && e.at.getTime() - lastResolve.at.getTime() >= AUTO_CLOSE_AFTER_DAYS * DAY_MS }).toEqual({
          autoCloseAt: e.at,
          after: 'resolve',
          resolvedAt: lastResolve?.at,
          weekOld: true,
        });
      }
      if (e.action === 'autoArchive') {
        expect({ autoArchiveAt: e.at, endedAt: since.at, monthOld: e.at.getTime() - since.at.getTime() >= AUTO_ARCHIVE_AFTER_DAYS * DAY_MS }).toEqual({ autoArchiveAt: e.at, endedAt: since.at, monthOld: true });
      }
      if (e.action === 'resolve') lastResolve = e;
      if (e.to) since = e;
    }

    // The record says what its last step did.
    if (after.notRated) expect(timeline.filter((e) => e.action === 'autoClose')).toHaveLength(1);
    if (['closed', 'archived'].includes(after.status) && !after.rejectedAt) expect(after.closedAt).toBeDefined();
    if (after.status === 'archived') expect(after.archivedAt).toBeDefined();
    if (after.status === 'resolved') expect(after.resolvedAt).toBeDefined();
    if (after.status === 'dispatched') expect(after.resolvedAt ?? undefined).toBeUndefined();
  }

  /** Delays (database calls the others make before a step starts), each drawn from its own range. */
  const delays = (...ranges: Array<[number, number]>) => fc.tuple(...ranges.map(([min, max]) => fc.integer({ min, max })));
  // 1–2 stars reopen the matter, the case that races; 3–5 close it.
  const stars = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 2 }) }, { weight: 2, arbitrary: fc.integer({ min: 3, max: 5 }) });

  it(`rates, re-resolves and urges a matter past its rating window while the auto-close job runs twice, over ${RUNS} interleavings`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), stars, stars, fc.nat({ max: 4 }), delays([0, 0], [0, 6], [0, 6], [0, 6], [0, 8], [0, 8]), async (s, first, second, others, wait) => {
        // Other matters due before this one: the job closes a batch, so its read and its write on this one lie apart.
        const batch = [];
        for (let i = 0; i < others; i++) batch.push(String((await resolved(AUTO_CLOSE_AFTER_DAYS + 2))._id));
        const id = String((await resolved(AUTO_CLOSE_AFTER_DAYS + 1))._id);
        await runAndCheck(
          s,
          [...batch, id],
          // The job has begun when the reporter rates; a second instance runs it too.
          [
            autoCloseJob('auto-close'),
            rate(id, first),
            rate(id, second, 'reporter rates again'),
            autoCloseJob('auto-close on the other instance'),
            resolve(id, 'unit resolves the reopened matter'),
            { ...urgeBy(district(), id, 'district urges'), mayWin: false },
          ],
          wait,
          tally,
        );
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    tally.check();
    process.stdout.write(`complaints, rating window against auto-close: ${RUNS} interleavings, invariant held after each\n${tally}\n`);
  }, TIMEOUT);

  it(`archives a closed or rejected matter a month old by hand while the auto-archive job runs twice, over ${RUNS} interleavings`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.boolean(), fc.nat({ max: 2 }), delays([0, 0], [0, 6], [0, 6], [0, 6], [0, 6], [0, 6]), async (s, wasRejected, others, wait) => {
        // Other matters due as well, closed and rejected ones: the job archives a batch.
        const batch = [];
        for (let i = 0; i < others; i++) batch.push(String((await (i % 2 ? rejected(AUTO_ARCHIVE_AFTER_DAYS + 2) : closed(AUTO_ARCHIVE_AFTER_DAYS + 2)))._id));
        const id = String((await (wasRejected ? rejected(AUTO_ARCHIVE_AFTER_DAYS + 1) : closed(AUTO_ARCHIVE_AFTER_DAYS + 1)))._id);
        await runAndCheck(
          s,
          [...batch, id],
          [
            autoArchiveJob('auto-archive'),
            archiveBy(cadre(), id, 'cadre archives'),
            archiveBy(district(), id, 'district archives'),
            autoArchiveJob('auto-archive on the other instance'),
            { ...rate(id, 1, 'reporter rates late'), mayWin: false },
            { ...urgeBy(district(), id, 'district urges'), mayWin: false },
          ],
          wait,
          tally,
        );
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    tally.check();
    process.stdout.write(`complaints, archive against auto-archive: ${RUNS} interleavings, invariant held after each\n${tally}\n`);
  }, TIMEOUT);

  it(`urges an overdue matter twice at once while the unit resolves it and the reporter rates it, over ${RUNS} interleavings`, async () => {
    const tally = new Tally();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), stars, stars, delays([0, 0], [0, 6], [0, 6], [2, 5], [2, 6], [4, 12]), async (s, given, again, wait) => {
        const id = String((await overdue())._id);
        await runAndCheck(
          s,
          [id],
          // The unit is at work when district staff urge; the reporter rates what it resolved (twice: a double tap).
          [
            resolve(id),
            urgeBy(district(), id, 'district urges'),
            urgeBy(district(), id, 'district urges again'),
            rate(id, given),
            rate(id, again, 'reporter rates again'),
            resolve(id, 'unit resolves the reopened matter'),
          ],
          wait,
          tally,
        );
      }),
      { numRuns: RUNS, endOnFailure: true, ...replay },
    );
    tally.check();
    process.stdout.write(`complaints, urges against resolution: ${RUNS} interleavings, invariant held after each\n${tally}\n`);
  }, TIMEOUT);
});
