import { Types } from 'mongoose';
import { APPEAL_RESOLUTION_EVENT, appealTransition, INITIAL_APPEAL_STATUS, maskName, type AppealStatus, type MedicalStatus } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import type { Logger } from '../core/logger';
import { isDuplicateKey } from '../db/duplicate-key';
import { identityOf } from '../residents/identity';
import { applyStep } from '../workflow/apply-step';
import { timelineEntry } from '../workflow/timeline';
import { markOutOfDate } from './code-state';
import { currentCode, recomputeHealthCode } from './current-code';
import { AppealModel, MedicalCaseModel } from './health-code.model';
import type { HealthDeps } from './service';

/** Appeals: a resident who thinks their colour is wrong files one; district staff correct the status or explain why it stands. */

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
  if (body.outcome === 'corrected' && !identity) throw new AppError('NO_ID_NUMBER_ON_RECORD', 'This resident has no ID number on record to correct');
  const now = deps.clock.now();
  const updated = await applyStep(AppealModel, appeal._id, decision.from, decision.to, {
    set: { resolutionNote: body.note, resolvedBy: staff.id, resolvedAt: now, ...(body.correction ? { correction: body.correction } : {}) },
    // Resolved: the resident may file again.
    unset: ['openFor'],
    entry: timelineEntry(now, event, decision.from, decision.to, staff, body.note),
  });
  if (!updated) throw new AppError('CONFLICT', 'Someone else resolved this appeal first');
  if (identity && body.correction) {
    await markOutOfDate({ userId: String(appeal.userId) });
    try {
      await MedicalCaseModel.create({ idHash: identity.idHash, idMasked: identity.idMasked, ...body.correction, note: body.note, setBy: staff.id, source: 'appeal' });
    } catch (err) {
      await reopen(appeal._id, appeal.userId, decision.to, deps.clock.now(), deps.log).catch((reopenErr: unknown) =>
        // E.g. the resident filed a new appeal in between, which now holds `openFor`: the caller still learns the first failure.
        deps.log.error({ appealId: String(appeal._id), err: reopenErr }, 'a corrected appeal whose correction failed could not be reopened'),
      );
      throw err;
    }
    await recomputeHealthCode(String(appeal.userId), deps.clock.now());
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
