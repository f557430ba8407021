import { dispatchBy, findCategory, isSatisfied, resolveBy, type ComplaintEvent, type ComplaintStatus } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { assertOwnPhotos } from '../files/service';
import { Unit } from '../org/org.model';
import { timelineEntry } from '../workflow/timeline';
import type { ComplaintRecord, TransitionWrite } from './complaint.model';

/** The fields each step sets, and its timeline entry. */
export async function effectsOf(
  event: ComplaintEvent,
  to: ComplaintStatus,
  c: ComplaintRecord,
  body: Record<string, unknown>,
  user: AuthUser,
  now: Date,
): Promise<TransitionWrite> {
  const limit = findCategory(c.category)?.timeLimitWorkingDays ?? 5;
  // The one builder; from and to restated so they keep the status type the complaint schema declares.
  const entry = (note?: unknown) => ({ ...timelineEntry(now, event, c.status, to, user, typeof note === 'string' ? note : undefined), from: c.status, to });
  switch (event) {
    case 'accept':
      return { set: { acceptedAt: now, dispatchBy: dispatchBy(now) }, entry: entry(body.note) };
    case 'reject':
      return { set: { rejectedAt: now, rejectionReason: body.reason }, entry: entry(body.reason) };
    case 'dispatch': {
      const unit = await Unit.findById(body.unitId as string);
      if (!unit) throw new AppError('VALIDATION_FAILED', 'No such handling unit', { field: 'unitId' });
      return {
        set: { unitId: unit._id, dispatchedAt: now, firstDispatchedAt: c.firstDispatchedAt ?? now, deadline: resolveBy(now, limit) },
        entry: entry(body.note ? `派至${unit.name}：${body.note as string}` : `派至${unit.name}`),
      };
    }
    case 'resolve': {
      const photoIds = await assertOwnPhotos(user, (body.photoIds as string[]) ?? []);
      const late = !!c.deadline && now.getTime() > c.deadline.getTime();
      return {
        set: { resolvedAt: now, resolutionNote: body.note, resolutionPhotoIds: photoIds },
        inc: { resolutions: 1, lateResolutions: late ? 1 : 0 },
        entry: entry(body.note),
      };
    }
    case 'rate': {
      const stars = body.stars as number;
      const rating = { stars, comment: body.comment, at: now };
      const note = `${stars} 星${body.comment ? `：${body.comment as string}` : ''}`;
      const counted = { ratingCount: 1, satisfiedCount: isSatisfied(stars) ? 1 : 0 };
      if (to === 'closed') return { set: { rating, closedAt: now }, inc: counted, entry: entry(note) };
      // 1–2 stars: back to the same unit with a fresh deadline; units may not bounce it.
      return {
        set: { rating, dispatchedAt: now, deadline: resolveBy(now, limit) },
        unset: ['resolvedAt'],
        inc: { ...counted, reopenCount: 1 },
        entry: entry(note),
      };
    }
    case 'archive':
      return { set: { archivedAt: now }, entry: entry(body.note) };
    default:
      throw new AppError('INTERNAL', `no effects for ${event}`);
  }
}
