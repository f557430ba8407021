import { shanghaiDate, UNATTACHED_ALERT_DAYS, UNATTACHED_ALERTS_MAX, type CreateInspection, type CreateShop, type InspectionReply, type ShopDetail, type ShopGrade, type ShopList, type ShopListQuery, type ShopView, type UnattachedAlertList } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import type { Clock } from '../core/clock';
import { ownUnit } from '../core/viewer-scope';
import { complaintsLinkedToShop } from '../complaints/service';
import { assertOwnPhotos } from '../files/service';
import { Unit } from '../org/org.model';
import { PatrolAlertModel } from './alert.model';
import { loadCommitteeAreas } from '../org/committee-areas';
import { markOutOfDate, regrade } from './grading';
import { InspectionModel, type InspectionRecord } from './inspection.model';
import { registerShop } from './register';
import { assertMaySee, shopScope } from './scope';
import { ShopModel, type ShopRecord } from './shop.model';
import { toAlertView, toGradeChange, toInspectionView, toShopView } from './view';

/**
 * Street order's public face (街面秩序, 挂图作战 颜色管理): district staff keep
 * a register of street shops; handling units and district staff inspect them;
 * patrol vehicles' alerts are imported; every shop carries a grade (high,
 * medium, low) from the shared rule `gradeShop`, kept by grading.ts. Other
 * capabilities call `regradeShop` after changing an input of a shop's grade
 * (the complaints side, when it links a complaint to a shop).
 */
export { importAlerts, importShops } from './imports';
export { patrolList } from './patrol';
export { emptyShopCounts, shopCountsByCommittee, type ShopCounts } from './overview-figures';
/** Complaints name shops: those near a reported place, and one by its id. */
export { shopsNear, shopRef } from './nearby';

export interface ShopDeps {
  clock: Clock;
}

/** A shop card shows this many of the latest inspections and alerts. */
export const SHOP_CARD_LATEST = 20;

/**
 * Works the shop's grade out again at `now` (after a complaint was linked to
 * it or unlinked): the grade standing afterwards, null when there is no such shop.
 */
export async function regradeShop(shopId: string, now: Date): Promise<ShopGrade | null> {
  return regrade(shopId, now);
}

/** A page of the shops the caller may see, high grade first. */
export async function listShops(user: AuthUser, query: ShopListQuery): Promise<ShopList> {
  const scope = shopScope(user, query.committeeId);
  if (scope === 'nothing') return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const filter = { ...scope, ...(query.grade ? { grade: query.grade } : {}), ...(query.businessType ? { businessType: query.businessType } : {}) };
  const [shops, total, committees] = await Promise.all([
    ShopModel.find(filter, { gradeHistory: 0 })
      .sort({ gradeRank: -1, name: 1, _id: 1 })
      .skip((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .lean(),
    ShopModel.countDocuments(filter),
    loadCommitteeAreas(),
  ]);
  return { items: shops.map((s) => toShopView(s as ShopRecord, committees)), total, page: query.page, pageSize: query.pageSize };
}

/**
 * The alerts no registered shop stood within reach of, for the map: the last
 * UNATTACHED_ALERT_DAYS days, newest first, within the viewer's committees.
 * They count toward no grade; they show where something goes on unregistered.
 */
export async function unattachedAlerts(user: AuthUser, now: Date): Promise<UnattachedAlertList> {
  const scope = shopScope(user);
  if (scope === 'nothing') return { items: [] };
  const since = new Date(now.getTime() - UNATTACHED_ALERT_DAYS * 86_400_000);
  const alerts = await PatrolAlertModel.find({ ...scope, shopId: { $exists: false }, at: { $gte: since } })
    .sort({ at: -1, _id: -1 })
    .limit(UNATTACHED_ALERTS_MAX)
    .lean();
  return { items: alerts.map((a) => ({ ...toAlertView(a), ...(a.committeeId ? { committeeId: String(a.committeeId) } : {}) })) };
}

/** The shop's card: its grade history (newest first), latest inspections and alerts, and linked complaints. */
export async function getShop(user: AuthUser, id: string): Promise<ShopDetail> {
  const shop = await loadVisible(user, id);
  const [inspections, alerts, complaints, committees] = await Promise.all([
    InspectionModel.find({ shopId: shop._id }).sort({ at: -1 }).limit(SHOP_CARD_LATEST).lean(),
    PatrolAlertModel.find({ shopId: shop._id }).sort({ at: -1 }).limit(SHOP_CARD_LATEST).lean(),
    complaintsLinkedToShop(id, SHOP_CARD_LATEST),
    loadCommitteeAreas(),
  ]);
  return {
    ...toShopView(shop, committees),
    gradeHistory: [...shop.gradeHistory].reverse().map(toGradeChange),
    inspections: inspections.map((i) => toInspectionView(i as InspectionRecord)),
    alerts: alerts.map(toAlertView),
    complaints: complaints.map(({ createdAtDate: _date, ...complaint }) => complaint),
  };
}

/** District staff register one shop: its committee follows from where it stands, its grade from its business type. */
export async function createShop(input: CreateShop, deps: ShopDeps): Promise<ShopView> {
  const committees = await loadCommitteeAreas();
  const registered = await registerShop(input, committees, deps.clock.now());
  if ('existingId' in registered) throw new AppError('CONFLICT', 'This shop is registered already (same licence number, or same name and address)', { shopId: registered.existingId });
  return toShopView(registered.shop, committees);
}

/**
 * A handling unit or district staff record an inspection (巡查记录); the
 * shop's grade is worked out again in the same request. Checks come first, so
 * a refusal writes nothing.
 */
export async function recordInspection(user: AuthUser, shopId: string, input: CreateInspection, deps: ShopDeps): Promise<InspectionReply> {
  const now = deps.clock.now();
  const photoIds = await assertOwnPhotos(user, input.photoIds);
  const byLabel = await inspectorLabel(user);
  const before = await markOutOfDate(shopId);
  if (!before) throw new AppError('NOT_FOUND', 'No such shop');
  const inspection = await InspectionModel.create({
    shopId: before._id,
    outcome: input.outcome,
    ...(input.violationType ? { violationType: input.violationType } : {}),
    note: input.note,
    photoIds,
    byUserId: user.id,
    byLabel,
    at: now,
    date: shanghaiDate(now),
  });
  await ShopModel.updateOne({ _id: before._id }, { $max: { lastInspectedAt: now } });
  await regrade(before._id, now);
  const [shop, committees] = await Promise.all([ShopModel.findById(before._id, { gradeHistory: 0 }).lean(), loadCommitteeAreas()]);
  return {
    shop: toShopView(shop as ShopRecord, committees),
    inspection: toInspectionView(inspection.toObject() as InspectionRecord),
    previousGrade: before.grade as ShopGrade,
  };
}

// ——— helpers ———

/** 404 when there is no such shop, 403 for a cadre outside its committee. */
async function loadVisible(user: AuthUser, id: string): Promise<ShopRecord> {
  const shop = (await ShopModel.findById(id).lean()) as ShopRecord | null;
  if (!shop) throw new AppError('NOT_FOUND', 'No such shop');
  assertMaySee(user, shop);
  return shop;
}

/** How an inspection names who made it: the handling unit, or 区级 for district staff. */
async function inspectorLabel(user: AuthUser): Promise<string> {
  if (user.role === 'district') return '区级';
  const unit = await Unit.findById(ownUnit(user), { name: 1 }).lean();
  if (!unit) throw new AppError('FORBIDDEN', 'Your handling unit is not on record');
  return unit.name;
}
