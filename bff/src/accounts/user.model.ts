import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { HEALTH_COLORS, ROLES } from '@sqtb/shared';

/**
 * A resident's health code as a stored current state: kept on the user, so the
 * read that authenticates a request also brings the code, and issuing one is a
 * single database command. How it is written and when it is served:
 * health-code/code-state.ts.
 */
const storedHealthCodeSchema = new Schema(
  {
    inputVersion: { type: Number, required: true, default: 0 },
    computedVersion: { type: Number, required: true, default: 0 },
    /** The ID-number hash the result was computed with: a case arriving by ID number marks this state out of date first. */
    idHash: String,
    color: { type: String, enum: HEALTH_COLORS },
    reasons: { type: [new Schema({ rule: String, color: String, text: String, until: String }, { _id: false })], default: undefined },
    nextChangeOn: String,
    rulesVersion: String,
    /** The masked name on the resident's identity; unset when none is on record (the account's name is masked at issue). */
    maskedName: String,
    identified: Boolean,
    /** The Shanghai date the result was evaluated for, and the first date on which evaluating again may say something else. */
    evaluatedFor: String,
    recomputeOn: String,
  },
  { _id: false },
);

/**
 * A person who logged in through WeChat, keyed by their openid (unique: two
 * first logins at once still make one user). The WeChat session_key is not
 * kept: nothing here needs it yet, and a key never stored cannot leak.
 */
const userSchema = new Schema(
  {
    openid: { type: String, required: true, unique: true },
    role: { type: String, enum: ROLES, required: true },
    displayName: { type: String, required: true },
    scope: {
      streetId: { type: Schema.Types.ObjectId, ref: 'Street' },
      committeeId: { type: Schema.Types.ObjectId, ref: 'Committee' },
      unitId: { type: Schema.Types.ObjectId, ref: 'Unit' },
      pharmacyId: { type: Schema.Types.ObjectId, ref: 'Pharmacy' },
      enterpriseId: { type: Schema.Types.ObjectId, ref: 'Enterprise' },
    },
    /** A resident who has not registered with a committee yet. */
    registered: { type: Boolean, required: true, default: false },
    /**
     * The household of the account's approved registration, copied from it once
     * approved (an approved registration does not change): a reservation reads
     * it with the user instead of reading the registration. Absent until then.
     */
    household: {
      type: new Schema({ addressKey: { type: String, required: true }, committeeId: { type: Schema.Types.ObjectId, required: true }, location: { lat: Number, lng: Number } }, { _id: false }),
      default: undefined,
    },
    disabled: { type: Boolean, default: false },
    /** The mobile number WeChat vouched for (a getPhoneNumber code, exchanged by POST /api/me/phone). Leaves the BFF masked only. */
    phone: { type: String },
    phoneVerifiedAt: { type: Date },
    lastLoginAt: { type: Date },
    /** Residents only, from their first code on. */
    healthCode: { type: storedHealthCodeSchema, default: undefined },
  },
  { timestamps: true },
);
userSchema.index({ 'healthCode.idHash': 1 }, { sparse: true });

export const UserModel = model('User', userSchema);
export type UserRecord = HydratedDocument<InferSchemaType<typeof userSchema>>;

/** A user as stored: what a read through the driver gives. */
export type StoredUser = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };

/**
 * The user behind a token, read on every authenticated request. It goes through
 * the driver: mongoose's query layer cost more CPU than the read itself
 * (BENCHMARKS.md, issue 18), and a lean read gains nothing from it but the id's cast.
 */
export function readUserById(id: string): Promise<StoredUser | null> {
  return UserModel.collection.findOne<StoredUser>({ _id: new Types.ObjectId(id) });
}
