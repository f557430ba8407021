import { Schema, model, type Types } from 'mongoose';
import { COMPLAINT_STATUSES } from '@sqtb/shared';
import { COUNTER_FIELDS, type Counters, type Histogram, type Slot, type WaitEntry } from './rollup';

/**
 * The complaint rollups (rollup.ts says what they hold): one document per
 * committee and Shanghai week of receipt (its unique index). Written by
 * rollups.ts only, with a version check (`v`) so two writers cannot both read
 * and both write.
 */
const waitEntrySchema = new Schema(
  {
    c: { type: String, required: true },
    s: { type: String, enum: COMPLAINT_STATUSES, required: true },
    due: { type: Date, required: true },
    category: { type: String, required: true },
    address: { type: String, required: true },
    urgeCount: { type: Number, default: 0 },
  },
  { _id: false },
);

const rollupSchema = new Schema(
  {
    /** The Monday (Shanghai date) of the week the complaints were received. */
    week: { type: String, required: true },
    /** Null: matters outside every committee's area. */
    committeeId: { type: Schema.Types.ObjectId, ref: 'Committee', default: null },
    v: { type: Number, required: true },
    counts: Object.fromEntries(COUNTER_FIELDS.map((f) => [f, { type: Number, default: 0 }])),
    toDispatch: { type: Schema.Types.Mixed, default: {} },
    toResolution: { type: Schema.Types.Mixed, default: {} },
    overdueCount: { type: Number, default: 0 },
    collapsedThrough: { type: Date, default: null },
    upcoming: { type: [waitEntrySchema], default: [] },
    /** The due times of `upcoming`, in its order: the overview counts newly past-due matters from these alone. */
    upcomingDue: { type: [Date], default: [] },
    worst: { type: [waitEntrySchema], default: [] },
    waiting: { type: Number, default: 0 },
    /** Complaint id → its slot; never read by the overview. */
    slots: { type: Schema.Types.Mixed, default: {} },
  },
  { minimize: false, versionKey: false, collection: 'complaintrollups' },
);

// One per week and committee; the overview reads the weeks on show in the viewer's committees, and any
// older week still holding waiting matters.
rollupSchema.index({ week: 1, committeeId: 1 }, { unique: true });
rollupSchema.index({ waiting: 1, committeeId: 1 });
// The rollup job: rollups with matters whose due time may have passed.
rollupSchema.index({ 'upcoming.due': 1 });

export const RollupModel = model('ComplaintRollup', rollupSchema);

/** A rollup as stored. */
export interface RollupDocument {
  _id: Types.ObjectId;
  week: string;
  committeeId: Types.ObjectId | null;
  v: number;
  counts: Counters;
  toDispatch: Histogram;
  toResolution: Histogram;
  overdueCount: number;
  collapsedThrough: Date | null;
  upcoming: WaitEntry[];
  upcomingDue: Date[];
  worst: WaitEntry[];
  waiting: number;
  slots: Record<string, Slot>;
}

/** What the overview reads of a rollup (rollups.ts `readRollups`): all but the slots, and of `upcoming` only the first few (the earliest due). */
export type RollupView = Omit<RollupDocument, 'slots' | 'v' | 'collapsedThrough'>;
