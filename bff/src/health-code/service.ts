import { addDays, caseBodySchema, QUARANTINE_DAYS, shanghaiDate, type VerifyResponse } from '@sqtb/shared';
import type { z } from 'zod';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { readCsvRows } from '../core/csv';
import type { Clock } from '../core/clock';
import type { KeyRing } from '../core/keys';
import type { Logger } from '../core/logger';
import { identityFields, identityOf } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import { markOutOfDate } from './code-state';
import { recomputeByIdHash, recomputeHealthCode, signedCode } from './current-code';
import { DeclarationModel, insertScan, MedicalCaseModel, RiskRegionModel } from './health-code.model';
import { verifyHealthToken } from './token';

/**
 * The health code's public face, in the order it is used: a resident declares
 * and is shown their code; a gate verifies it; staff record medical statuses
 * and keep the risk regions; a resident who thinks the colour wrong appeals,
 * and district staff resolve the appeal (appeals.ts). Other capabilities read
 * a colour here (filings: an employee's; the overview: every resident's).
 *
 * The code is kept as a stored state per resident (code-state.ts):
 * every change to a resident's records marks their state out of date, is
 * written, and then works the state out again (`recomputeHealthCode`), so
 * that issuing a code reads one document. A capability that changes who a
 * resident is (registration claiming an ID number) calls `recomputeHealthCode`
 * after its write.
 */
export { colorByIdHash, currentCode, healthInputs, recomputeHealthCode } from './current-code';
export { fileAppeal, listAppeals, resolveAppeal } from './appeals';
export { AppealModel, DeclarationModel, MedicalCaseModel, RiskRegionModel } from './health-code.model';

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
  await markOutOfDate({ userId: user.id });
  await DeclarationModel.create({ userId: user.id, date: today, ...body, createdAt: now, updatedAt: now });
  return signedCode(user, await recomputeHealthCode(user.id, now), now, deps);
}

/** A gate checks a code; the scan is logged without the token. */
export async function verifyScan(scanner: AuthUser, token: string, place: string | undefined, deps: HealthDeps): Promise<VerifyResponse> {
  const { kid, ...result } = await verifyHealthToken(deps.keys, token, deps.clock.now());
  await insertScan({
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

/**
 * One medical status record: a single insert, so it is applied whole or not at
 * all; the code of the resident holding that ID number is then worked out again.
 */
async function applyCase(input: CaseInput, setBy: string, source: 'form' | 'csv' | 'appeal', deps: HealthDeps) {
  const fields = identityFields(input.idNumber, deps.idKey);
  await markOutOfDate({ idHash: fields.idHash });
  await MedicalCaseModel.create({ ...fields, status: input.status, date: input.date, note: input.note, setBy, source });
  await recomputeByIdHash(fields.idHash, deps.clock.now());
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

/**
 * For place codes (places/contacts.ts): a medical status record by id, with
 * the resident holding its ID number (none when nobody has claimed it), or
 * null when there is no such record.
 */
export async function caseSubject(caseId: string): Promise<{ id: string; status: string; date: string; userId?: string } | null> {
  const record = await MedicalCaseModel.findById(caseId, { idHash: 1, status: 1, date: 1 }).lean();
  if (!record) return null;
  const identity = await ResidentIdentity.findOne({ idHash: record.idHash }, { userId: 1 }).lean();
  return { id: String(record._id), status: record.status, date: record.date, ...(identity ? { userId: String(identity.userId) } : {}) };
}

/**
 * For place codes (places/contacts.ts): district staff confirmed a resident
 * as a close contact found from visits. A `close_contact` status dated today,
 * source `visits`, and their code worked out again (red). False, and nothing
 * written, when the resident has no ID number on record (statuses are kept by ID number).
 */
export async function setCloseContactFromVisits(userId: string, staff: AuthUser, note: string, deps: Pick<HealthDeps, 'clock'>): Promise<boolean> {
  const identity = await identityOf(userId);
  if (!identity) return false;
  await markOutOfDate({ userId });
  await MedicalCaseModel.create({ idHash: identity.idHash, idMasked: identity.idMasked, status: 'close_contact', date: shanghaiDate(deps.clock.now()), note, setBy: staff.id, source: 'visits' });
  await recomputeHealthCode(userId, deps.clock.now());
  return true;
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

type RiskRegion = { code: string; name: string; level: 'low' | 'medium' | 'high'; since: string };

/**
 * Replaces the list: upserts each region, then removes those no longer listed.
 * The codes of residents who travelled to a changed region within the rules'
 * look-back window are worked out again: marked out of date before the write
 * (so a recompute lost to a crash is healed at their next issue), and
 * recomputed after it, found again then so that a trip declared meanwhile is
 * not missed. A trip declared after that search is recomputed by its own
 * declaration, which reads the new list.
 */
export async function replaceRiskRegions(regions: RiskRegion[], deps: Pick<HealthDeps, 'clock'>) {
  const codes = new Set(regions.map((r) => r.code));
  if (codes.size !== regions.length) throw new AppError('VALIDATION_FAILED', 'A region code is listed twice');
  const changed = changedCodes(await RiskRegionModel.find().lean(), regions);
  const travellers = () => (changed.length ? travellersTo(changed, shanghaiDate(deps.clock.now())) : Promise.resolve([]));
  const before = await travellers();
  if (before.length) await markOutOfDate({ userId: { $in: before } });
  if (regions.length) {
    await RiskRegionModel.bulkWrite(regions.map((r) => ({ updateOne: { filter: { code: r.code }, update: { $set: r }, upsert: true } })));
  }
  await RiskRegionModel.deleteMany({ code: { $nin: [...codes] } });
  const after = await travellers();
  await inBatches([...new Set([...before, ...after])], 4, (userId) => recomputeHealthCode(userId, deps.clock.now()));
  return listRiskRegions();
}

/** Codes added, removed, or with another level, start date or name. */
function changedCodes(before: RiskRegion[], after: RiskRegion[]): string[] {
  const old = new Map(before.map((r) => [r.code, r]));
  const changed = after.filter((r) => {
    const was = old.get(r.code);
    old.delete(r.code);
    return !was || was.level !== r.level || was.since !== r.since || was.name !== r.name;
  });
  return [...changed.map((r) => r.code), ...old.keys()];
}

/**
 * Residents with a trip to one of these regions that the rules still look at
 * (a trip counts for QUARANTINE_DAYS from its date, and is declared on or
 * after it): bounded by two weeks of declarations, not by the whole district.
 */
async function travellersTo(codes: string[], today: string): Promise<string[]> {
  const from = addDays(today, -QUARANTINE_DAYS);
  const declarations = await DeclarationModel.find({ date: { $gte: from }, travel: { $elemMatch: { region: { $in: codes }, date: { $gte: from } } } }, { userId: 1 }).lean();
  return [...new Set(declarations.map((d) => String(d.userId)))];
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

