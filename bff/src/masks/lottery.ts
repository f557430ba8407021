import { randomBytes } from 'node:crypto';
import { drawOrder, RESERVATION_START, reservationTransition } from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { HOUR_MS } from '../core/clock';
import { RegistrationModel, ReservationModel, RoundModel } from './masks.model';
import { release, takeNearest } from './stock';
import { applyStep } from '../workflow/apply-step';
import { timelineEntry } from '../workflow/timeline';
import { releaseLease, tryTakeLease } from '../jobs/lease';

/** Longer than any draw takes; a draw cut off by a crash is resumed once it lapses. */
const DRAW_LEASE_MS = 5 * 60_000;

/**
 * Draws a closed lottery round, one draw of a round at a time (a lease per
 * round): two draws at once could each hold stock for the same winner, so a
 * later application would find none and lose although its turn came while
 * stock lasted.
 */
export async function drawRound(roundId: string, now: Date): Promise<{ seed: string; winners: number; losers: number }> {
  const round = await RoundModel.findById(roundId);
  if (!round || !round.lottery) throw new AppError('NOT_FOUND', 'No such lottery round');
  if (round.closesAt.getTime() > now.getTime()) throw new AppError('CONFLICT', 'The round is still open: it is drawn after it closes');
  const lease = `masks.draw:${round._id}`;
  const token = await tryTakeLease(lease, 'draw', now, DRAW_LEASE_MS);
  if (!token) throw new AppError('CONFLICT', 'This round is being drawn right now; the result follows shortly');
  try {
    return await draw(round, now);
  } finally {
    await releaseLease(lease, token, now);
  }
}

/**
 * The draw itself. The seed is fixed once (a conditional update), so every
 * run — a retry, a resumed draw — computes the same order; each application
 * then moves by its own conditional update, so a rerun changes nothing
 * already drawn.
 */
async function draw(round: InstanceType<typeof RoundModel>, now: Date): Promise<{ seed: string; winners: number; losers: number }> {
  await RoundModel.updateOne({ _id: round._id, drawSeed: { $exists: false } }, { $set: { drawSeed: randomBytes(16).toString('hex'), drawnAt: now } });
  const seed = (await RoundModel.findById(round._id).lean())!.drawSeed!;

  const applications = await ReservationModel.find({ roundId: round._id, status: { $in: ['applied', 'approved', 'lost', 'redeemed', 'expired'] }, reason: 'lottery-application' }, { _id: 1 }).lean();
  const order = drawOrder(applications.map((a) => String(a._id)), seed);
  let winners = 0;
  let losers = 0;
  for (const id of order) {
    const application = await ReservationModel.findById(id);
    if (!application || application.status !== 'applied') continue;
    const registration = await RegistrationModel.findOne({ userId: application.userId }).lean();
    const taken = registration?.location ? await takeNearest(round._id, registration.location, application.quantity, { reservationId: application._id, at: now }) : undefined;
    const event = taken ? 'win' : 'lose';
    const decision = reservationTransition(application.status, event, ['system']);
    if (!decision.ok) continue;
    const set = taken
      ? { pharmacyId: taken.pharmacy._id, holdId: taken.holdId, pickupCode: String(Number.parseInt(randomBytes(4).toString('hex'), 16) % 100_000_000).padStart(8, '0'), pickupBy: new Date(now.getTime() + round.pickupWindowHours * HOUR_MS) }
      : {};
    const moved = await applyStep(ReservationModel, application._id, decision.from, decision.to, { set, entry: timelineEntry(now, event, decision.from, decision.to, 'system') });
    if (!moved && taken) await release(round._id, taken.pharmacy._id, application.quantity, taken.holdId);
    if (moved) (taken ? winners++ : losers++);
  }
  // Finished only when no application is left undrawn: a draw cut off halfway is resumed by the next run.
  if (!(await ReservationModel.exists({ roundId: round._id, status: RESERVATION_START.lotteryApplication, reason: 'lottery-application' }))) {
    await RoundModel.updateOne({ _id: round._id, drawCompletedAt: { $exists: false } }, { $set: { drawCompletedAt: now } });
  }
  return { seed, winners, losers };
}

/** The published result: the seed and the order, so anyone can re-run the draw. */
export async function drawResult(roundId: string) {
  const round = await RoundModel.findById(roundId).lean();
  if (!round?.lottery) throw new AppError('NOT_FOUND', 'No such lottery round');
  if (!round.drawSeed) throw new AppError('CONFLICT', 'This round has not been drawn yet');
  const applications = await ReservationModel.find({ roundId: round._id, reason: 'lottery-application' }, { _id: 1, status: 1 }).lean();
  return {
    seed: round.drawSeed,
    drawnAt: round.drawnAt!.toISOString(),
    applications: applications.map((a) => String(a._id)).sort(),
    winners: applications.filter((a) => a.status !== 'lost' && a.status !== 'applied').map((a) => String(a._id)).sort(),
    method: 'sort application ids; Fisher–Yates shuffle with mulberry32 seeded by FNV-1a(seed); winners in that order while stock lasts (shared/src/masks/lottery.ts)',
  };
}

/** The job: draws every closed lottery round whose draw has not finished (never started, or cut off halfway). */
export async function drawClosedLotteries(now: Date) {
  const due = await RoundModel.find({ lottery: true, closesAt: { $lte: now }, drawCompletedAt: { $exists: false } }, { _id: 1 }).lean();
  let drawn = 0;
  for (const round of due) {
    try {
      await drawRound(String(round._id), now);
      drawn++;
    } catch (err) {
      // Drawn by someone else right now (the district's button): their draw finishes it.
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
    }
  }
  return { drawn };
}
