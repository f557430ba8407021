import {
  addDays,
  evaluate,
  HEALTH_RULES_VERSION,
  maskName,
  QUARANTINE_DAYS,
  shanghaiDate,
  type Evaluation,
  type HealthCodeResponse,
  type HealthColor,
  type HealthInputs,
  type MedicalStatus,
} from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { ResidentIdentity } from '../residents/identity.model';
import { claimVersion, readCodeState, storeIfNewer, type CodeStateRecord, type StoredCode } from './code-state';
import { DeclarationModel, MedicalCaseModel, RiskRegionModel } from './health-code.model';
import type { HealthDeps } from './service';
import { pseudonym, signHealthToken } from './token';

/**
 * The code itself: a person's colour worked out from their records by the
 * shared `evaluate()`, kept as a stored state on the user (code-state.ts), and the
 * signed token a gate checks.
 *
 * Issuing signs the stored state that authentication read with the user. The state is worked out again
 * (`recomputeHealthCode`) when one of the resident's records changes, and by
 * issuing itself when the state is out of date: a change is in flight or its
 * recompute was lost, the rules changed, the date passed on which the
 * evaluation says something else, or there is no state yet.
 */

/** How far ahead a result is checked day by day; a result that holds that long is looked at again then. */
const LOOK_AHEAD_DAYS = 2 * QUARANTINE_DAYS;

interface DeclarationRecord {
  date: string;
  temperature: number;
  symptoms: string[];
  travel: Array<{ region?: string | null; date?: string | null }>;
  homeObservation: boolean;
}

export function healthInputs(
  declarations: DeclarationRecord[],
  cases: Array<{ status: string; date: string }>,
  regions: Array<{ code: string; level: 'low' | 'medium' | 'high'; since: string; name: string }>,
): HealthInputs {
  return {
    declarations: declarations.map((d) => ({ date: d.date, temperature: d.temperature, symptoms: d.symptoms, travel: d.travel.map((t) => ({ region: t.region!, date: t.date! })), homeObservation: d.homeObservation })),
    cases: cases.map((c) => ({ status: c.status as MedicalStatus, date: c.date })),
    riskRegions: Object.fromEntries(regions.map((r) => [r.code, { level: r.level, since: r.since, name: r.name }])),
  };
}

const casesOf = (idHash: string) => MedicalCaseModel.find({ idHash }).sort({ date: 1, createdAt: 1 }).lean();

/** Everything a resident's code is worked out from, as it is now. */
async function readInputs(userId: string) {
  const identity = await ResidentIdentity.findOne({ userId }, { name: 1, idHash: 1 }).lean();
  const [declarations, cases, regions] = await Promise.all([
    DeclarationModel.find({ userId }).sort({ createdAt: 1 }).lean(),
    identity ? casesOf(identity.idHash) : Promise.resolve([]),
    RiskRegionModel.find().lean(),
  ]);
  return { identity, inputs: healthInputs(declarations, cases, regions) };
}

/**
 * The evaluation for `today`, and the first date on which evaluating the same
 * inputs says anything else (a reason lapses, the colour turns): asked of
 * `evaluate()` itself, day by day, so no rule is restated here.
 */
export function evaluateAhead(inputs: HealthInputs, today: string): { result: Evaluation; recomputeOn: string } {
  const result = evaluate(inputs, today);
  const said = JSON.stringify(result);
  for (let day = 1; day <= LOOK_AHEAD_DAYS; day++) {
    const date = addDays(today, day);
    if (JSON.stringify(evaluate(inputs, date)) !== said) return { result, recomputeOn: date };
  }
  return { result, recomputeOn: addDays(today, LOOK_AHEAD_DAYS + 1) };
}

/**
 * Works a resident's code out again from their records and stores it, unless
 * a recompute that read later has stored its own already. The version is
 * claimed before anything is read: whatever changed before this call is seen.
 * Call it after writing a change to any of the resident's records.
 */
export async function recomputeHealthCode(userId: string, now: Date): Promise<StoredCode> {
  const version = await claimVersion(userId);
  const { identity, inputs } = await readInputs(userId);
  const today = shanghaiDate(now);
  const { result, recomputeOn } = evaluateAhead(inputs, today);
  const code: StoredCode = {
    color: result.color,
    reasons: result.reasons,
    ...(result.nextChangeOn ? { nextChangeOn: result.nextChangeOn } : {}),
    rulesVersion: result.rulesVersion,
    ...(identity ? { maskedName: maskName(identity.name), idHash: identity.idHash } : {}),
    identified: !!identity,
    evaluatedFor: today,
    recomputeOn,
  };
  if (version !== null) await storeIfNewer(userId, version, code);
  // Stored or not, this result is at least as new as the change that asked for it.
  return code;
}

/** After a change that arrived by ID number: the resident holding that number, if any, is worked out again. */
export async function recomputeByIdHash(idHash: string, now: Date): Promise<void> {
  // Looked up after the change was written: a claim made since is seen here, or its own recompute sees the change.
  const identity = await ResidentIdentity.findOne({ idHash }, { userId: 1 }).lean();
  if (identity) await recomputeHealthCode(String(identity.userId), now);
}

type StateRecord = StoredCode & CodeStateRecord;

function upToDate(state: CodeStateRecord | null, today: string): state is StateRecord {
  return (
    !!state?.color &&
    state.computedVersion! >= state.inputVersion! &&
    state.rulesVersion === HEALTH_RULES_VERSION &&
    !!state.evaluatedFor &&
    state.evaluatedFor <= today &&
    !!state.recomputeOn &&
    today < state.recomputeOn
  );
}

/** The stored code when it is up to date; otherwise worked out again (and stored). */
async function codeOf(userId: string, state: CodeStateRecord | null, now: Date): Promise<StoredCode> {
  return upToDate(state, shanghaiDate(now)) ? state : recomputeHealthCode(userId, now);
}

/**
 * The colour of anyone known by ID number (an enterprise's employee, say): a
 * resident's stored code, or for someone not on record as a resident, their
 * medical statuses alone (they have no declarations here).
 */
export async function colorByIdHash(idHash: string, now: Date): Promise<HealthColor> {
  const identity = await ResidentIdentity.findOne({ idHash }, { userId: 1 }).lean();
  if (identity) return (await codeOf(String(identity.userId), await readCodeState(String(identity.userId)), now)).color;
  return evaluate(healthInputs([], await casesOf(idHash), []), shanghaiDate(now)).color;
}

/** The code as the resident is shown it: what is stored, and a freshly signed token carrying only what a gate needs. */
export async function signedCode(user: AuthUser, code: StoredCode, now: Date, deps: HealthDeps): Promise<HealthCodeResponse> {
  const maskedName = code.maskedName ?? maskName(user.displayName);
  const { token, expiresAt } = await signHealthToken(deps.keys, { sub: pseudonym(user.id, deps.subjectKey), color: code.color, maskedName }, now);
  return {
    color: code.color,
    reasons: code.reasons.map(({ rule, color, text, until }) => ({ rule, color, text, ...(until ? { until } : {}) })),
    ...(code.nextChangeOn ? { nextChangeOn: code.nextChangeOn } : {}),
    rulesVersion: code.rulesVersion,
    maskedName,
    identified: code.identified,
    token,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The colour now, why, and a freshly signed token: no read beyond authentication's when the stored code is up to date. */
export async function currentCode(user: AuthUser, deps: HealthDeps): Promise<HealthCodeResponse> {
  const now = deps.clock.now();
  return signedCode(user, await codeOf(user.id, user.healthCode ?? null, now), now, deps);
}
