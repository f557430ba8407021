import type { Types } from 'mongoose';
import { evaluate, shanghaiDate, type HealthColor } from '@sqtb/shared';
import { AppealModel, DeclarationModel, healthInputs, MedicalCaseModel, RiskRegionModel } from '../health-code/service';
import { RegistrationModel } from '../masks/service';
import { ResidentIdentity } from '../residents/identity.model';
import type { OverviewScope } from './scope';

const UNREGISTERED = '（未登记居委）';

/** Groups records by a key, keeping their order. */
function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Every resident on record, by the colour their code shows now. The rules run
 * here as on the resident's own page (shared `evaluate`), over records read
 * in three queries rather than three per person.
 */
export async function healthOverview(scope: OverviewScope, now: Date) {
  const registrations = await RegistrationModel.find(scope.includesOutside ? {} : { committeeId: { $in: scope.committees.map((c) => c.id) } }, { userId: 1, committeeId: 1 }).lean();
  const committeeOf = new Map(registrations.map((r) => [String(r.userId), String(r.committeeId)]));
  const identities = await ResidentIdentity.find(scope.includesOutside ? {} : { userId: { $in: registrations.map((r) => r.userId) } }, { userId: 1, idHash: 1 }).lean();

  const [declarations, cases, regions] = await Promise.all([
    DeclarationModel.find({ userId: { $in: identities.map((i) => i.userId) } }).sort({ createdAt: 1, _id: 1 }).lean(),
    MedicalCaseModel.find({ idHash: { $in: identities.map((i) => i.idHash) } }).sort({ date: 1, createdAt: 1, _id: 1 }).lean(),
    RiskRegionModel.find().lean(),
  ]);
  const declarationsOf = groupBy(declarations, (d) => String(d.userId));
  const casesOf = groupBy(cases, (c) => c.idHash);
  const today = shanghaiDate(now);

  const counts = new Map<string | null, Record<HealthColor, number>>();
  for (const identity of identities) {
    const color = evaluate(healthInputs(declarationsOf.get(String(identity.userId)) ?? [], casesOf.get(identity.idHash) ?? [], regions), today).color;
    const committee = committeeOf.get(String(identity.userId)) ?? null;
    const row = counts.get(committee) ?? { green: 0, yellow: 0, red: 0 };
    row[color] += 1;
    counts.set(committee, row);
  }

  const rowFor = (id: string | null, name: string) => ({ committeeId: id, committeeName: name, ...(counts.get(id) ?? { green: 0, yellow: 0, red: 0 }) });
  const byCommittee = scope.committees.map((c) => rowFor(String(c.id), c.name));
  if (scope.includesOutside) byCommittee.push(rowFor(null, UNREGISTERED));
  const totals = byCommittee.reduce((t, r) => ({ green: t.green + r.green, yellow: t.yellow + r.yellow, red: t.red + r.red }), { green: 0, yellow: 0, red: 0 });

  const appealFilter: Record<string, unknown> = { status: 'open' };
  if (!scope.includesOutside) appealFilter.userId = { $in: registrations.map((r) => r.userId as Types.ObjectId) };
  return { byCommittee, totals, openAppeals: await AppealModel.countDocuments(appealFilter) };
}
