import { Schema, model, type HydratedDocument, type InferSchemaType, type Types } from 'mongoose';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@sqtb/shared';
import { applyStep, type StepWrite } from '../workflow/apply-step';

/** One line of a complaint's own history: the audit trail, appended in the same update as the change. */
const timelineEntrySchema = new Schema(
  {
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
  },
  { timestamps: true },
);

complaintSchema.index({ committeeId: 1, status: 1, createdAt: -1 });
complaintSchema.index({ unitId: 1, status: 1, createdAt: -1 });
complaintSchema.index({ reporterId: 1, createdAt: -1 });
complaintSchema.index({ status: 1, category: 1, 'location.lat': 1 });
complaintSchema.index({ cell: 1, createdAt: -1 });
// The overview: the district's 8-week cohorts, and the earliest-due matters of each waiting step.
complaintSchema.index({ createdAt: -1 });
complaintSchema.index({ status: 1, acceptBy: 1 });
complaintSchema.index({ status: 1, dispatchBy: 1 });
complaintSchema.index({ status: 1, deadline: 1 });

export const ComplaintModel = model('Complaint', complaintSchema);
export type ComplaintRecord = HydratedDocument<InferSchemaType<typeof complaintSchema>>;
export type TimelineEntry = InferSchemaType<typeof timelineEntrySchema>;

export type TransitionWrite = StepWrite<TimelineEntry>;

/** A complaint's step: see `applyStep`. Returns null when someone else moved it first. */
export function applyTransition(id: Types.ObjectId | string, from: ComplaintStatus, to: ComplaintStatus, write: TransitionWrite) {
  return applyStep(ComplaintModel, id, from, to, write);
}
