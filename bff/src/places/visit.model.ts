import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { HEALTH_COLORS } from '@sqtb/shared';

/**
 * One resident's arrival at a place, scanned in with its code: the colour the
 * gate saw and whether it let them in (a refused visit is kept too).
 *
 * One visit per person, place and Shanghai clock hour: `hour` is the
 * Shanghai hour of the first scan ('2026-03-10T09'), and the unique index on
 * (userId, placeId, hour) makes a second scan in that hour — even two at once —
 * find the same visit. A scan at 10:00 is a new visit, though 09:59 was one.
 *
 * Kept 28 days (places/jobs.ts deletes older ones).
 */
const visitSchema = new Schema({
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  placeId: { type: Schema.Types.ObjectId, ref: 'Place', required: true },
  hour: { type: String, required: true },
  /** The first scan of the hour: when they arrived. */
  at: { type: Date, required: true },
  /** The latest scan of the hour, whose colour is the one stored. */
  lastScanAt: { type: Date, required: true },
  color: { type: String, enum: HEALTH_COLORS, required: true },
  allowed: { type: Boolean, required: true },
  reasons: { type: [String], default: [] },
  /** Masked when written: the place's list never needs the whole name. */
  nameMasked: { type: String, required: true },
});
visitSchema.index({ userId: 1, placeId: 1, hour: 1 }, { unique: true });
// A resident's own visits, and a case's visits in the contact window.
visitSchema.index({ userId: 1, at: -1 });
// A place's day, and who was at a place within an hour of a case (contacts.ts).
visitSchema.index({ placeId: 1, at: 1 });
// The retention job.
visitSchema.index({ at: 1 });
export const VisitModel = model('PlaceVisit', visitSchema);
export type VisitRecord = InferSchemaType<typeof visitSchema> & { _id: Types.ObjectId };

/** The Shanghai clock hour of an instant, as the dedup key: '2026-03-10T09'. */
export function shanghaiHour(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 13);
}

/** The instant a Shanghai date begins. */
export function shanghaiMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
