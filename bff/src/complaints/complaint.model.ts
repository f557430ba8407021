import { Schema, model, Types, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@sqtb/shared';
import { applyStep, type StepWrite } from '../workflow/apply-step';
import { rollUp } from './rollups';

/**
 * One line of a complaint's own history: the audit trail, appended in the same update as the change.
 * Its `_id` names the step: the overview's rollup records which step of each complaint it reflects
 * (rollups.ts), so a step applied again cannot count twice. Entries written before ids existed have none.
 */
const timelineEntrySchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId },
    at: { type: Date, required: true },
    actorId: { type: Schema.Types.ObjectId, ref: 'User' },
    actorName: String,
    role: { type: String, required: true },
    action: { type: String, required: true },
    from: { type: String, enum: COMPLAINT_STATUSES },
    to: { type: String, enum: COMPLAINT_STATUSES },
    note: String,
  },
  { _id: false },
);

const complaintSchema = new Schema(
  {
    reporterId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    reporterName: { type: String, required: true },
    category: { type: String, required: true },
    description: { type: String, required: true },
    location: { lat: { type: Number, required: true }, lng: { type: Number, required: true } },
    /** The hotspot grid cell of the location (see shared hotspots.ts). */
    cell: { type: String, required: true },
    address: { type: String, required: true },
    photoIds: { type: [Schema.Types.ObjectId], default: [] },
    anonymous: { type: Boolean, default: false },
    /** Where the report came in: the mini-program, or an Open311 client (FixMyStreet, a city platform). */
    channel: { type: String, enum: ['miniapp', 'open311'], default: 'miniapp' },
    /** The Open311 client that posted it (its name in OPEN311_API_KEYS) and the photo link it sent, if any. */
    client: { name: String, mediaUrl: String },
    /** The committee whose area holds the location; none when it lies outside every area (district handles it). */
    committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
    streetId: { type: Schema.Types.ObjectId, ref: 'Street' },
    /** The street shop the matter is about (街面秩序): named by the resident, linked or corrected by the handling unit. */
    shopId: { type: Schema.Types.ObjectId, ref: 'Shop' },
    /** The shop's name when it was linked, so a complaint shows it without reading the shop. */
    shopName: String,
    status: { type: String, enum: COMPLAINT_STATUSES, required: true, default: 'submitted' },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit' },
    acceptBy: Date,
    dispatchBy: Date,
    deadline: Date,
    acceptedAt: Date,
    firstDispatchedAt: Date,
    dispatchedAt: Date,
    resolvedAt: Date,
    closedAt: Date,
    rejectedAt: Date,
    archivedAt: Date,
    rejectionReason: String,
    resolutionNote: String,
    resolutionPhotoIds: { type: [Schema.Types.ObjectId], default: [] },
    rating: { stars: Number, comment: String, at: Date },
    notRated: { type: Boolean, default: false },
    reopenCount: { type: Number, default: 0 },
    /** Every resolution, and those that came after the deadline: the on-time rate. */
    resolutions: { type: Number, default: 0 },
    lateResolutions: { type: Number, default: 0 },
    /** Ratings given (a reopen's bad rating included) and the satisfied ones (shared `isSatisfied`): the satisfaction rate. */
    ratingCount: { type: Number, default: 0 },
    satisfiedCount: { type: Number, default: 0 },
    urgeCount: { type: Number, default: 0 },
    meTooCount: { type: Number, default: 0 },
    meTooUserIds: { type: [Schema.Types.ObjectId], default: [] },
    timeline: { type: [timelineEntrySchema], default: [] },
    /**
     * The id of the latest step whose rollup (rollups.ts) may not be written yet: set in the
     * step's own write, cleared once the rollup reflects it. The rollup job finishes any left.
     */
    rollupDue: { type: Schema.Types.ObjectId },
  },
  { timestamps: true },
);

// The lists (service.ts listComplaints), newest first by id: each role's scope, with and without a status.
complaintSchema.index({ committeeId: 1, status: 1, _id: -1 });
// A shop's linked complaints (its card, and its grade).
complaintSchema.index({ shopId: 1, createdAt: -1 }, { partialFilterExpression: { shopId: { $exists: true } } });
complaintSchema.index({ committeeId: 1, _id: -1 });
complaintSchema.index({ unitId: 1, status: 1, _id: -1 });
complaintSchema.index({ unitId: 1, _id: -1 });
complaintSchema.index({ reporterId: 1, _id: -1 });
complaintSchema.index({ streetId: 1, _id: -1 });
complaintSchema.index({ status: 1, _id: -1 });
// "Me too" nearby; hotspots by cell; the hotspot window, Open311's lists and the received-on filters.
complaintSchema.index({ status: 1, category: 1, 'location.lat': 1 });
complaintSchema.index({ cell: 1, createdAt: -1 });
complaintSchema.index({ createdAt: -1 });
// The red lights: the overdue filter and urging, one index per waiting step.
complaintSchema.index({ status: 1, acceptBy: 1 });
complaintSchema.index({ status: 1, dispatchBy: 1 });
complaintSchema.index({ status: 1, deadline: 1 });
// Steps whose rollup is still to be written (the rollup job).
complaintSchema.index({ rollupDue: 1 }, { sparse: true });

export const ComplaintModel = model('Complaint', complaintSchema);
export type ComplaintRecord = HydratedDocument<InferSchemaType<typeof complaintSchema>>;
export type TimelineEntry = InferSchemaType<typeof timelineEntrySchema>;

export type TransitionWrite = StepWrite<Omit<TimelineEntry, '_id'>>;

/**
 * A complaint's step: see `applyStep`. Returns null when someone else moved it first.
 * The step's timeline entry gets its id here, and the same write marks it due for the
 * overview's rollup, which follows the successful write (`rollUpStep`).
 */
export async function applyTransition(id: Types.ObjectId | string, from: ComplaintStatus, to: ComplaintStatus, write: TransitionWrite): Promise<ComplaintRecord | null> {
  const entryId = new Types.ObjectId();
  const updated = await applyStep(ComplaintModel, id, from, to, { ...write, set: { ...write.set, rollupDue: entryId }, entry: { ...write.entry, _id: entryId } });
  if (updated) await rollUpStep(updated);
  return updated;
}

/**
 * Rolls up the step that left the complaint as `c` (rollups.ts), then clears its
 * mark unless a later step set it again. If the process stops in between, the
 * mark stays and the rollup job finishes the work; doing it twice changes nothing.
 */
export async function rollUpStep(c: ComplaintRecord): Promise<void> {
  await rollUp(c);
  if (c.rollupDue) await ComplaintModel.collection.updateOne({ _id: c._id, rollupDue: c.rollupDue }, { $unset: { rollupDue: 1 } });
}
