import { Types } from 'mongoose';
import { SHOP_LINK_STATUSES, type LinkedComplaint } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { regradeShop, shopRef } from '../shops/service';
import { ComplaintModel, type ComplaintRecord } from './complaint.model';

/**
 * Complaints and the street shops they are about (街面秩序). A resident may name a
 * nearby shop when filing; the unit the matter is dispatched to links it, corrects
 * the link or clears it while it works on it or awaits the rating. Each change
 * regrades the shops concerned, in the same request.
 */
/** The shop a report names, checked to exist: refused as a field of the report otherwise. */
export async function namedShop(shopId: string | undefined): Promise<{ id: string; name: string } | undefined> {
  if (!shopId) return undefined;
  const shop = await shopRef(shopId);
  if (!shop) throw new AppError('VALIDATION_FAILED', 'No such shop', { field: 'shopId' });
  return shop;
}

/**
 * Links (or with null clears) the shop of a complaint the caller's unit holds. One
 * conditional write keyed on the status and unit read, with its timeline entry; a
 * matter that moved on meanwhile is a 409.
 */
export async function writeShopLink(user: AuthUser, c: ComplaintRecord, shopId: string | null, now: Date): Promise<ComplaintRecord> {
  if (user.role !== 'handler' || !c.unitId || String(c.unitId) !== user.scope.unitId) throw new AppError('FORBIDDEN', 'Only the unit the matter is dispatched to links it to a shop');
  if (!SHOP_LINK_STATUSES.includes(c.status)) throw new AppError('CONFLICT', 'A shop is linked while the unit handles the matter or awaits its rating', { currentStatus: c.status });
  const shop = shopId ? await namedShop(shopId) : undefined;
  const before = c.shopId ? String(c.shopId) : undefined;
  if (before === shop?.id) return c;
  const entry = { _id: new Types.ObjectId(), at: now, actorId: new Types.ObjectId(user.id), actorName: user.displayName, role: user.role, action: 'link-shop', note: shop ? shop.name : '不涉及商铺' };
  const updated = await ComplaintModel.findOneAndUpdate(
    { _id: c._id, status: c.status, unitId: c.unitId },
    { ...(shop ? { $set: { shopId: new Types.ObjectId(shop.id), shopName: shop.name } } : { $unset: { shopId: '', shopName: '' } }), $push: { timeline: entry } },
    { new: true },
  );
  if (!updated) throw new AppError('CONFLICT', 'The complaint moved on while you linked it', { currentStatus: (await ComplaintModel.findById(c._id, { status: 1 }).lean())?.status });
  // Both shops' records changed: the one it left and the one it joined.
  for (const id of [before, shop?.id]) if (id) await regradeShop(id, now);
  return updated;
}

/** A shop's linked complaints, newest first: for its card and, by filing date, for its grade. */
export async function complaintsLinkedToShop(shopId: string, limit = 200): Promise<Array<LinkedComplaint & { createdAtDate: Date }>> {
  const found = await ComplaintModel.find({ shopId: new Types.ObjectId(shopId) }, { category: 1, description: 1, status: 1, createdAt: 1 })
    .sort({ createdAt: -1 })
    .limit(limit)
    .lean();
  return found.map((c) => ({
    id: String(c._id),
    category: c.category,
    description: c.description,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    createdAtDate: c.createdAt,
  }));
}
