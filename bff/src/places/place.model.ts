import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { PLACE_KINDS, PLACE_STATUSES } from '@sqtb/shared';

/**
 * A place that shows a code (一企一码): an enterprise with an approved
 * resumption filing, a pharmacy, a committee's service station. `refId` is the
 * id of what it stands for (Enterprise, Pharmacy, Committee); one place each
 * (unique kind + refId), so the seed, the filing hook and the sync job can all
 * upsert it without making two.
 *
 * `codeVersion` is carried by every code printed for the place; revoking it
 * moves the version on, so posters printed before a revocation stay dead even
 * if the place is brought back.
 */
const placeSchema = new Schema({
  kind: { type: String, enum: PLACE_KINDS, required: true },
  refId: { type: Schema.Types.ObjectId, required: true },
  name: { type: String, required: true },
  address: { type: String, required: true },
  location: { lat: Number, lng: Number },
  committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
  status: { type: String, enum: PLACE_STATUSES, required: true },
  codeVersion: { type: Number, required: true, default: 1 },
  /** Since when it stands active: for an enterprise, when its filing was approved. */
  activeSince: { type: Date, required: true },
  revokedAt: Date,
  revokeReason: String,
  createdAt: { type: Date, required: true },
  timeline: {
    type: [{ _id: false, at: Date, actorId: Schema.Types.ObjectId, actorName: String, role: String, action: String, from: String, to: String, note: String }],
    default: [],
  },
});
placeSchema.index({ kind: 1, refId: 1 }, { unique: true });
export const PlaceModel = model('Place', placeSchema);
export type PlaceRecord = InferSchemaType<typeof placeSchema> & { _id: Types.ObjectId };
