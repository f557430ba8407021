import { Types } from 'mongoose';
import {
  availableFilingEvents,
  filingTransition,
  INITIAL_FILING_STATUS,
  maskCreditCode,
  maskName,
  maskPhone,
  rosterEntrySchema,
  shanghaiDate,
  type FilingActor,
  type FilingBody,
  type FilingContext,
  type FilingEvent,
  type FilingSummary,
  type FilingView,
} from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { verifiedPhoneOf } from '../accounts/service';
import { AppError } from '../core/app-error';
import { readCsvRows } from '../core/csv';
import type { Clock } from '../core/clock';
import { colorByIdHash } from '../health-code/service';
import { placeForApprovedFiling, revokePlaceOf } from '../places/service';
import { Committee, Enterprise } from '../org/org.model';
import { identityFields } from '../residents/identity';
import { applyStep } from '../workflow/apply-step';
import { timelineEntry } from '../workflow/timeline';
import { DailyReportModel, FilingModel } from './filing.model';
import { isDuplicateKey } from '../db/duplicate-key';

/** What other capabilities read (the overview): the records themselves, and `missingToday` below. */
export { DailyReportModel, FilingModel } from './filing.model';

export interface FilingDeps {
  clock: Clock;
  idKey: string;
}

type FilingRecord = InstanceType<typeof FilingModel>;
/** Daily reports are due by 10:00 Shanghai time. */
const REPORT_DUE_HOUR = 10;

function rosterOf(body: FilingBody, idKey: string) {
  const roster = body.roster.map((e) => ({ name: e.name, phone: e.phone, ...identityFields(e.idNumber, idKey) }));
  if (new Set(roster.map((e) => e.idHash)).size !== roster.length) throw new AppError('VALIDATION_FAILED', 'The roster lists the same ID number twice', { field: 'roster' });
  return roster;
}

/**
 * The filing's company fields. The credit code must be the enterprise's own, and
 * the reviewing committee the enterprise's own, where its record has them: an
 * enterprise may not send its filing to a committee of its choosing.
 */
async function companyFields(body: FilingBody, idKey: string, enterpriseId: unknown, filer: AuthUser) {
  // The contact's phone as typed, or else the number WeChat vouched for (getPhoneNumber → POST /api/me/phone).
  const contactPhone = body.contactPhone ?? (await verifiedPhoneOf(filer.id));
  if (!contactPhone) throw new AppError('VALIDATION_FAILED', 'Give a contact phone, or verify your number with WeChat first', { field: 'contactPhone' });
  const enterprise = await Enterprise.findById(enterpriseId, { creditCode: 1, committeeId: 1 }).lean();
  if (enterprise?.creditCode && enterprise.creditCode.toUpperCase() !== body.creditCode.toUpperCase())
    throw new AppError('FORBIDDEN', 'The credit code is not that of your enterprise', { field: 'creditCode' });
  if (enterprise?.committeeId && String(enterprise.committeeId) !== body.committeeId)
    throw new AppError('FORBIDDEN', 'Your enterprise is reviewed by its own committee', { field: 'committeeId', committeeId: String(enterprise.committeeId) });
  const committee = await Committee.findById(body.committeeId);
  if (!committee) throw new AppError('VALIDATION_FAILED', 'No such committee', { field: 'committeeId' });
  const { roster: _roster, committeeId: _committeeId, ...rest } = body;
  return { ...rest, contactPhone, committeeId: committee._id, streetId: committee.streetId, openCreditCode: body.creditCode, roster: rosterOf(body, idKey) };
}

const alreadyOpen = () => new AppError('CONFLICT', 'This enterprise already has an open filing (submitted, returned or approved)');

/** An enterprise files to reopen: company, plan, commitment and roster, reviewed by its committee. */
export async function fileFiling(user: AuthUser, body: FilingBody, deps: FilingDeps): Promise<FilingView> {
  if (!user.scope.enterpriseId) throw new AppError('FORBIDDEN', 'Your account is not attached to an enterprise');
  const now = deps.clock.now();
  try {
    const filing = await FilingModel.create({
      ...(await companyFields(body, deps.idKey, user.scope.enterpriseId, user)),
      enterpriseId: user.scope.enterpriseId,
      filedBy: user.id,
      status: INITIAL_FILING_STATUS,
      submittedAt: now,
      timeline: [timelineEntry(now, 'submit', undefined, INITIAL_FILING_STATUS, user)],
    });
    return view(filing, user, deps);
  } catch (err) {
    if (isDuplicateKey(err)) throw alreadyOpen();
    throw err;
  }
}

/** The condition that the filing is still at the revision it was read in; a filing stored before revisions existed reads as 1 and has none. */
const sameRevision = (filing: FilingRecord) => (filing.revision === 1 ? { $in: [1, null] } : filing.revision);

function actorsOf(user: AuthUser, filing: FilingRecord): FilingActor[] {
  const actors: FilingActor[] = [];
  if (user.role === 'enterprise' && String(filing.enterpriseId) === user.scope.enterpriseId) actors.push('owner');
  if (user.role === 'district' || (user.role === 'cadre' && String(filing.committeeId) === user.scope.committeeId)) actors.push('reviewer');
  if (user.role === 'district') actors.push('district');
  return actors;
}

async function loadVisible(user: AuthUser, id: string) {
  const filing = await FilingModel.findById(id);
  if (!filing) throw new AppError('NOT_FOUND', 'No such filing');
  if (actorsOf(user, filing).length === 0) throw new AppError('FORBIDDEN', 'This filing is outside your area');
  return filing;
}

/**
 * One step of the filing table, applied by `applyStep` on the status it was
 * read in. The table decides (who, from where, the named guard); a refusal
 * keeps its code, a failed guard is a 409 carrying `guardDetails`.
 */
async function move(
  filing: FilingRecord,
  user: AuthUser,
  event: FilingEvent,
  write: { set?: Record<string, unknown>; unset?: string[]; inc?: Record<string, number>; note?: string; context?: FilingContext; guardDetails?: Record<string, unknown> },
  now: Date,
) {
  const decision = filingTransition(filing.status, event, actorsOf(user, filing), write.context);
  if (!decision.ok) {
    if (decision.refusal === 'GUARD_FAILED') throw new AppError('CONFLICT', decision.message, { currentStatus: filing.status, ...write.guardDetails });
    throw new AppError(decision.refusal, decision.message, { currentStatus: filing.status });
  }
  try {
    const entry = timelineEntry(now, event, decision.from, decision.to, user, write.note);
    // Conditional on the revision it read too: a decision never lands on content that changed under it.
    const also = { revision: sameRevision(filing) };
    const updated = await applyStep(FilingModel, filing._id, decision.from, decision.to, { set: write.set, unset: write.unset, inc: write.inc, entry, also });
    if (!updated) throw new AppError('CONFLICT', 'Someone else acted on this filing first', { currentStatus: (await FilingModel.findById(filing._id))?.status });
    return updated;
  } catch (err) {
    if (isDuplicateKey(err)) throw alreadyOpen();
    throw err;
  }
}

/** The reviewer decides; approval needs every returning employee off red (the table's guard). */
export async function review(user: AuthUser, id: string, event: 'approve' | 'return' | 'reject' | 'revoke', decision: { note?: string; revision?: number }, deps: FilingDeps): Promise<FilingView> {
  const now = deps.clock.now();
  const { note, revision } = decision;
  const filing = await loadVisible(user, id);
  if (revision !== undefined && revision !== filing.revision) {
    throw new AppError('CONFLICT', 'The filing has changed since you opened it: read it again before deciding', { currentStatus: filing.status, currentRevision: filing.revision });
  }
  let approval: { context: FilingContext; guardDetails: Record<string, unknown> } | undefined;
  if (event === 'approve' && filing.status === 'submitted') {
    const colors = await Promise.all(filing.roster.map((e) => colorByIdHash(e.idHash, now)));
    const red = filing.roster.filter((_, i) => colors[i] === 'red').map((e) => ({ name: maskName(e.name), idMasked: e.idMasked }));
    approval = { context: { redEmployees: red.length }, guardDetails: { redEmployees: red } };
  }
  const set = { return: { returnNote: note, decidedAt: now }, reject: { rejectReason: note, decidedAt: now }, revoke: { revokeReason: note }, approve: { decidedAt: now } }[event];
  // A rejected or revoked filing is closed: its credit code may file again.
  const closes = event === 'reject' || event === 'revoke';
  const updated = await move(filing, user, event, { set, unset: closes ? ['openCreditCode'] : [], note, ...approval }, now);
  // A revoked approval revokes the enterprise's place: its code is refused at the door from now on.
  if (updated.status === 'revoked') await revokePlaceOf('enterprise', String(updated.enterpriseId), note ?? 'filing revoked', now);
  // Place codes: an approved filing makes (or brings back) its enterprise's place. After the write; a lost one is made by the places.sync job.
  if (updated.status === 'approved') await placeForApprovedFiling(updated, now);
  return view(updated, user, deps);
}

/** The enterprise amends a returned filing; it goes back to the reviewer. */
export async function amend(user: AuthUser, id: string, body: FilingBody, deps: FilingDeps): Promise<FilingView> {
  const now = deps.clock.now();
  const filing = await loadVisible(user, id);
  const set = { ...(await companyFields(body, deps.idKey, filing.enterpriseId, user)), submittedAt: now };
  const updated = await move(filing, user, 'amend', { set, unset: ['returnNote', 'decidedAt'], inc: { revision: 1 } }, now);
  return view(updated, user, deps);
}

/** Adds employees from a CSV (name,phone,idNumber), line by line, while the filing can still change. */
export async function importRoster(user: AuthUser, id: string, csv: string, deps: FilingDeps) {
  const filing = await loadVisible(user, id);
  if (!actorsOf(user, filing).includes('owner')) throw new AppError('FORBIDDEN', 'Only the enterprise edits its roster');
  const rows = readCsvRows(csv, 2000);
  const known = new Set(filing.roster.map((e) => e.idHash));
  const lines: Array<{ line: number; applied: boolean; idMasked?: string; error?: string }> = [];
  const additions: Array<{ name: string; phone: string; idHash: string; idMasked: string }> = [];
  for (const [i, row] of rows.entries()) {
    const parsed = rosterEntrySchema.safeParse({ name: row.name ?? '', phone: row.phone ?? '', idNumber: row.idNumber ?? '' });
    if (!parsed.success) {
      lines.push({ line: i + 2, applied: false, error: parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') });
      continue;
    }
    const entry = { name: parsed.data.name, phone: parsed.data.phone, ...identityFields(parsed.data.idNumber, deps.idKey) };
    if (known.has(entry.idHash)) {
      lines.push({ line: i + 2, applied: false, idMasked: entry.idMasked, error: 'already on the roster' });
      continue;
    }
    known.add(entry.idHash);
    additions.push(entry);
    lines.push({ line: i + 2, applied: true, idMasked: entry.idMasked });
  }
  if (additions.length) {
    // One update for every good line: they are added together or not at all.
    // Conditional on the revision the duplicate check read: two uploads at once, or an upload and an amendment, cannot both land.
    const updated = await FilingModel.updateOne(
      { _id: filing._id, status: { $in: ['submitted', 'returned'] }, revision: sameRevision(filing) },
      { $push: { roster: { $each: additions } }, $inc: { revision: 1 } },
    );
    if (updated.modifiedCount === 0) {
      const current = await FilingModel.findById(filing._id, { status: 1 }).lean();
      const decided = current?.status !== 'submitted' && current?.status !== 'returned';
      throw new AppError('CONFLICT', decided ? 'The roster of a decided filing cannot change' : 'The filing changed while the roster was being read: upload it again', { currentStatus: current?.status });
    }
  }
  return { added: additions.length, refused: lines.length - additions.length, lines };
}

export async function listFilings(user: AuthUser, query: { status?: string; streetId?: string; from?: string; to?: string; page: number; pageSize: number }, deps: FilingDeps) {
  const filter: Record<string, unknown> = {};
  if (user.role === 'enterprise') filter.enterpriseId = new Types.ObjectId(user.scope.enterpriseId ?? '000000000000000000000000');
  if (user.role === 'cadre') filter.committeeId = new Types.ObjectId(user.scope.committeeId ?? '000000000000000000000000');
  if (query.status) filter.status = query.status;
  if (query.streetId) filter.streetId = new Types.ObjectId(query.streetId);
  if (query.from || query.to) {
    filter.submittedAt = { ...(query.from ? { $gte: new Date(`${query.from}T00:00:00+08:00`) } : {}), ...(query.to ? { $lt: new Date(Date.parse(`${query.to}T00:00:00+08:00`) + 86_400_000) } : {}) };
  }
  const [items, total] = await Promise.all([
    FilingModel.find(filter, { timeline: 0, plan: 0 }).sort({ submittedAt: -1 }).skip((query.page - 1) * query.pageSize).limit(query.pageSize),
    FilingModel.countDocuments(filter),
  ]);
  const now = deps.clock.now();
  return { items: await Promise.all(items.map((f) => summary(f, now))), total, page: query.page, pageSize: query.pageSize };
}

export async function getFiling(user: AuthUser, id: string, deps: FilingDeps): Promise<FilingView> {
  return view(await loadVisible(user, id), user, deps);
}

/** 零报告: the enterprise reports headcount and fever cases for a day, once. */
export async function reportDay(user: AuthUser, id: string, body: { date: string; onSite: number; feverCases: number; note?: string }, deps: FilingDeps) {
  const filing = await loadVisible(user, id);
  if (!actorsOf(user, filing).includes('owner')) throw new AppError('FORBIDDEN', 'Only the enterprise reports for itself');
  if (filing.status !== 'approved') throw new AppError('CONFLICT', 'Daily reports start once the filing is approved', { currentStatus: filing.status });
  if (body.date > shanghaiDate(deps.clock.now())) throw new AppError('VALIDATION_FAILED', 'The date cannot be in the future', { field: 'date' });
  if (filing.decidedAt && body.date < shanghaiDate(filing.decidedAt)) throw new AppError('VALIDATION_FAILED', 'The date is before the filing was approved', { field: 'date' });
  try {
    const report = await DailyReportModel.create({ filingId: filing._id, ...body, reportedBy: user.id });
    return { id: String(report._id), date: report.date, onSite: report.onSite, feverCases: report.feverCases, note: report.note ?? undefined };
  } catch (err) {
    if (isDuplicateKey(err)) throw new AppError('CONFLICT', `The report for ${body.date} was already sent`);
    throw err;
  }
}

export async function listReports(user: AuthUser, id: string) {
  const filing = await loadVisible(user, id);
  const reports = await DailyReportModel.find({ filingId: filing._id }).sort({ date: -1 }).limit(60).lean();
  return { items: reports.map((r) => ({ id: String(r._id), date: r.date, onSite: r.onSite, feverCases: r.feverCases, note: r.note ?? undefined })) };
}

/** Whether today's report is missing: an approved filing, reopened, past 10:00 Shanghai time, no report yet. */
export function missingToday(f: Pick<FilingRecord, 'status' | 'reopenDate'>, today: string, now: Date, reportedToday: boolean): boolean {
  const shanghaiHour = new Date(now.getTime() + 8 * 3_600_000).getUTCHours();
  return f.status === 'approved' && f.reopenDate <= today && shanghaiHour >= REPORT_DUE_HOUR && !reportedToday;
}

async function summary(f: FilingRecord, now: Date): Promise<FilingSummary> {
  const today = shanghaiDate(now);
  const latest = await DailyReportModel.findOne({ filingId: f._id }).sort({ date: -1 }).lean();
  return {
    id: String(f._id),
    enterpriseName: f.enterpriseName,
    creditCodeMasked: maskCreditCode(f.creditCode),
    status: f.status,
    committeeId: String(f.committeeId),
    streetId: f.streetId ? String(f.streetId) : undefined,
    reopenDate: f.reopenDate,
    submittedAt: f.submittedAt.toISOString(),
    decidedAt: f.decidedAt?.toISOString(),
    rosterCount: f.roster.length,
    latestReport: latest ? { date: latest.date, onSite: latest.onSite, feverCases: latest.feverCases } : undefined,
    missingToday: missingToday(f, today, now, latest?.date === today),
    feverToday: latest?.date === today && latest.feverCases > 0,
  };
}

async function view(f: FilingRecord, user: AuthUser, deps: FilingDeps): Promise<FilingView> {
  const now = deps.clock.now();
  const colors = await Promise.all(f.roster.map((e) => colorByIdHash(e.idHash, now)));
  return {
    ...(await summary(f, now)),
    revision: f.revision,
    address: f.address,
    contactName: f.contactName,
    contactPhoneMasked: maskPhone(f.contactPhone),
    plan: { text: f.plan!.text },
    suppliesDays: f.suppliesDays,
    isolationRoom: f.isolationRoom,
    commitment: f.commitment,
    roster: f.roster.map((e, i) => ({ name: e.name, phoneMasked: maskPhone(e.phone), idMasked: e.idMasked, healthColor: colors[i] })),
    timeline: f.timeline.map((e) => ({ at: e.at!.toISOString(), actorName: e.actorName ?? undefined, role: e.role!, action: e.action!, from: e.from ?? undefined, to: e.to ?? undefined, note: e.note ?? undefined })),
    returnNote: f.returnNote ?? undefined,
    rejectReason: f.rejectReason ?? undefined,
    revokeReason: f.revokeReason ?? undefined,
    actions: availableFilingEvents(f.status, actorsOf(user, f)),
  };
}
