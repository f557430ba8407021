import { Types } from 'mongoose';
import {
  acceptBy,
  cellOf,
  COMPLAINT_COUNT_CAP,
  findCategory,
  INITIAL_COMPLAINT_STATUS,
  overdueReason,
  relationsOf,
  transition,
  type ComplaintEvent,
  type ComplaintList,
  type ComplaintStatus,
  type ComplaintView,
  type CreateComplaint,
  type ListComplaintsQuery,
} from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import type { Clock } from '../core/clock';
import { assertOwnPhotos } from '../files/service';
import type { Notifier } from '../notifications/service';
import { Unit } from '../org/org.model';
import { committeeAt, loadCommitteeAreas } from '../org/committee-areas';
import { applyTransition, ComplaintModel, rollUpStep, type ComplaintRecord } from './complaint.model';
import { timelineEntry } from '../workflow/timeline';
import { DUE_FIELDS, listFilter } from './filters';
import { ME_TOO_STATUSES, toComplaintView } from './view';
import { STATUS_WORDS } from './wording';
import { effectsOf } from './step-effects';
import { namedShop, writeShopLink } from './shop-links';
import { regradeShop } from '../shops/service';

/**
 * The complaints capability's public face: the steps its routes call, in the
 * order a matter lives them, and below, what other capabilities may read.
 */

/**
 * What the overview reads: the rollups (rollup.ts: each committee's weekly cohorts and
 * waiting matters, kept by every step), how to read a rollup's past-due matters at a
 * time, and the hotspots.
 */
export { readRollups } from './rollups';
export { overdueAt, type WaitEntry, type Histogram } from './rollup';
export type { RollupView } from './rollup.model';
export { HotspotModel } from './hotspot.model';
/** Recomputes every rollup from the complaints (an upgrade, or data written around the BFF). */
export { rebuildComplaintRollups } from './rollup-rebuild';
/** A shop's linked complaints (street order reads them for its card and grade). */
export { complaintsLinkedToShop } from './shop-links';
/** The complaint records, for Open311's views of them. */
export { ComplaintModel, type ComplaintRecord } from './complaint.model';

export interface ComplaintDeps {
  clock: Clock;
  notifier: Notifier;
  urlSecret: string;
}

const COMPLAINT_LINK = (id: unknown) => `/complaints/pages/detail/index?id=${String(id)}`;

/** Before filing, a resident sees open reports of the same category within 100 m, to add "me too" instead (nearby.ts). */
export { nearby } from './nearby';

/** A resident reports a problem: it lands with the committee whose area holds the location. */
/** Where a report came from: the mini-program, or an Open311 client (named, with its own photo link). */
export type ComplaintOrigin = { channel: 'miniapp' } | { channel: 'open311'; client: { name: string; mediaUrl?: string } };

export async function fileComplaint(user: AuthUser, input: CreateComplaint, deps: ComplaintDeps, origin: ComplaintOrigin = { channel: 'miniapp' }): Promise<ComplaintView> {
  const now = deps.clock.now();
  const photoIds = await assertOwnPhotos(user, input.photoIds);
  const committee = committeeAt(input.location, await loadCommitteeAreas());
  const shop = await namedShop(input.shopId);
  const submitted = new Types.ObjectId();
  const complaint = await ComplaintModel.create({
    reporterId: user.id,
    reporterName: user.displayName,
    category: input.category,
    description: input.description,
    location: input.location,
    cell: cellOf(input.location),
    address: input.address,
    photoIds,
    anonymous: input.anonymous,
    ...(shop ? { shopId: shop.id, shopName: shop.name } : {}),
    committeeId: committee?.id,
    streetId: committee?.streetId,
    status: INITIAL_COMPLAINT_STATUS,
    acceptBy: acceptBy(now),
    timeline: [{ ...timelineEntry(now, 'submit', undefined, INITIAL_COMPLAINT_STATUS, user), _id: submitted }],
    rollupDue: submitted,
    ...origin,
    createdAt: now,
    updatedAt: now,
  });
  await rollUpStep(complaint);
  if (shop) await regradeShop(shop.id, now);
  const receivers = committee ? await staffOf({ role: 'cadre', 'scope.committeeId': committee.id }) : await staffOf({ role: 'district' });
  await deps.notifier.notify(receivers, { title: '新的问题上报', body: `${findCategory(input.category)?.name}：${input.address}`, link: COMPLAINT_LINK(complaint._id) });
  return view(complaint, user, deps);
}

/**
 * A page of the caller's list, newest first (by id: the order of filing), by page
 * number or after a given complaint (`after`: cursor paging, which new filings cannot
 * shift). Two commands: the page, on the index of the list's scope, and a count that
 * stops after COMPLAINT_COUNT_CAP matches (beyond it the list says "1,000+").
 */
export async function listComplaints(user: AuthUser, query: ListComplaintsQuery, deps: ComplaintDeps): Promise<ComplaintList> {
  const now = deps.clock.now();
  const filter = listFilter(user, query, now);
  const page = query.after ? { ...filter, _id: { $lt: new Types.ObjectId(query.after) } } : filter;
  const [items, counted] = await Promise.all([
    ComplaintModel.find(page, { timeline: 0, meTooUserIds: 0 })
      .sort({ _id: -1 })
      .skip(query.after ? 0 : (query.page - 1) * query.pageSize)
      .limit(query.pageSize),
    ComplaintModel.countDocuments(filter, { limit: COMPLAINT_COUNT_CAP + 1 }),
  ]);
  const listed = items.map((c) => {
    const { timeline: _omit, ...rest } = toComplaintView(c, user, now, deps.urlSecret);
    return rest;
  });
  return { items: listed, page: query.page, pageSize: query.pageSize, total: Math.min(counted, COMPLAINT_COUNT_CAP), totalCapped: counted > COMPLAINT_COUNT_CAP };
}

export async function getComplaint(user: AuthUser, id: string, deps: ComplaintDeps): Promise<ComplaintView> {
  return view(await loadVisible(user, id), user, deps);
}

/** Steps of the workflow, each applied with one conditional update on the status it was read in. */
export async function act(
  user: AuthUser,
  id: string,
  event: Exclude<ComplaintEvent, 'autoClose' | 'autoArchive'>,
  body: Record<string, unknown>,
  deps: ComplaintDeps,
): Promise<ComplaintView> {
  const now = deps.clock.now();
  const complaint = await loadVisible(user, id);
  const relations = relationsOf(user, partiesOf(complaint));
  const stars = typeof body.stars === 'number' ? body.stars : undefined;
  const decision = transition(complaint.status, event, relations, { stars });
  if (!decision.ok) {
    if (decision.refusal === 'FORBIDDEN') throw new AppError('FORBIDDEN', decision.message);
    if (decision.refusal === 'GUARD_FAILED') throw new AppError('VALIDATION_FAILED', decision.message);
    throw new AppError('CONFLICT', decision.message, { currentStatus: complaint.status });
  }
  const write = await effectsOf(event, decision.to, complaint, body, user, now);
  const updated = await applyTransition(complaint._id, decision.from, decision.to, write);
  if (!updated) {
    const current = await ComplaintModel.findById(complaint._id, { status: 1 }).lean();
    throw new AppError('CONFLICT', 'Someone else acted on this complaint first', { currentStatus: current?.status });
  }
  await tellParties(updated, decision.from, decision.to, deps);
  return view(updated, user, deps);
}

/** District staff urge (催办) a matter whose red light is on; the waiting party is told. */
export async function urge(user: AuthUser, id: string, note: string | undefined, deps: ComplaintDeps): Promise<ComplaintView> {
  const now = deps.clock.now();
  const c = await loadVisible(user, id);
  const reason = overdueReason({ status: c.status, acceptBy: c.acceptBy, dispatchBy: c.dispatchBy, deadline: c.deadline }, now);
  const due = DUE_FIELDS.find((d) => d.status === c.status);
  if (!reason || !due) throw new AppError('CONFLICT', 'Only an overdue matter can be urged', { currentStatus: c.status });
  const entryId = new Types.ObjectId();
  const updated = await ComplaintModel.findOneAndUpdate(
    // Still red when the write lands: the status alone would let an urge through on a matter
    // resolved and reopened in between (same status, fresh deadline).
    { _id: c._id, status: c.status, [due.field]: { $lt: now } },
    {
      $inc: { urgeCount: 1 },
      // The overview lists the longest past due with their urge counts: the rollup follows (complaint.model.ts).
      $set: { rollupDue: entryId },
      $push: { timeline: { _id: entryId, at: now, actorId: new Types.ObjectId(user.id), actorName: user.displayName, role: user.role, action: 'urge', note } },
    },
    { new: true },
  );
  if (!updated) throw new AppError('CONFLICT', 'The complaint moved on while you urged it', { currentStatus: (await ComplaintModel.findById(c._id))?.status });
  await rollUpStep(updated);
  const waiting =
    c.status === 'dispatched' && c.unitId
      ? await staffOf({ role: 'handler', 'scope.unitId': c.unitId })
      : c.committeeId
        ? await staffOf({ role: 'cadre', 'scope.committeeId': c.committeeId })
        : [];
  await deps.notifier.notify(waiting, { title: '督办提醒', body: `${findCategory(c.category)?.name}：${c.address} 已超期，请尽快办理`, link: COMPLAINT_LINK(c._id) });
  return view(updated, user, deps);
}

/** A neighbour adds "me too" to an open report instead of filing a duplicate; once each. */
export async function meToo(user: AuthUser, id: string, deps: ComplaintDeps): Promise<{ meTooCount: number }> {
  const now = deps.clock.now();
  const userId = new Types.ObjectId(user.id);
  const updated = await ComplaintModel.findOneAndUpdate(
    { _id: id, status: { $in: ME_TOO_STATUSES }, reporterId: { $ne: userId }, meTooUserIds: { $ne: userId } },
    {
      $addToSet: { meTooUserIds: userId },
      $inc: { meTooCount: 1 },
      $push: { timeline: { at: now, actorId: userId, actorName: user.displayName, role: user.role, action: 'metoo' } },
    },
    { new: true, projection: { meTooCount: 1 } },
  );
  if (updated) return { meTooCount: updated.meTooCount };
  const c = await ComplaintModel.findById(id, { status: 1, reporterId: 1, meTooUserIds: 1 }).lean();
  if (!c) throw new AppError('NOT_FOUND', 'No such complaint');
  if (String(c.reporterId) === user.id) throw new AppError('CONFLICT', 'This is your own report');
  if (c.meTooUserIds.some((u) => String(u) === user.id)) throw new AppError('CONFLICT', 'You already added "me too" to this report');
  throw new AppError('CONFLICT', 'This report is no longer open', { currentStatus: c.status });
}

/** The handling unit links the matter to a street shop, corrects the link, or clears it (shop-links.ts). */
export async function linkShop(user: AuthUser, id: string, shopId: string | null, deps: ComplaintDeps): Promise<ComplaintView> {
  const c = await loadVisible(user, id);
  return view(await writeShopLink(user, c, shopId, deps.clock.now()), user, deps);
}

// ——— helpers ———

const partiesOf = (c: ComplaintRecord) => ({
  reporterId: String(c.reporterId),
  committeeId: c.committeeId ? String(c.committeeId) : undefined,
  unitId: c.unitId ? String(c.unitId) : undefined,
});

/** Loads a complaint the user may see: 404 when there is none, 403 when it is someone else's. */
async function loadVisible(user: AuthUser, id: string): Promise<ComplaintRecord> {
  const c = await ComplaintModel.findById(id);
  if (!c) throw new AppError('NOT_FOUND', 'No such complaint');
  if (user.role !== 'district' && relationsOf(user, partiesOf(c)).length === 0) {
    throw new AppError('FORBIDDEN', 'This complaint is outside what you may see');
  }
  return c;
}

async function staffOf(filter: Record<string, unknown>): Promise<string[]> {
  return (await UserModel.find({ ...filter, disabled: { $ne: true } }, { _id: 1 }).lean()).map((u) => String(u._id));
}

async function view(c: ComplaintRecord, user: AuthUser, deps: ComplaintDeps): Promise<ComplaintView> {
  const unit = await Unit.findOne({ categories: c.category }, { _id: 1 }).lean();
  return toComplaintView(c, user, deps.clock.now(), deps.urlSecret, unit ? String(unit._id) : undefined);
}

/** The reporter hears of every step; a unit hears when a matter reaches it. */
async function tellParties(c: ComplaintRecord, from: ComplaintStatus, to: ComplaintStatus, deps: ComplaintDeps): Promise<void> {
  const link = COMPLAINT_LINK(c._id);
  const name = findCategory(c.category)?.name ?? c.category;
  await deps.notifier.notify([c.reporterId], { title: `您的反映已${STATUS_WORDS[to]}`, body: `${name}：${c.address}`, link });
  if (to === 'dispatched' && c.unitId) {
    const title = from === 'resolved' ? '居民不满意，问题已退回重办' : '新的派单';
    await deps.notifier.notify(await staffOf({ role: 'handler', 'scope.unitId': c.unitId }), { title, body: `${name}：${c.address}`, link });
  }
}
