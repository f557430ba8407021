import type { FilterQuery, HydratedDocument, Model, Types, UpdateQuery } from 'mongoose';

/** What one step writes besides the status: fields to set, unset or count, and its timeline entry. */
export interface StepWrite<Entry> {
  set?: Record<string, unknown>;
  unset?: string[];
  inc?: Record<string, number>;
  entry: Entry;
  /** Further conditions the record must still meet, checked in the same write (e.g. a guard another writer can revoke). */
  also?: Record<string, unknown>;
}

/**
 * The one way a workflow record changes status: a single conditional update
 * keyed on the status it was read in, appending its timeline entry in the same
 * write. Two people acting at once cannot both win; the loser gets null.
 * Every workflow (complaints, reservations, registrations, filings, appeals)
 * steps through here, so nothing else assigns a status.
 */
export async function applyStep<Doc, Entry>(model: Model<Doc>, id: Types.ObjectId | string, from: string, to: string, write: StepWrite<Entry>): Promise<HydratedDocument<Doc> | null> {
  const filter = { ...write.also, _id: id, status: from } as FilterQuery<Doc>;
  const update = {
    $set: { ...write.set, status: to },
    $push: { timeline: write.entry },
    ...(write.inc ? { $inc: write.inc } : {}),
    ...(write.unset?.length ? { $unset: Object.fromEntries(write.unset.map((f) => [f, 1])) } : {}),
  } as UpdateQuery<Doc>;
  return model.findOneAndUpdate(filter, update, { new: true }).exec();
}
