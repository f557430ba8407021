import { Schema, model } from 'mongoose';

/**
 * One document per kind of reference data (org, pharmacies, risk regions, the
 * open round…), whose `version` goes up on every change. Each BFF instance
 * compares it with the version it cached, so a change made through one
 * instance reaches every other within a second.
 */
const referenceVersionSchema = new Schema(
  {
    name: { type: String, required: true, unique: true },
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);

export const ReferenceVersion = model('ReferenceVersion', referenceVersionSchema, 'referenceversions');
