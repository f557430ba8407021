import { Types } from 'mongoose';
import { UserModel } from '../accounts/user.model';
import { Committee } from '../org/org.model';
import { ComplaintModel } from './complaint.model';

const HOUR = 3_600_000;

/**
 * For tests: complaints written straight into the database, as data from before
 * rollups or from another system arrives (and as the bench fills it), spread over
 * the 8 weeks before `now`, every committee, and four statuses. Their timeline
 * entries carry no ids. Returns their ids, oldest filing first.
 */
export async function storeComplaints(count: number, now: Date, options: { committee?: Types.ObjectId } = {}): Promise<Types.ObjectId[]> {
  const reporter = await UserModel.findOne({ openid: 'resident-1' }).lean();
  const committees = options.committee ? await Committee.find({ _id: options.committee }).lean() : await Committee.find().lean();
  const docs = Array.from({ length: count }, (_, i) => {
    const committee = committees[i % committees.length];
    const createdAt = new Date(now.getTime() - ((i * 47 * 60_000) % (55 * 24 * HOUR)) - HOUR);
    const stage = i % 4; // submitted, dispatched, resolved, closed
    const dispatchedAt = stage >= 1 ? new Date(createdAt.getTime() + 3 * HOUR) : undefined;
    const resolvedAt = stage >= 2 ? new Date(createdAt.getTime() + 30 * HOUR) : undefined;
    return {
      _id: new Types.ObjectId(),
      reporterId: reporter!._id,
      reporterName: reporter!.displayName ?? '张伟',
      category: 'sanitation',
      description: `写入的数据 ${i}`,
      location: committee.area!.center,
      cell: `c${i % 50}`,
      address: '潍坊路',
      photoIds: [],
      anonymous: false,
      committeeId: committee._id,
      streetId: committee.streetId,
      status: ['submitted', 'dispatched', 'resolved', 'closed'][stage],
      acceptBy: new Date(createdAt.getTime() + 24 * HOUR),
      deadline: new Date(createdAt.getTime() + 5 * 24 * HOUR),
      ...(dispatchedAt ? { acceptedAt: dispatchedAt, firstDispatchedAt: dispatchedAt, dispatchedAt } : {}),
      ...(resolvedAt ? { resolvedAt } : {}),
      ...(stage === 3 ? { closedAt: new Date(resolvedAt!.getTime() + HOUR), rating: { stars: 4, at: new Date(resolvedAt!.getTime() + HOUR) } } : {}),
      timeline: [{ at: createdAt, role: 'resident', action: 'submit', to: 'submitted' }],
      meTooUserIds: [],
      resolutionPhotoIds: [],
      reopenCount: 0,
      resolutions: stage >= 2 ? 1 : 0,
      lateResolutions: 0,
      ratingCount: stage === 3 ? 1 : 0,
      satisfiedCount: stage === 3 ? 1 : 0,
      urgeCount: 0,
      meTooCount: 0,
      notRated: false,
      createdAt,
      updatedAt: createdAt,
    };
  });
  if (docs.length > 0) await ComplaintModel.collection.insertMany(docs);
  return docs.map((d) => d._id);
}
