import { Schema, Types, model } from 'mongoose';
import { APPEAL_STATUSES, CASE_SOURCES, MEDICAL_STATUSES, type HealthColor, type Role, type VerifyResponse } from '@sqtb/shared';

/** A resident's own health declaration (健康申报). */
const declarationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    date: { type: String, required: true },
    temperature: { type: Number, required: true },
    symptoms: { type: [String], default: [] },
    travel: { type: [{ _id: false, region: String, date: String }], default: [] },
    homeObservation: { type: Boolean, default: false },
  },
  { timestamps: true },
);
declarationSchema.index({ userId: 1, createdAt: 1 });
// Who travelled to a region lately: the residents whose code a risk-region change touches.
declarationSchema.index({ 'travel.region': 1, date: 1 });
export const DeclarationModel = model('HealthDeclaration', declarationSchema);

/** A medical status record set by district staff, for a person known by ID number. */
const caseSchema = new Schema(
  {
    idHash: { type: String, required: true },
    idMasked: { type: String, required: true },
    status: { type: String, enum: MEDICAL_STATUSES, required: true },
    date: { type: String, required: true },
    note: String,
    setBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    source: { type: String, enum: CASE_SOURCES, required: true },
  },
  { timestamps: true },
);
caseSchema.index({ idHash: 1, date: 1, createdAt: 1 });
// The overview's recent confirmed cases, whose close-contact candidates await a decision.
caseSchema.index({ status: 1, date: 1 });
export const MedicalCaseModel = model('MedicalCase', caseSchema);

const riskRegionSchema = new Schema({
  code: { type: String, required: true, unique: true },
  name: { type: String, required: true },
  level: { type: String, enum: ['low', 'medium', 'high'], required: true },
  since: { type: String, required: true },
});
export const RiskRegionModel = model('RiskRegion', riskRegionSchema);

/** Every scan at a gate: who scanned, where, what it said. Never the token. */
const scanSchema = new Schema(
  {
    scannerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    role: { type: String, required: true },
    place: String,
    valid: { type: Boolean, required: true },
    color: String,
    reason: String,
    kid: String,
  },
  { timestamps: true },
);
export const ScanLogModel = model('HealthScan', scanSchema);

const appealSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    colorAtFiling: { type: String, required: true },
    reason: { type: String, required: true },
    status: { type: String, enum: APPEAL_STATUSES, required: true },
    resolutionNote: String,
    correction: { status: { type: String, enum: MEDICAL_STATUSES }, date: String },
    resolvedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    resolvedAt: Date,
    /**
     * The resident's id while the appeal is open, unset when it is resolved:
     * sparse-unique, so a resident has at most one open appeal however many
     * filings arrive at once. (A partial index on `userId` would say the same,
     * but the CongoDB wrapper does not enforce partialFilterExpression.)
     */
    openFor: { type: Schema.Types.ObjectId, ref: 'User', unique: true, sparse: true },
    /** Its history: filed, resolved, reopened; each step appended in the same write as the step (applyStep). */
    timeline: {
      type: [new Schema({ at: Date, action: String, from: String, to: String, actorId: Schema.Types.ObjectId, actorName: String, role: String, note: String }, { _id: false })],
      default: [],
    },
  },
  { timestamps: true },
);
appealSchema.index({ status: 1, createdAt: 1 });
export const AppealModel = model('HealthAppeal', appealSchema);

/** One scan as the verify route records it, typed by the shared answer it records. */
export interface ScanRecord {
  scannerId: string;
  role: Role;
  place?: string;
  valid: boolean;
  color?: HealthColor;
  reason?: Extract<VerifyResponse, { valid: false }>['reason'];
  kid?: string;
}

/**
 * Records one scan: one insert, awaited (a scan is evidence). It goes through the
 * driver with the schema's fields and types (an ObjectId, the timestamps, no
 * undefined fields; `ScanRecord` stands in for its required-field checks, and no
 * version key is written, as nothing updates a scan): building a mongoose
 * document for it cost more CPU than the insert (BENCHMARKS.md, issue 18), and
 * every gate in the district calls this.
 */
export async function insertScan(scan: ScanRecord): Promise<void> {
  const at = new Date();
  const fields = Object.fromEntries(Object.entries(scan).filter(([, value]) => value !== undefined));
  await ScanLogModel.collection.insertOne({ ...fields, scannerId: new Types.ObjectId(scan.scannerId), createdAt: at, updatedAt: at });
}
