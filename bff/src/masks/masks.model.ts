import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { REGISTRATION_STATUSES, RESERVATION_STATUSES } from '@sqtb/shared';

/** One line of a record's history, as `timelineEntry` (workflow/timeline.ts) builds it. */
const timelineEntrySchema = new Schema(
  { at: Date, action: String, from: String, to: String, actorId: Schema.Types.ObjectId, actorName: String, role: String, note: String },
  { _id: false },
);

/**
 * A household's registration with its committee (居民信息登记). One approved
 * household per address: `approvedAddressKey` is set only on approval and is
 * sparse-unique. The ID number is kept only as a keyed hash and masked form.
 */
const registrationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true, unique: true },
    name: { type: String, required: true },
    idHash: { type: String, required: true },
    idMasked: { type: String, required: true },
    /** Kept whole for the committee cadre, who may need to call; masked everywhere else. */
    phone: { type: String, required: true },
    committeeId: { type: Schema.Types.ObjectId, ref: 'Committee', required: true },
    address: { type: String, required: true },
    addressKey: { type: String, required: true },
    approvedAddressKey: { type: String, unique: true, sparse: true },
    location: { lat: { type: Number, required: true }, lng: { type: Number, required: true } },
    householdSize: { type: Number, required: true },
    status: { type: String, enum: REGISTRATION_STATUSES, required: true },
    reason: String,
    /** Its history: the registration, then each review step, appended in the same write as the step (applyStep). */
    timeline: { type: [timelineEntrySchema], default: [] },
  },
  { timestamps: true },
);
registrationSchema.index({ committeeId: 1, status: 1 });
export const RegistrationModel = model('Registration', registrationSchema);

const roundSchema = new Schema(
  {
    name: { type: String, required: true },
    opensAt: { type: Date, required: true },
    closesAt: { type: Date, required: true },
    masksPerHousehold: { type: Number, required: true },
    pickupWindowHours: { type: Number, required: true },
    lottery: { type: Boolean, default: false },
    /** Published with the result so anyone can re-run the draw (shared masks/lottery.ts). */
    drawSeed: String,
    drawnAt: Date,
    /** Set once no application is left undrawn; until then the job resumes the draw. */
    drawCompletedAt: Date,
    createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  },
  { timestamps: true },
);
roundSchema.index({ opensAt: 1, closesAt: 1 });
export const RoundModel = model('MaskRound', roundSchema);

/**
 * A pharmacy's stock in a round. Taking stock decrements `available` and
 * records a hold in `holds` in one update, so every mask taken can be traced
 * to a reservation and returned exactly once. Invariant: total = available +
 * the quantities of all holds.
 */
const stockSchema = new Schema(
  {
    roundId: { type: Schema.Types.ObjectId, ref: 'MaskRound', required: true },
    pharmacyId: { type: Schema.Types.ObjectId, ref: 'Pharmacy', required: true },
    available: { type: Number, required: true, min: 0 },
    total: { type: Number, required: true },
    soldOut: { type: Boolean, default: false },
    /** One entry per reservation holding masks here: its own id, the reservation, the quantity and when it was taken. */
    holds: { type: [{ reservationId: { type: Schema.Types.ObjectId, required: true }, quantity: { type: Number, required: true }, at: { type: Date, required: true } }], default: [] },
  },
  { timestamps: true },
);
stockSchema.index({ roundId: 1, pharmacyId: 1 }, { unique: true });
export const StockModel = model('MaskStock', stockSchema);

/** One reservation per household per round: the unique index is the quota. */
const reservationSchema = new Schema(
  {
    roundId: { type: Schema.Types.ObjectId, ref: 'MaskRound', required: true },
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    householdKey: { type: String, required: true },
    committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
    status: { type: String, enum: RESERVATION_STATUSES, required: true },
    reason: String,
    quantity: { type: Number, required: true },
    pharmacyId: { type: Schema.Types.ObjectId, ref: 'Pharmacy' },
    /** The stock hold this reservation's masks come from, set in the same write that approves it. */
    holdId: Schema.Types.ObjectId,
    pickupCode: { type: String, unique: true, sparse: true },
    pickupBy: Date,
    idempotencyKey: { type: String, unique: true, sparse: true },
    timeline: { type: [timelineEntrySchema], default: [] },
  },
  { timestamps: true },
);
reservationSchema.index({ roundId: 1, householdKey: 1 }, { unique: true });
reservationSchema.index({ status: 1, pickupBy: 1 });
reservationSchema.index({ pharmacyId: 1, status: 1 });
export const ReservationModel = model('MaskReservation', reservationSchema);
/** A reservation as stored: what a read through the driver gives. */
export type StoredReservation = InferSchemaType<typeof reservationSchema> & { _id: Types.ObjectId };

export type ObjectId = Types.ObjectId;
