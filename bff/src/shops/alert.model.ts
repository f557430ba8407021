import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { VIOLATION_TYPES } from '@sqtb/shared';

/**
 * A violation a patrol vehicle captured (imported by CSV). Attached to a shop
 * it counts as a violation in the shop's grade; unattached it counts toward no
 * grade and is shown on the map (service.ts `unattachedAlerts`).
 */
const patrolAlertSchema = new Schema({
  at: { type: Date, required: true },
  /** The Shanghai date of `at`: what the grade rule counts by. */
  date: { type: String, required: true },
  location: { lat: { type: Number, required: true }, lng: { type: Number, required: true } },
  violationType: { type: String, enum: VIOLATION_TYPES, required: true },
  shopId: { type: Schema.Types.ObjectId, ref: 'Shop' },
  committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
  /** time|lat|lng|type: the same capture imported twice is one alert (imports.ts `alertKeyOf`). */
  key: { type: String, required: true, unique: true },
  importedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  createdAt: { type: Date, required: true },
});

// The shop's card (latest first) and its grade (the window by date); the map by time.
patrolAlertSchema.index({ shopId: 1, at: -1 });
patrolAlertSchema.index({ shopId: 1, date: 1 });
patrolAlertSchema.index({ at: -1 });

export const PatrolAlertModel = model('PatrolAlert', patrolAlertSchema);
export type PatrolAlertRecord = InferSchemaType<typeof patrolAlertSchema> & { _id: Types.ObjectId };
