import { Schema, model } from 'mongoose';

/**
 * One `Idempotency-Key` a user sent to a create route (see idempotency.ts). The
 * unique index on (userId, key) decides which of two requests with the same key
 * runs the handler: the first insert wins, the other finds this record. While
 * the handler runs the record is `pending`; afterwards it holds the reply that
 * every repeat gets. A failed request deletes its claim, so a retry runs again.
 */
const idempotencySchema = new Schema(
  {
    /** The caller's user id: keys are per user, so two users never share one. */
    userId: { type: String, required: true },
    key: { type: String, required: true },
    /** The declared route, e.g. `POST /api/complaints` (for people reading the collection). */
    route: { type: String, required: true },
    /** sha256 of method, path and the parsed input: a repeat with another request is refused. */
    requestHash: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    /** The first answer, once `done`: status, extra headers, and the body as the JSON sent. */
    status: Number,
    headers: { type: Schema.Types.Mixed },
    bodyJson: String,
    createdAt: { type: Date, required: true },
    /** After this the key is forgotten: MongoDB's TTL monitor deletes it; the code ignores it anyway. */
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

idempotencySchema.index({ userId: 1, key: 1 }, { unique: true });
idempotencySchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export const IdempotencyRecord = model('IdempotencyRecord', idempotencySchema);
