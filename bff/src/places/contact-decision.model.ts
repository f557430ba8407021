import { Schema, model } from 'mongoose';

/**
 * District staff's decision on a close-contact candidate of one case:
 * confirmed (a close_contact status was set) or dismissed (never proposed
 * again for that case). Unique on (caseId, userId): a repeat, or two staff at
 * once, decide once.
 */
const decisionSchema = new Schema({
  caseId: { type: Schema.Types.ObjectId, required: true },
  userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  decision: { type: String, enum: ['confirmed', 'dismissed'], required: true },
  placeId: { type: Schema.Types.ObjectId, ref: 'Place', required: true },
  overlapAt: { type: Date, required: true },
  /**
   * The latest time a visit can count for the case (its window's last day, plus the overlap).
   * The decision is deleted once every such visit has been (jobs.ts): until then a visit of
   * this person could make them a candidate again, and the decision is what keeps them out.
   */
  windowEndsAt: { type: Date, required: true },
  decidedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  decidedAt: { type: Date, required: true },
});
decisionSchema.index({ caseId: 1, userId: 1 }, { unique: true });
export const ContactDecisionModel = model('ContactDecision', decisionSchema);
