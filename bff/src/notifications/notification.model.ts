import { Schema, model } from 'mongoose';

/** The in-app message list: what happened to the things a user cares about. */
const messageSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    /** The mini-program page that shows the matter. */
    link: String,
    readAt: Date,
  },
  { timestamps: true },
);
messageSchema.index({ userId: 1, createdAt: -1 });

export const MessageModel = model('Message', messageSchema);
