import { Schema, Types, model, type HydratedDocument, type InferSchemaType } from 'mongoose';
import { ROLES } from '@sqtb/shared';

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
  },
  { timestamps: true },
);

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
