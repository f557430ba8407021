import { Schema, model } from 'mongoose';
import { FILING_STATUSES } from '@sqtb/shared';

const employeeSchema = new Schema(
  {
    name: { type: String, required: true },
    /** Kept whole for the reviewing cadre; masked everywhere else. */
    phone: { type: String, required: true },
    idHash: { type: String, required: true },
    idMasked: { type: String, required: true },
  },
  { _id: false },
);

/**
 * A resumption filing. `openCreditCode` holds the credit code while the filing
 * is open (submitted, returned or approved); its sparse unique index allows
 * one open filing per enterprise.
 */
const filingSchema = new Schema(
  {
    enterpriseId: { type: Schema.Types.ObjectId, ref: 'Enterprise', required: true },
    filedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    enterpriseName: { type: String, required: true },
    creditCode: { type: String, required: true },
    openCreditCode: { type: String, unique: true, sparse: true },
    address: { type: String, required: true },
    committeeId: { type: Schema.Types.ObjectId, ref: 'Committee', required: true },
    streetId: { type: Schema.Types.ObjectId, ref: 'Street' },
    contactName: { type: String, required: true },
    contactPhone: { type: String, required: true },
    reopenDate: { type: String, required: true },
    plan: { text: { type: String, required: true } },
    suppliesDays: { type: Number, required: true },
    isolationRoom: { type: Boolean, required: true },
    commitment: { type: Boolean, required: true },
    roster: { type: [employeeSchema], default: [] },
    /** Goes up with every change of content; decisions and uploads are conditional on the one they read. */
    revision: { type: Number, default: 1 },
    status: { type: String, enum: FILING_STATUSES, required: true },
    submittedAt: { type: Date, required: true },
    decidedAt: Date,
    returnNote: String,
    rejectReason: String,
    revokeReason: String,
    timeline: {
      type: [{ _id: false, at: Date, actorId: Schema.Types.ObjectId, actorName: String, role: String, action: String, from: String, to: String, note: String }],
      default: [],
    },
  },
  { timestamps: true },
);
filingSchema.index({ committeeId: 1, status: 1, submittedAt: -1 });
filingSchema.index({ enterpriseId: 1, submittedAt: -1 });
export const FilingModel = model('EnterpriseFiling', filingSchema);

/** 零报告: one report per filing per day (unique). */
const dailyReportSchema = new Schema(
  {
    filingId: { type: Schema.Types.ObjectId, ref: 'EnterpriseFiling', required: true },
    date: { type: String, required: true },
    onSite: { type: Number, required: true },
    feverCases: { type: Number, required: true },
    note: String,
    reportedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
);
dailyReportSchema.index({ filingId: 1, date: 1 }, { unique: true });
export const DailyReportModel = model('DailyReport', dailyReportSchema);
