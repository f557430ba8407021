import { Schema, model } from 'mongoose';
import { WECHAT_DELIVERIES } from '@sqtb/shared';

/** The in-app message list: what happened to the things a user cares about. */
const messageSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    /** The mini-program page that shows the matter. */
    link: String,
    readAt: Date,
    /**
     * What became of its WeChat subscribe-message copy. Written `failed` while
     * the copy is on its way (what is true should the send never report back),
     * then what WeChat answered. Messages from before this field read as `not-subscribed`.
     */
    wechat: { type: String, enum: WECHAT_DELIVERIES },
  },
  { timestamps: true },
);
messageSchema.index({ userId: 1, createdAt: -1 });

export const MessageModel = model('Message', messageSchema);
