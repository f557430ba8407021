import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { INSPECTION_OUTCOMES, VIOLATION_TYPES } from '@sqtb/shared';

/** An inspection of a shop (巡查记录) by a handling unit or district staff: one grade observation. */
const inspectionSchema = new Schema({
  shopId: { type: Schema.Types.ObjectId, ref: 'Shop', required: true },
  outcome: { type: String, enum: INSPECTION_OUTCOMES, required: true },
  violationType: { type: String, enum: VIOLATION_TYPES },
  note: { type: String, required: true },
  photoIds: { type: [Schema.Types.ObjectId], default: [] },
  byUserId: { type: Schema.Types.ObjectId, ref: 'User' },
  /** The inspector's unit, or 区级 for district staff: what the card shows, not a person's name. */
  byLabel: { type: String, required: true },
  at: { type: Date, required: true },
  /** The Shanghai date of `at`: what the grade rule counts by. */
  date: { type: String, required: true },
  /** The demo seed's stable code; absent on inspections staff recorded. */
  code: { type: String, unique: true, sparse: true },
});

// The shop's card (latest first) and its grade (the window by date).
inspectionSchema.index({ shopId: 1, at: -1 });
inspectionSchema.index({ shopId: 1, date: 1 });

export const InspectionModel = model('ShopInspection', inspectionSchema);
export type InspectionRecord = InferSchemaType<typeof inspectionSchema> & { _id: Types.ObjectId };
