import { Types } from 'mongoose';
import {
  caseBodySchema,
  evaluate,
  APPEAL_RESOLUTION_EVENT,
  appealTransition,
  INITIAL_APPEAL_STATUS,
  maskName,
  shanghaiDate,
  type AppealStatus,
  type HealthCodeResponse,
  type HealthColor,
  type HealthInputs,
  type MedicalStatus,
  type VerifyResponse,
} from '@sqtb/shared';
import type { z } from 'zod';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { readCsvRows } from '../core/csv';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { identityFields, identityOf } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import type { KeyRing } from './keys';
import { applyStep } from '../workflow/apply-step';
import { timelineEntry } from '../workflow/timeline';
import { AppealModel, DeclarationModel, MedicalCaseModel, RiskRegionModel, ScanLogModel } from './models';
import { pseudonym, signHealthToken, verifyHealthToken } from './token';
import { isDuplicateKey } from '../db/duplicate-key';

export interface HealthDeps {
  clock: Clock;
  keys: KeyRing;
  /** Keys the ID-number hash and the token pseudonym. */
  idKey: string;
  subjectKey: string;
  log: Logger;
}

type CaseInput = z.infer<typeof caseBodySchema>;

export async function declare(user: AuthUser, body: { temperature: number; symptoms: string[]; travel: Array<{ region: string; date: string }>; homeObservation: boolean }, deps: HealthDeps) {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  if (body.travel.some((t) => t.date > today)) throw new AppError('VALIDATION_FAILED', 'A trip cannot be in the future', { field: 'travel' });
  await DeclarationModel.create({ userId: user.id, date: today, ...body, createdAt: now, updatedAt: now });
  return currentCode(user, deps);
}

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

/** A gate checks a code; the scan is logged without the token. */
export async function verifyScan(scanner: AuthUser, token: string, place: string | undefined, deps: HealthDeps): Promise<VerifyResponse> {
  const { kid, ...result } = await verifyHealthToken(deps.keys, token, deps.clock.now());
  await ScanLogModel.create({
    scannerId: scanner.id,
    role: scanner.role,
    place,
    valid: result.valid,
    color: result.valid ? result.color : undefined,
    reason: result.valid ? undefined : result.reason,
    kid,
  });
  return result;
}

/** One medical status record: a single insert, so it is applied whole or not at all. */
async function applyCase(input: CaseInput, setBy: string, source: 'form' | 'csv' | 'appeal', deps: HealthDeps) {
  const fields = identityFields(input.idNumber, deps.idKey);
  await MedicalCaseModel.create({ ...fields, status: input.status, date: input.date, note: input.note, setBy, source });
  return fields.idMasked;
}

export async function setCase(staff: AuthUser, input: CaseInput, deps: HealthDeps) {
  if (input.date > shanghaiDate(deps.clock.now())) throw new AppError('VALIDATION_FAILED', 'The date cannot be in the future', { field: 'date' });
  const idMasked = await applyCase(input, staff.id, 'form', deps);
  return { idMasked, status: input.status, date: input.date };
}

export interface ImportLine {
  line: number;
  applied: boolean;
  idMasked?: string;
  status?: string;
  error?: string;
}

/**
 * A CSV of medical statuses (header: idNumber,status,date[,note]). Each line is
 * checked and applied on its own: a bad line is reported and never stops the
 * good ones.
 */
export async function importCases(staff: AuthUser, csv: string, deps: HealthDeps): Promise<{ applied: number; refused: number; lines: ImportLine[] }> {
  const rows = readCsvRows(csv, 5000);
  const today = shanghaiDate(deps.clock.now());
  const lines: ImportLine[] = [];
  for (const [index, row] of rows.entries()) {
    const line = index + 2; // the header is line 1
    const parsed = caseBodySchema.safeParse({ idNumber: row.idNumber ?? '', status: row.status ?? '', date: row.date ?? '', ...(row.note ? { note: row.note } : {}) });
    if (!parsed.success) {
      lines.push({ line, applied: false, error: parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') });
      continue;
    }
    if (parsed.data.date > today) {
      lines.push({ line, applied: false, error: 'date: cannot be in the future' });
      continue;
    }
    const idMasked = await applyCase(parsed.data, staff.id, 'csv', deps);
    lines.push({ line, applied: true, idMasked, status: parsed.data.status });
  }
  const applied = lines.filter((l) => l.applied).length;
  return { applied, refused: lines.length - applied, lines };
}

export async function listCases(page: number, pageSize: number, idNumber: string | undefined, deps: HealthDeps) {
  const filter = idNumber ? { idHash: identityFields(idNumber, deps.idKey).idHash } : {};
  const [items, total] = await Promise.all([
    MedicalCaseModel.find(filter).sort({ createdAt: -1 }).skip((page - 1) * pageSize).limit(pageSize).lean(),
    MedicalCaseModel.countDocuments(filter),
  ]);
  return {
    items: items.map((c) => ({ id: String(c._id), idMasked: c.idMasked, status: c.status, date: c.date, note: c.note, source: c.source, createdAt: c.createdAt.toISOString() })),
    total,
    page,
    pageSize,
  };
}

export async function listRiskRegions() {
  const regions = await RiskRegionModel.find().sort({ code: 1 }).lean();
  return { regions: regions.map(({ code, name, level, since }) => ({ code, name, level, since })) };
}

/** Replaces the list: upserts each region, then removes those no longer listed. */
export async function replaceRiskRegions(regions: Array<{ code: string; name: string; level: 'low' | 'medium' | 'high'; since: string }>) {
  const codes = new Set(regions.map((r) => r.code));
  if (codes.size !== regions.length) throw new AppError('VALIDATION_FAILED', 'A region code is listed twice');
  if (regions.length) {
    await RiskRegionModel.bulkWrite(regions.map((r) => ({ updateOne: { filter: { code: r.code }, update: { $set: r }, upsert: true } })));
  }
  await RiskRegionModel.deleteMany({ code: { $nin: [...codes] } });
  return listRiskRegions();
}

/**
 * One open appeal per resident. The count is for a friendly answer; what
 * decides is the sparse-unique `openFor`, set on the open appeal and unset when
 * it is resolved, so two filings at once make one appeal and one APPEAL_OPEN.
 */
export async function fileAppeal(user: AuthUser, reason: string, deps: HealthDeps) {
  const alreadyOpen = () => new AppError('APPEAL_OPEN', 'You already have an open appeal');
  const code = await currentCode(user, deps);
  const open = await AppealModel.countDocuments({ userId: user.id, status: INITIAL_APPEAL_STATUS });
  if (open > 0) throw alreadyOpen();
  try {
    const appeal = await AppealModel.create({
      userId: user.id,
      colorAtFiling: code.color,
      reason,
      status: INITIAL_APPEAL_STATUS,
      openFor: user.id,
      timeline: [timelineEntry(deps.clock.now(), 'file', undefined, INITIAL_APPEAL_STATUS, user)],
    });
    return appealView(appeal);
  } catch (err) {
    if (isDuplicateKey(err, 'openFor')) throw alreadyOpen();
    throw err;
  }
}

export async function listAppeals(user: AuthUser, status?: string) {
  const filter: Record<string, unknown> = user.role === 'district' ? {} : { userId: new Types.ObjectId(user.id) };
  if (status) filter.status = status;
  const appeals = await AppealModel.find(filter).sort({ createdAt: -1 }).limit(200).lean();
  const identities = await Promise.all(appeals.map((a) => identityOf(String(a.userId))));
  return {
    items: appeals.map((a, i) => ({ ...appealView(a), idMasked: identities[i]?.idMasked, name: identities[i] ? maskName(identities[i]!.name) : undefined })),
  };
}

/**
 * District staff correct the status (a new case record) or explain why it
 * stands: a step of the appeal table. The step is claimed first, so two staff
 * resolving at once cannot both add a correction; should the correction then
 * fail to be written, the table's `reopen` step (the system's) takes the
 * appeal back to open, with its `openFor` key, rather than leave it corrected
 * without its correction.
 */
export async function resolveAppeal(
  staff: AuthUser,
  id: string,
  body: { outcome: 'corrected' | 'explained'; note: string; correction?: { status: MedicalStatus; date: string } },
  deps: HealthDeps,
) {
  const appeal = await AppealModel.findById(id);
  if (!appeal) throw new AppError('NOT_FOUND', 'No such appeal');
  const event = APPEAL_RESOLUTION_EVENT[body.outcome];
  const decision = appealTransition(appeal.status, event, staff.role === 'district' ? ['district'] : []);
  if (!decision.ok) {
    if (decision.refusal === 'FORBIDDEN') throw new AppError('FORBIDDEN', decision.message);
    throw new AppError('CONFLICT', 'This appeal is already resolved', { currentStatus: appeal.status });
  }
  const identity = body.outcome === 'corrected' ? await identityOf(String(appeal.userId)) : undefined;
  if (body.outcome === 'corrected' && !identity) throw new AppError('CONFLICT', 'This resident has no ID number on record to correct');
  const now = deps.clock.now();
  const updated = await applyStep(AppealModel, appeal._id, decision.from, decision.to, {
    set: { resolutionNote: body.note, resolvedBy: staff.id, resolvedAt: now, ...(body.correction ? { correction: body.correction } : {}) },
    // Resolved: the resident may file again.
    unset: ['openFor'],
    entry: timelineEntry(now, event, decision.from, decision.to, staff, body.note),
  });
  if (!updated) throw new AppError('CONFLICT', 'Someone else resolved this appeal first');
  if (identity && body.correction) {
    try {
      await MedicalCaseModel.create({ idHash: identity.idHash, idMasked: identity.idMasked, ...body.correction, note: body.note, setBy: staff.id, source: 'appeal' });
    } catch (err) {
      await reopen(appeal._id, appeal.userId, decision.to, deps.clock.now(), deps.log).catch((reopenErr: unknown) =>
        // E.g. the resident filed a new appeal in between, which now holds `openFor`: the caller still learns the first failure.
        deps.log.error({ appealId: String(appeal._id), err: reopenErr }, 'a corrected appeal whose correction failed could not be reopened'),
      );
      throw err;
    }
  }
  return appealView(updated);
}

/** The compensation: the appeal is open again, as it was before the step, because its correction was not recorded. */
async function reopen(id: Types.ObjectId, userId: Types.ObjectId, from: AppealStatus, now: Date, log: Logger) {
  const decision = appealTransition(from, 'reopen', ['system'], { correctionRecorded: false });
  if (!decision.ok) throw new Error(`the appeal table cannot reopen a ${from} appeal: ${decision.message}`);
  const reopened = await applyStep(AppealModel, id, decision.from, decision.to, {
    set: { openFor: userId },
    unset: ['resolutionNote', 'resolvedBy', 'resolvedAt', 'correction'],
    entry: timelineEntry(now, 'reopen', decision.from, decision.to, 'system', 'the correction could not be recorded'),
  });
  if (!reopened) log.warn({ appealId: String(id) }, 'a corrected appeal whose correction failed had moved on before it could be reopened');
}

function appealView(a: {
  _id: unknown;
  colorAtFiling: string;
  reason: string;
  status: string;
  resolutionNote?: string | null;
  correction?: { status?: string | null; date?: string | null } | null;
  createdAt: Date;
  resolvedAt?: Date | null;
}) {
  return {
    id: String(a._id),
    colorAtFiling: a.colorAtFiling,
    reason: a.reason,
    status: a.status,
    resolutionNote: a.resolutionNote ?? undefined,
    correction: a.correction?.status ? { status: a.correction.status, date: a.correction.date! } : undefined,
    createdAt: a.createdAt.toISOString(),
    resolvedAt: a.resolvedAt?.toISOString(),
  };
}
