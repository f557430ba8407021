import {
  availableEvents,
  SHOP_LINK_STATUSES,
  findCategory,
  maskName,
  overdueReason,
  relationsOf,
  type ComplaintStatus,
  type ComplaintView,
} from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { signedPhotoUrl } from '../files/service';
import type { ComplaintRecord } from './complaint.model';

/**
 * Staff act under their names; a resident on the timeline (the reporter, a
 * neighbour's "me too") is shown in full only to staff who may see who
 * reported, and to themselves.
 */
function timelineName(e: { role: string; actorId?: unknown; actorName?: string | null }, viewer: AuthUser, staffMaySee: boolean) {
  if (!e.actorName) return undefined;
  if (e.role !== 'resident' || String(e.actorId) === viewer.id || (staffMaySee && viewer.role !== 'resident')) return e.actorName;
  return maskName(e.actorName);
}

const iso = (d?: Date | null) => (d ? d.toISOString() : undefined);
const idOf = (v: unknown) => (v ? String(v) : undefined);

/** Open for "me too": still waiting on someone other than the reporter to act. */
export const ME_TOO_STATUSES: readonly ComplaintStatus[] = ['submitted', 'accepted', 'dispatched'];

/**
 * A complaint as one viewer may see it: staff see who reported, a handling
 * unit sees only the family name, and every photo link is signed.
 */
export function toComplaintView(
  c: ComplaintRecord,
  viewer: AuthUser,
  now: Date,
  urlSecret: string,
  /** The unit that handles this category, offered when dispatching. */
  suggestedUnitId?: string,
): ComplaintView {
  const relations = relationsOf(viewer, { reporterId: String(c.reporterId), committeeId: idOf(c.committeeId), unitId: idOf(c.unitId) });
  const reason = overdueReason({ status: c.status, acceptBy: c.acceptBy, dispatchBy: c.dispatchBy, deadline: c.deadline }, now);
  const actions: ComplaintView['actions'] = availableEvents(c.status, relations);
  if (viewer.role === 'district' && reason) actions.push('urge');
  if (relations.includes('assigned-unit') && SHOP_LINK_STATUSES.includes(c.status)) actions.push('link-shop');
  const fullName = relations.includes('reporter') || viewer.role === 'cadre' || viewer.role === 'district';
  return {
    id: String(c._id),
    category: c.category,
    categoryName: findCategory(c.category)?.name ?? c.category,
    description: c.description,
    location: { lat: c.location!.lat, lng: c.location!.lng },
    address: c.address,
    photoIds: c.photoIds.map(String),
    photoUrls: c.photoIds.map((id) => signedPhotoUrl(String(id), urlSecret, now)),
    resolutionPhotoUrls: (c.resolutionPhotoIds ?? []).map((id) => signedPhotoUrl(String(id), urlSecret, now)),
    anonymous: c.anonymous,
    status: c.status,
    committeeId: idOf(c.committeeId),
    streetId: idOf(c.streetId),
    unitId: idOf(c.unitId),
    reporterId: String(c.reporterId),
    reporterName: fullName ? c.reporterName : maskName(c.reporterName),
    acceptBy: iso(c.acceptBy),
    dispatchBy: iso(c.dispatchBy),
    deadline: iso(c.deadline),
    overdue: !!reason,
    overdueReason: reason,
    reopenCount: c.reopenCount,
    urgeCount: c.urgeCount,
    meTooCount: c.meTooCount,
    rating: c.rating?.stars ? { stars: c.rating.stars, comment: c.rating.comment ?? undefined, at: iso(c.rating.at)! } : undefined,
    notRated: c.notRated,
    resolutionNote: c.resolutionNote ?? undefined,
    rejectionReason: c.rejectionReason ?? undefined,
    suggestedUnitId,
    ...(c.shopId ? { shop: { id: String(c.shopId), name: c.shopName ?? '' } } : {}),
    timeline: (c.timeline ?? []).map((e) => ({
      at: e.at.toISOString(),
      actorId: idOf(e.actorId),
      actorName: timelineName(e, viewer, fullName),
      role: e.role,
      action: e.action,
      from: e.from ?? undefined,
      to: e.to ?? undefined,
      note: e.note ?? undefined,
    })),
    actions,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
