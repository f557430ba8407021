import { Types } from 'mongoose';
import type { LinkedComplaint } from '@sqtb/shared';
import { ComplaintModel } from './complaint.model';

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
