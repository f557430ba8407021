import { Schema, model } from 'mongoose';

/**
 * A user's unused acceptances of a subscribe-message template: each
 * `wx.requestSubscribeMessage` answered "accept" is one WeChat message. One
 * document per user and template (unique), counted with `$inc` only: a report
 * adds, a send takes one with a conditional `$inc: -1` where `remaining > 0`,
 * so two sends at once cannot both use the same acceptance.
 */
const subscriptionSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    templateId: { type: String, required: true },
    remaining: { type: Number, required: true, default: 0, min: 0 },
  },
  { timestamps: true, versionKey: false },
);
subscriptionSchema.index({ userId: 1, templateId: 1 }, { unique: true });

export const SubscriptionModel = model('WechatSubscription', subscriptionSchema);
