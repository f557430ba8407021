import { Schema, model } from 'mongoose';

/**
 * WeChat's access token for the app (one per appId), shared by every BFF
 * instance. WeChat keeps only the newest token valid (the previous one for a
 * few minutes more), so instances that each fetched their own would keep
 * invalidating one another's: one instance fetches, under a lease, and stores
 * it with its expiry; the others read it from here.
 *
 * The lease is taken with a conditional update when it is free (expired or
 * released), as the job leases are (jobs/lease.ts); the write of a new token
 * is conditional on the lease id of that take.
 *
 * `token` is a credential: never logged, never returned by any route.
 */
const wechatTokenSchema = new Schema(
  {
    appId: { type: String, required: true, unique: true },
    token: String,
    /** When WeChat stops accepting `token`. */
    expiresAt: Date,
    refreshedAt: Date,
    /** Present while an instance is fetching a new token. Grants the fetch; keep it out of logs too. */
    leaseId: String,
    leaseUntil: Date,
    /** The instance holding (or that last held) the lease, for people reading the collection. */
    leaseOwner: String,
  },
  { versionKey: false },
);
export const WechatAccessToken = model('WechatAccessToken', wechatTokenSchema);
