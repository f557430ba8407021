import { Schema, model } from 'mongoose';

/** Uploaded photos. Small images only, so they live in one document each. */
const fileSchema = new Schema(
  {
    ownerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    data: { type: Buffer, required: true },
  },
  { timestamps: true },
);

export const FileModel = model('File', fileSchema);
