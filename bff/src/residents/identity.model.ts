import { Schema, model } from 'mongoose';

/**
 * A resident's legal identity on record. The ID number itself is never
 * stored: a keyed hash finds the person (health cases and imports arrive by
 * ID number), and the masked form is what leaves the BFF.
 */
const identitySchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
    name: { type: String, required: true },
    idHash: { type: String, required: true, unique: true },
    idMasked: { type: String, required: true },
  },
  { timestamps: true },
);

export const ResidentIdentity = model('ResidentIdentity', identitySchema);
