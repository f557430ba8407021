import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { BUSINESS_TYPES, SHOP_GRADES } from '@sqtb/shared';

/**
 * A street shop (街面秩序) with its grade kept on it: what the shared rule
 * `gradeShop` said over the shop's inspections, attached patrol alerts and
 * linked complaints, written by grading.ts alone, and every change of grade
 * appended to `gradeHistory` in the same write.
 *
 * Two counters keep a stale grade from overwriting a fresher one (as the
 * health code's state does, health-code/code-state.ts):
 * - `inputVersion` goes up before an input of the shop is written (an
 *   inspection, an alert) and once more by each regrade before it reads;
 * - `computedVersion` is the `inputVersion` the stored grade claimed. A grade
 *   is written only over the very version it read (compare-and-set), and never
 *   over a later one, so the grade standing is the one that read last, and the
 *   history entry it pushes starts from the grade really replaced.
 * `computedVersion < inputVersion` outside a regrade means one was lost: the
 * daily job regrades such shops.
 */
const gradeChangeSchema = new Schema(
  {
    from: { type: String, enum: SHOP_GRADES },
    to: { type: String, enum: SHOP_GRADES, required: true },
    reasons: { type: [String], default: [] },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const shopSchema = new Schema(
  {
    name: { type: String, required: true },
    businessType: { type: String, enum: BUSINESS_TYPES, required: true },
    address: { type: String, required: true },
    /** GCJ-02, as WeChat's map gives it. */
    location: { lat: { type: Number, required: true }, lng: { type: Number, required: true } },
    /** The committee whose area circle holds the location; none outside every area. */
    committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
    licenceNumber: String,
    contactPhone: String,
    /** What makes two registrations the same shop (imports.ts `naturalKeyOf`): the licence number, else name and address. */
    naturalKey: { type: String, required: true, unique: true },
    /** The demo seed's stable code (S01…); absent on shops staff registered. */
    code: { type: String, unique: true, sparse: true },

    grade: { type: String, enum: SHOP_GRADES, required: true },
    /** Rank of the grade (low 0, medium 1, high 2), written with it: lists sort high first. */
    gradeRank: { type: Number, required: true },
    reasons: { type: [String], default: [] },
    nextFallOn: String,
    /** The first Shanghai date the rule gives another grade (a fall, or a clean inspection no longer counting): the daily job regrades then. */
    regradeOn: String,
    gradedAt: { type: Date, required: true },
    rulesVersion: { type: String, required: true },
    gradeHistory: { type: [gradeChangeSchema], default: [] },
    inputVersion: { type: Number, required: true, default: 0 },
    computedVersion: { type: Number, required: true, default: 0 },

    /** The latest inspection of any outcome: the patrol list goes to the longest unvisited first. */
    lastInspectedAt: Date,
  },
  { timestamps: true },
);

// The lists: each scope with its filters, high grade first.
shopSchema.index({ committeeId: 1, gradeRank: -1, name: 1 });
shopSchema.index({ gradeRank: -1, name: 1 });
shopSchema.index({ businessType: 1, gradeRank: -1 });
// The daily regrade.
shopSchema.index({ regradeOn: 1 }, { sparse: true });

export const ShopModel = model('Shop', shopSchema);
export type ShopRecord = InferSchemaType<typeof shopSchema> & { _id: Types.ObjectId };
export type GradeChangeRecord = InferSchemaType<typeof gradeChangeSchema>;
