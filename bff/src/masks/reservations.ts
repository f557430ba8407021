import { randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { RESERVATION_START, reservationTransition, type ReservationStatus, type ReservationView } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import type { Clock } from '../core/clock';
import { HOUR_MS } from '../core/clock';
import { RegistrationModel, ReservationModel, type StoredReservation } from './masks.model';
import { roundById, roundOpenAt } from './rounds';
import { HOLD_GRACE_MS, pharmacyNamed, release, takeNearest, type StockPharmacy } from './stock';
import { applyStep, type StepWrite } from '../workflow/apply-step';
import { timelineEntry, type TimelineEntry } from '../workflow/timeline';
import { isDuplicateKey } from '../db/duplicate-key';

type ReservationRecord = InstanceType<typeof ReservationModel>;
const newPickupCode = () => String(randomInt(0, 100_000_000)).padStart(8, '0');

/**
 * A resident reserves (汇处理 automatic approval). Order of writes, so that no
 * failure leaves stock without a reservation or a reservation without stock:
 * 1. take stock with a hold named by the new reservation's id;
 * 2. insert the approved reservation (the unique indexes enforce quota and idempotency);
 * 3. if the insert fails, give the stock back. A crash between 1 and 2 leaves a
 *    hold with no reservation, which the reconcile job returns.
 *
 * What it costs, an approval: the user's approved household (read with the
 * user; the registration is read only for an account without one), the stock (one
 * conditional update per pharmacy tried; the nearest not seen empty lately is
 * tried first) and the insert. The round and the pharmacies come from memory;
 * quota and Idempotency-Key are the reservation's own unique indexes, read
 * only once one of them refused; the answer is built from what is in hand.
 */
export async function reserve(user: AuthUser, body: { roundId?: string; pharmacyId?: string }, idempotencyKey: string | undefined, clock: Clock): Promise<{ status: number; body: ReservationView }> {
  const key = idempotencyKey ? `${user.id}:${idempotencyKey}` : undefined;
  const now = clock.now();
  const round = await roundOpenAt(now, body.roundId);
  if (!round) {
    // A retry of a reservation made while the round was open still gets its answer.
    const earlier = key ? await ReservationModel.findOne({ idempotencyKey: key }) : null;
    if (earlier) return { status: 201, body: await view(earlier) };
    throw new AppError('ROUND_CLOSED', 'No mask round is open now');
  }
  // The approved household comes with the user; only an account without one on record reads its registration.
  const registration = user.household
    ? { status: 'approved' as const, ...user.household }
    : await RegistrationModel.findOne({ userId: user.id }, { status: 1, addressKey: 1, committeeId: 1, location: 1 }).lean();
  const householdKey = registration?.status === 'approved' ? registration.addressKey : `user:${user.id}`;

  const base = { roundId: round._id, userId: user.id, householdKey, committeeId: registration?.committeeId, quantity: round.masksPerHousehold, idempotencyKey: key };
  if (registration?.status !== 'approved') {
    const reason = !registration ? 'household-not-registered' : registration.status === 'rejected' ? 'household-registration-rejected' : 'household-registration-pending';
    const status = RESERVATION_START.needsReview;
    return { status: 201, body: await view(await insertOrReplay({ ...base, status, reason, timeline: [timelineEntry(now, 'reserve', undefined, status, user)] }, key)) };
  }

  if (round.lottery) {
    const status = RESERVATION_START.lotteryApplication;
    return { status: 201, body: await view(await insertOrReplay({ ...base, status, reason: 'lottery-application', timeline: [timelineEntry(now, 'apply', undefined, status, user)] }, key)) };
  }

  const id = new Types.ObjectId();
  const taken = await takeNearest(round._id, registration.location!, round.masksPerHousehold, { reservationId: id, at: now }, body.pharmacyId);
  if (!taken) return answerWithoutStock(round._id, householdKey, key);
  const giveBack = () => release(round._id, taken.pharmacy._id, round.masksPerHousehold, taken.holdId);
  // The orphan-hold job may return a hold with no reservation once it is HOLD_GRACE_MS old:
  // a reserve that stalled half that long gives its hold back itself rather than race the job.
  if (clock.now().getTime() - now.getTime() > HOLD_GRACE_MS / 2) {
    await giveBack();
    throw new AppError('CONFLICT', 'The reservation took too long; please try again');
  }
  const approved = {
    _id: id,
    ...base,
    status: RESERVATION_START.autoApproved,
    pharmacyId: taken.pharmacy._id,
    holdId: taken.holdId,
    pickupCode: newPickupCode(),
    pickupBy: new Date(now.getTime() + round.pickupWindowHours * HOUR_MS),
    timeline: [timelineEntry(now, 'reserve', undefined, RESERVATION_START.autoApproved, user)],
  };
  let saved: ReservationRecord;
  try {
    saved = await insertOrReplay(approved, key);
  } catch (err) {
    // The quota refused the insert: nothing was written. Otherwise the insert may have landed
    // before the error: give the hold back only if no reservation took it up.
    if (isQuotaRefusal(err) || !(await ReservationModel.exists({ holdId: taken.holdId }))) await giveBack();
    throw err;
  }
  // The same Idempotency-Key raced itself and the first reservation answers: this attempt's hold is not needed.
  if (String(saved._id) !== String(id)) {
    await giveBack();
    return { status: 201, body: await view(saved) };
  }
  return { status: 201, body: await view(saved, taken.pharmacy) };
}

/**
 * No stock could be taken. Before saying so, one read: a retry of a request
 * that reserved gets its reservation again, and a household that has its
 * reservation in this round is told that instead.
 */
async function answerWithoutStock(roundId: Types.ObjectId, householdKey: string, key: string | undefined): Promise<{ status: number; body: ReservationView }> {
  const quota = { roundId, householdKey };
  // Through the driver, like taking stock: most attempts of a rush end here.
  const earlier = await ReservationModel.collection.find<StoredReservation>(key ? { $or: [{ idempotencyKey: key }, quota] } : quota, { limit: 2 }).toArray();
  const replay = key && earlier.find((r) => r.idempotencyKey === key);
  if (replay) return { status: 201, body: await view(replay) };
  if (earlier.length) throw quotaExceeded();
  throw new AppError('OUT_OF_STOCK', 'No pharmacy has masks left in this round');
}

/** Inserts the reservation, or finds the first one made with the same Idempotency-Key. */
async function insertOrReplay(doc: Record<string, unknown>, key: string | undefined): Promise<ReservationRecord> {
  try {
    return await ReservationModel.create(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // The same Idempotency-Key raced itself: answer with the first reservation.
    const earlier = key ? await ReservationModel.findOne({ idempotencyKey: key }) : null;
    if (earlier) return earlier;
    if (String((err as Error).message).includes('pickupCode')) return insertOrReplay({ ...doc, pickupCode: newPickupCode() }, key);
    throw quotaExceeded();
  }
}

/** The table's refusal as an answer (no reservation step has a guard, so none fails one). */
const refused = (refusal: 'FORBIDDEN' | 'CONFLICT' | 'GUARD_FAILED', status: ReservationStatus) =>
  new AppError(refusal === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', `This reservation is ${status}`, { currentStatus: status });

const quotaExceeded = () => new AppError('QUOTA_EXCEEDED', 'Your household already has a reservation in this round');
const isQuotaRefusal = (err: unknown) => err instanceof AppError && err.code === 'QUOTA_EXCEEDED';

/** The cadre approves a reservation under review (stock is taken now) or rejects it. */
export async function review(user: AuthUser, id: string, approve: boolean, clock: Clock): Promise<ReservationView> {
  const reservation = await ReservationModel.findById(id);
  if (!reservation) throw new AppError('NOT_FOUND', 'No such reservation');
  // The household may have registered since it reserved: its committee decides who reviews.
  const registration = await RegistrationModel.findOne({ userId: reservation.userId }).lean();
  const committeeId = String(registration?.committeeId ?? reservation.committeeId ?? '');
  if (user.role === 'cadre' && committeeId !== user.scope.committeeId) throw new AppError('FORBIDDEN', 'This reservation belongs to another committee');
  const decision = reservationTransition(reservation.status, approve ? 'approve' : 'reject', [user.role === 'district' ? 'district' : 'committee-cadre']);
  if (!decision.ok) throw refused(decision.refusal, reservation.status);
  const now = clock.now();
  const entry = timelineEntry(now, approve ? 'approve' : 'reject', reservation.status, decision.to, user);
  if (!approve) return view(await stepOrConflict(reservation, decision.to, { entry }));

  const round = await roundById(reservation.roundId);
  if (!round) throw new AppError('NOT_FOUND', 'The round of this reservation no longer exists');
  if (registration?.status !== 'approved') throw new AppError('REGISTRATION_NOT_APPROVED', 'The household must have an approved registration first');
  // The hold is dated now and names this reservation; the orphan-hold job leaves it alone
  // while the reservation can still be approved with it.
  const taken = await takeNearest(round._id, registration.location!, reservation.quantity, { reservationId: reservation._id, at: now });
  if (!taken) throw new AppError('OUT_OF_STOCK', 'No pharmacy has masks left in this round');
  let approved: ReservationRecord;
  try {
    // From now on the household's address holds the quota (the unique index refuses a second one).
    const set = {
      householdKey: registration.addressKey,
      committeeId: registration.committeeId,
      pharmacyId: taken.pharmacy._id,
      holdId: taken.holdId,
      pickupCode: newPickupCode(),
      pickupBy: new Date(now.getTime() + round.pickupWindowHours * HOUR_MS),
    };
    approved = await stepOrConflict(reservation, decision.to, { set, entry });
  } catch (err) {
    // Give the hold back only if the approval did not take it up (the write may have landed before the error).
    if (!(await ReservationModel.exists({ holdId: taken.holdId }))) await release(round._id, taken.pharmacy._id, reservation.quantity, taken.holdId);
    if (isDuplicateKey(err)) throw quotaExceeded();
    throw err;
  }
  return view(approved);
}

async function stepOrConflict(r: ReservationRecord, to: ReservationStatus, write: StepWrite<TimelineEntry>) {
  const updated = await applyStep(ReservationModel, r._id, r.status, to, write);
  if (!updated) throw new AppError('CONFLICT', 'Someone else acted on this reservation first', { currentStatus: (await ReservationModel.findById(r._id))?.status });
  return updated;
}

/** The pharmacy redeems a pickup code, once. */
export async function redeem(user: AuthUser, pickupCode: string, clock: Clock): Promise<ReservationView> {
  const reservation = await ReservationModel.findOne({ pickupCode });
  if (!reservation) throw new AppError('NOT_FOUND', 'No reservation has this pickup code');
  if (String(reservation.pharmacyId) !== user.scope.pharmacyId) throw new AppError('FORBIDDEN', 'This pickup code is for another pharmacy');
  const decision = reservationTransition(reservation.status, 'redeem', ['the-pharmacy']);
  if (!decision.ok) throw refused(decision.refusal, reservation.status);
  const now = clock.now();
  if (reservation.pickupBy && reservation.pickupBy.getTime() < now.getTime()) throw new AppError('CONFLICT', 'The pickup window has passed', { currentStatus: 'expired' });
  return view(await stepOrConflict(reservation, decision.to, { entry: timelineEntry(now, 'redeem', reservation.status, decision.to, user) }));
}

export async function mine(user: AuthUser) {
  const items = await ReservationModel.find({ userId: user.id }).sort({ createdAt: -1 }).limit(50);
  return { items: await Promise.all(items.map((r) => view(r))) };
}

export async function list(user: AuthUser, status?: string) {
  const filter: Record<string, unknown> = {};
  if (user.role === 'cadre') filter.committeeId = new Types.ObjectId(user.scope.committeeId);
  if (user.role === 'pharmacy') filter.pharmacyId = new Types.ObjectId(user.scope.pharmacyId);
  if (status) filter.status = status;
  const items = await ReservationModel.find(filter).sort({ createdAt: -1 }).limit(200);
  // Staff lists never show pickup codes: only the resident holds theirs.
  return { items: (await Promise.all(items.map((r) => view(r)))).map(({ pickupCode: _code, ...rest }) => rest) };
}

/** The answer. The pharmacy is the one in hand, or named from memory. */
async function view(r: StoredReservation, inHand?: StockPharmacy): Promise<ReservationView> {
  const pharmacy = inHand ?? (r.pharmacyId ? await pharmacyNamed(r.pharmacyId) : null);
  return {
    id: String(r._id),
    status: r.status,
    roundId: String(r.roundId),
    reason: r.reason ?? undefined,
    pharmacy: pharmacy ? { id: String(pharmacy._id), name: pharmacy.name, address: pharmacy.address } : undefined,
    pickupCode: r.pickupCode ?? undefined,
    pickupBy: r.pickupBy?.toISOString(),
    quantity: r.quantity,
    createdAt: r.createdAt.toISOString(),
  };
}
