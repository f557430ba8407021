import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

/** Reference data of the district. Each record has a stable `code` used by seeds and imports. */
const latLng = { lat: { type: Number, required: true }, lng: { type: Number, required: true } };

const streetSchema = new Schema({
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
});

const committeeSchema = new Schema({
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  streetId: { type: Schema.Types.ObjectId, ref: 'Street', required: true },
  area: { center: latLng, radiusMeters: { type: Number, required: true } },
});

const unitSchema = new Schema({
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  categories: { type: [String], default: [] },
});

const placeSchema = {
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  address: { type: String, required: true },
  location: latLng,
  committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
};

export const Street = model('Street', streetSchema);
export const Committee = model('Committee', committeeSchema);
export const Unit = model('Unit', unitSchema);
export const Pharmacy = model('Pharmacy', new Schema(placeSchema));
/** An enterprise's unified social credit code (GB 32100): a filing must carry its own. */
export const Enterprise = model('Enterprise', new Schema({ ...placeSchema, creditCode: String }));

export type CommitteeRecord = InferSchemaType<typeof committeeSchema> & { _id: Types.ObjectId };
