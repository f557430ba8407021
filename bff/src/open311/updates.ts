import { open311StatusOf, publicNoteOf, w3cDateTime, type ComplaintStatus, type Open311UpdatesQuery } from '@sqtb/shared';
import type { Types } from 'mongoose';
import { ComplaintModel } from '../complaints/service';
import { signedPhotoUrl } from '../files/service';
import { unitNames } from './request-view';
import { MAX_RESULTS, windowOf } from './requests';

/**
 * mySociety's `servicerequestupdates`: every status change of every request
 * in the window, read from the complaints' own timelines (the audit trail),
 * oldest first (at most 1,000) so a client polling from its last update
 * misses none. `update_id` is the complaint's id and the change's place in
 * its timeline. A change's description is its public note (see shared
 * public-notes.ts); no person is named.
 */
export async function listUpdates(query: Open311UpdatesQuery, photos: PhotoLinks) {
  const now = photos.now;
  const { start, end } = windowOf(query, now);
  const at = { $gte: start, ...(end ? { $lte: end } : {}) };
  const changes = await ComplaintModel.aggregate<StoredChange>([
    { $match: { timeline: { $elemMatch: { at, to: { $exists: true } } } } },
    { $unwind: { path: '$timeline', includeArrayIndex: 'index' } },
    { $match: { 'timeline.at': at, 'timeline.to': { $exists: true } } },
    { $sort: { 'timeline.at': 1, _id: 1, index: 1 } },
    { $limit: MAX_RESULTS },
    { $project: { unitId: 1, index: 1, timeline: 1, resolvedAt: 1, resolutionPhotoIds: 1 } },
  ]);
  const units = await unitNames();
  const extended = query.extended_statuses === 'true';
  return changes
    .filter(({ timeline: e }) => e.to !== e.from)
    .map(({ _id, unitId, index, timeline: e, resolvedAt, resolutionPhotoIds }) => {
      const change = { action: e.action, from: e.from, to: e.to, note: e.note ?? undefined };
      // The unit's photo of the solved problem, on the resolution it belongs to (the latest: a reopen clears resolvedAt).
      const photoId = e.action === 'resolve' && resolvedAt?.getTime() === e.at.getTime() ? resolutionPhotoIds?.[0] : undefined;
      return {
        // The timeline only grows, so a change's place in it never moves.
        update_id: `${String(_id)}-${index}`,
        service_request_id: String(_id),
        status: open311StatusOf(e.to, { extended, before: e.from }),
        updated_datetime: w3cDateTime(e.at),
        description: publicNoteOf(change, unitId ? units.get(String(unitId)) : undefined),
        ...(photoId ? { media_url: `${photos.origin}${signedPhotoUrl(String(photoId), photos.urlSecret, now)}` } : {}),
      };
    });
}

/** One timeline entry that set a status, with its complaint and its place in the timeline. */
interface StoredChange {
  _id: Types.ObjectId;
  unitId?: Types.ObjectId;
  index: number;
  timeline: { at: Date; action: string; from?: ComplaintStatus; to: ComplaintStatus; note?: string | null };
  resolvedAt?: Date;
  resolutionPhotoIds?: Types.ObjectId[];
}

/** What a photo link needs: this server's origin, the signing secret, and the time (links last an hour). */
export interface PhotoLinks {
  origin: string;
  urlSecret: string;
  now: Date;
}
