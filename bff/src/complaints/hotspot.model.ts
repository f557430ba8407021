import { Schema, model } from 'mongoose';

/**
 * A hotspot (乱点): a grid cell with 3+ complaints in 30 days. `openCell`
 * holds the cell while the hotspot is open and is removed when it closes; its
 * sparse unique index allows one open hotspot per cell, however many
 * instances run the job at once.
 */
const hotspotSchema = new Schema(
  {
    cell: { type: String, required: true },
    openCell: { type: String, unique: true, sparse: true },
    center: { lat: { type: Number, required: true }, lng: { type: Number, required: true } },
    committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
    openedAt: { type: Date, required: true },
    closedAt: Date,
    lastComplaintAt: { type: Date, required: true },
    complaintsInWindow: { type: Number, required: true },
    categories: { type: [String], default: [] },
  },
  { timestamps: true },
);
hotspotSchema.index({ closedAt: 1, committeeId: 1 });

export const HotspotModel = model('Hotspot', hotspotSchema);
