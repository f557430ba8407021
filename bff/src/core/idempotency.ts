import { createHash } from 'node:crypto';
import type Koa from 'koa';
import { AppError } from './app-error';
import { IdempotencyRecord } from './idempotency.model';
import type { RouteResult } from './route';
import { isDuplicateKey } from '../db/duplicate-key';

/**
 * `Idempotency-Key` for the creates a phone may retry (routes declared with
 * `idempotent: true`). A phone on a bad network that never saw the answer sends
 * the same request again with the same key, and gets the first answer instead
 * of filing twice.
 *
 * One record per (user, key), in one collection, decided by its unique index,
 * with single-document writes only:
 * 1. claim the key with an insert (`pending`); of two requests at once, the
 *    index lets exactly one in;
 * 2. the winner runs the handler, then stores its reply on the claim (`done`);
 *    if the handler throws or answers other than 2xx, it deletes the claim, so a
 *    retry may run again (only successes are replayed);
 * 3. a loser reads the record: another request under the same key is refused
 *    (409 IDEMPOTENCY_KEY_REUSED); a stored reply is replayed; a claim still
 *    pending is polled a few times (PENDING_WAITS_MS), then answered 409 CONFLICT.
 * Records expire after 24 hours (TTL index; also ignored by the code once past
 * `expiresAt`, since CongoDB does not run TTL monitors).
 *
 * A crash between the handler's write and the stored reply leaves the claim
 * pending: repeats answer 409 until it expires, never a second record.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Visible ASCII (no spaces), 1–128 characters: a UUID, a ULID or the mask page's keys all fit. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,128}$/;
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** How long a repeat waits for a first request still running, step by step (1.55 s in all). */
export const PENDING_WAITS_MS = [50, 100, 200, 400, 800];
/** Claims retried when the first request failed and freed the key while we waited. */
const MAX_CLAIMS = 3;

/** The request's key, undefined without the header; a malformed one is a 400. */
export function idempotencyKeyOf(ctx: Koa.Context): string | undefined {
  const raw = ctx.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' && IDEMPOTENCY_KEY_PATTERN.test(raw)) return raw;
  const message = 'Idempotency-Key must be 1–128 visible ASCII characters, without spaces';
  throw new AppError('VALIDATION_FAILED', message, { in: 'header', issues: [{ path: IDEMPOTENCY_HEADER, message }] });
}

/** What a repeat must match: method, path and the parsed input, with object keys in a stable order. */
export function requestHash(method: string, path: string, input: unknown): string {
  return createHash('sha256').update(JSON.stringify([method.toUpperCase(), path, canonical(input)])).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, canonical(v)]));
}

export interface IdempotentRequest {
  userId: string;
  key: string;
  /** The declared route, e.g. `POST /api/complaints`. */
  route: string;
  requestHash: string;
}

export interface IdempotentOptions {
  now?: () => Date;
  /** Told when a reply could not be stored (the answer still goes out; repeats then get 409). */
  onStoreError?: (err: unknown) => void;
}

/**
 * Runs `handler` once per (user, key): the first request runs it, a repeat of
 * the same request gets the first successful reply (`replayed: true`).
 * The reply's body must be JSON (it is stored as the JSON text sent).
 */
export async function runOnce(
  request: IdempotentRequest,
  handler: () => Promise<RouteResult> | RouteResult,
  options: IdempotentOptions = {},
): Promise<{ result: RouteResult; replayed: boolean }> {
  const now = options.now ?? (() => new Date());
  let waited = 0;
  for (let claims = 0; claims < MAX_CLAIMS; claims++) {
    const claimId = await claim(request, now());
    if (claimId) return { result: await runClaimed(claimId, handler, options), replayed: false };

    // Someone holds the key: wait for their answer, or for the key to be free again.
    for (;;) {
      const existing = await IdempotencyRecord.findOne({ userId: request.userId, key: request.key }).lean();
      if (!existing) break; // the first request failed and let go: claim it ourselves
      if (existing.expiresAt.getTime() <= now().getTime()) {
        await IdempotencyRecord.deleteOne({ _id: existing._id, expiresAt: existing.expiresAt });
        break;
      }
      if (existing.requestHash !== request.requestHash) {
        throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request; use a new key for a new request');
      }
      if (existing.state === 'done') return { result: replyOf(existing), replayed: true };
      if (waited >= PENDING_WAITS_MS.length) throw stillRunning();
      await sleep(PENDING_WAITS_MS[waited++]);
    }
  }
  throw stillRunning();
}

/** Inserts the pending claim; undefined when the unique index says the key is taken. */
async function claim(request: IdempotentRequest, now: Date): Promise<unknown> {
  try {
    const record = await IdempotencyRecord.create({ ...request, state: 'pending', createdAt: now, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) });
    return record._id;
  } catch (err) {
    if (isDuplicateKey(err)) return undefined;
    throw err;
  }
}

async function runClaimed(claimId: unknown, handler: () => Promise<RouteResult> | RouteResult, options: IdempotentOptions): Promise<RouteResult> {
  const release = () => IdempotencyRecord.deleteOne({ _id: claimId, state: 'pending' });
  let result: RouteResult;
  try {
    result = await handler();
  } catch (err) {
    // Nothing to replay: free the key so a retry may try again (a failed delete leaves it pending until it expires).
    await release().catch(() => undefined);
    throw err;
  }
  const status = result.status ?? 200;
  if (status < 200 || status >= 300) {
    await release();
    return result;
  }
  try {
    await IdempotencyRecord.updateOne(
      { _id: claimId, state: 'pending' },
      { $set: { state: 'done', status, headers: result.headers ?? {}, ...(result.body === undefined ? {} : { bodyJson: JSON.stringify(result.body) }) } },
    );
  } catch (err) {
    options.onStoreError?.(err);
  }
  return result;
}

function replyOf(record: { status?: number | null; headers?: unknown; bodyJson?: string | null }): RouteResult {
  return {
    status: record.status ?? 200,
    headers: { ...((record.headers as Record<string, string> | undefined) ?? {}) },
    ...(typeof record.bodyJson === 'string' ? { body: JSON.parse(record.bodyJson) as unknown } : {}),
  };
}

const stillRunning = () =>
  new AppError('CONFLICT', 'The first request with this Idempotency-Key is still being processed; retry in a moment with the same key', { reason: 'idempotency-key-in-progress' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
