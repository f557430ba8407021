import {
  evaluate,
  maskName,
  shanghaiDate,
  type HealthCodeResponse,
  type HealthColor,
  type HealthInputs,
  type MedicalStatus,
} from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { identityOf } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import { DeclarationModel, MedicalCaseModel, RiskRegionModel } from './health-code.model';
import type { HealthDeps } from './service';
import { pseudonym, signHealthToken } from './token';

/** The code itself: a person's colour worked out from their records, and the signed token a gate checks. */

async function inputsFor(userId: string, idHash: string | undefined): Promise<HealthInputs> {
  const [declarations, cases, regions] = await Promise.all([
    DeclarationModel.find({ userId }).sort({ createdAt: 1 }).lean(),
    idHash ? MedicalCaseModel.find({ idHash }).sort({ date: 1, createdAt: 1 }).lean() : Promise.resolve([]),
    RiskRegionModel.find().lean(),
  ]);
  return healthInputs(declarations, cases, regions);
}

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

/**
 * The colour of anyone known by ID number (an enterprise's employee, say): their
 * medical statuses, plus their own declarations when they are a resident on record.
 */
export async function colorByIdHash(idHash: string, now: Date): Promise<HealthColor> {
  const identity = await ResidentIdentity.findOne({ idHash }, { userId: 1 }).lean();
  const inputs = await inputsFor(identity ? String(identity.userId) : '000000000000000000000000', idHash);
  return evaluate(inputs, shanghaiDate(now)).color;
}

/** The colour now, why, and a freshly signed token carrying only what a gate needs. */
export async function currentCode(user: AuthUser, deps: HealthDeps): Promise<HealthCodeResponse> {
  const now = deps.clock.now();
  const identity = await identityOf(user.id);
  const result = evaluate(await inputsFor(user.id, identity?.idHash), shanghaiDate(now));
  const maskedName = maskName(identity?.name ?? user.displayName);
  const { token, expiresAt } = await signHealthToken(deps.keys, { sub: pseudonym(user.id, deps.subjectKey), color: result.color, maskedName }, now);
  return {
    color: result.color,
    reasons: result.reasons,
    ...(result.nextChangeOn ? { nextChangeOn: result.nextChangeOn } : {}),
    rulesVersion: result.rulesVersion,
    maskedName,
    identified: !!identity,
    token,
    expiresAt: expiresAt.toISOString(),
  };
}
