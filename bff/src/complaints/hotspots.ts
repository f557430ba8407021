import { Types } from 'mongoose';
import type { AuthUser } from '../accounts/auth-user';
import { HotspotModel } from './hotspot.model';
import { AppError } from '../core/app-error';

/** Hotspots a viewer may see: a cadre their committee's, district staff all. */
export async function listHotspots(user: AuthUser, open?: 'true' | 'false') {
  const filter: Record<string, unknown> = {};
  if (user.role === 'cadre') {
    if (!user.scope.committeeId) throw new AppError('FORBIDDEN', 'You are not attached to a committee');
    filter.committeeId = new Types.ObjectId(user.scope.committeeId);
  }
  if (open) filter.openCell = { $exists: open === 'true' };
  const items = await HotspotModel.find(filter).sort({ lastComplaintAt: -1 }).limit(500).lean();
  return {
    items: items.map((h) => ({
      id: String(h._id),
      cell: h.cell,
      center: { lat: h.center!.lat, lng: h.center!.lng },
      committeeId: h.committeeId ? String(h.committeeId) : undefined,
      open: !!h.openCell,
      openedAt: h.openedAt.toISOString(),
      closedAt: h.closedAt?.toISOString(),
      lastComplaintAt: h.lastComplaintAt.toISOString(),
      complaintsInWindow: h.complaintsInWindow,
      categories: h.categories,
    })),
  };
}
