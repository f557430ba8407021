import { Types } from 'mongoose';
import type { AuthUser } from '../accounts/auth-user';
import { viewedArea } from '../core/viewer-scope';
import { HotspotModel } from './hotspot.model';

/** Hotspots a viewer may see: a cadre their committee's, district staff all. */
export async function listHotspots(user: AuthUser, open?: 'true' | 'false') {
  const filter: Record<string, unknown> = {};
  const area = viewedArea(user);
  if ('committeeId' in area) filter.committeeId = new Types.ObjectId(area.committeeId);
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
