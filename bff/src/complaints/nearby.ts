import { Types } from 'mongoose';
import { distanceMeters } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { ComplaintModel } from './complaint.model';
import { ME_TOO_STATUSES } from './view';

/** Within this many metres a report counts as the same place. */
const RADIUS_M = 100;
/** In degrees, about 160 m: a cheap index-friendly pre-filter before the exact distance. */
const BOX = 0.0015;

/** Open reports of the same category within 100 m: what a resident sees before filing. */
export async function nearby(user: AuthUser, point: { lat: number; lng: number }, category: string) {
  const candidates = await ComplaintModel.find(
    {
      status: { $in: ME_TOO_STATUSES },
      category,
      'location.lat': { $gte: point.lat - BOX, $lte: point.lat + BOX },
      'location.lng': { $gte: point.lng - BOX, $lte: point.lng + BOX },
      // One's own reports are not duplicates to join.
      reporterId: { $ne: new Types.ObjectId(user.id) },
    },
    { category: 1, description: 1, address: 1, status: 1, location: 1, meTooCount: 1, meTooUserIds: 1 },
  ).lean();
  const items = candidates
    .map((c) => ({
      id: String(c._id),
      category: c.category,
      description: c.description,
      address: c.address,
      status: c.status,
      meTooCount: c.meTooCount,
      alreadyMeToo: c.meTooUserIds.some((id) => String(id) === user.id),
      distanceMeters: Math.round(distanceMeters(point, c.location!)),
    }))
    .filter((c) => c.distanceMeters <= RADIUS_M)
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, 10);
  return { items };
}
