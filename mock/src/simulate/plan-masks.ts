import { normaliseAddress, shanghaiDate } from '@sqtb/shared';
import { DISTRICT, PHARMACY_OF_RESERVATION, reviewerOf, type PlanContext } from './plan-context';
import type { SimResident } from './population';
import type { Rng } from './rng';
import { at, awake, dayOf, DAY_STARTS, DAY_MS, HOUR_MS, plusHours, withSeconds } from './time';

/**
 * Households register with their committee (most are approved at once; those
 * outside the area or at an address already taken wait for the cadre), then
 * district staff open mask rounds and households rush to reserve. Pharmacies
 * redeem most pickups; the rest lapse and the job returns their masks. A late
 * second round is still open when the month ends, so the overview shows
 * masks reserved, picked up and expired at once.
 */
export const PICKUP_WINDOW_HOURS = 48;
export const MASKS_PER_HOUSEHOLD = 5;

export interface PlannedRegistration {
  resident: SimResident;
  at: Date;
  /** The planner's expectation, used only to decide what reviews to plan. */
  status: 'approved' | 'pending_review';
  /** When the cadre settles it, if they do. */
  review?: { at: Date; approve: boolean };
}

export function planRegistrations(context: PlanContext, rng: Rng): PlannedRegistration[] {
  const chosen = context.residents.filter(() => rng.chance(0.78));
  const registrations = chosen
    .map((resident) => {
      const day = rng.chance(0.6) ? rng.int(0, 1) : rng.int(0, Math.max(0, context.days - 9));
      return { resident, at: withSeconds(at(dayOf(context.start, day), rng.between(DAY_STARTS, 21)), rng.int(0, 58)) };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.resident.ref.localeCompare(b.resident.ref));

  const approvedAddresses = new Set<string>();
  const planned: PlannedRegistration[] = [];
  for (const { resident, at: t } of registrations) {
    const key = normaliseAddress(resident.address);
    const auto = resident.insideArea && !approvedAddresses.has(key);
    if (!context.add(t, resident.openid, 'registration.submit', resident.ref, {
      name: resident.name,
      idNumber: resident.idNumber,
      phone: resident.phone,
      committee: resident.committeeCode,
      address: resident.address,
      location: resident.home,
      householdSize: resident.householdSize,
    })) continue;
    const registration: PlannedRegistration = { resident, at: t, status: auto ? 'approved' : 'pending_review' };
    if (auto) approvedAddresses.add(key);
    else {
      // Outside the area: the cadre knows the household and usually approves. A second household at one address: rejected.
      const taken = approvedAddresses.has(key);
      const decision = taken ? rng.weighted({ reject: 50, wait: 50 }) : rng.weighted({ approve: 50, reject: 10, wait: 40 });
      if (decision !== 'wait') {
        const reviewAt = withSeconds(awake(plusHours(t, rng.between(4, 40)), rng.between(1, 3)), rng.int(0, 58));
        const approve = decision === 'approve';
        if (context.add(reviewAt, reviewerOf(resident.committeeCode), approve ? 'registration.approve' : 'registration.reject', resident.ref, approve ? {} : { reason: taken ? '该地址已有登记户' : '地址不在本居委范围' })) {
          registration.review = { at: reviewAt, approve };
          if (approve) approvedAddresses.add(key);
        }
      }
    }
    planned.push(registration);
  }
  return planned;
}

interface RoundPlan {
  ref: string;
  opensAt: Date;
  openForDays: number;
  stock: Record<string, number>;
  /** Share of registered households that reserve in this round. */
  turnout: number;
}

function roundsFor(context: PlanContext): RoundPlan[] {
  const first: RoundPlan = { ref: 'RND1', opensAt: at(dayOf(context.start, 1), 9), openForDays: 7, stock: { P1: 80, P2: 80, P3: 100, P4: 100, P5: 100, P6: 140 }, turnout: 0.85 };
  const rounds = [first];
  // The second opens a week before the month ends (never while the first is open) and is still open at the end.
  const secondDay = Math.max(1 + first.openForDays + 1, context.days - 7);
  if (secondDay <= context.days - 3) rounds.push({ ref: 'RND2', opensAt: at(dayOf(context.start, secondDay), 9), openForDays: 10, stock: { P1: 60, P2: 60, P3: 60, P4: 60, P5: 60, P6: 60 }, turnout: 0.6 });
  return rounds;
}

export function planMasks(context: PlanContext, rng: Rng, registrations: PlannedRegistration[]): void {
  for (const round of roundsFor(context)) {
    const closesAt = new Date(round.opensAt.getTime() + round.openForDays * DAY_MS);
    if (!context.add(round.opensAt, DISTRICT, 'round.open', round.ref, {
      name: round.ref === 'RND1' ? '第一轮口罩预约' : '第二轮口罩预约',
      opensAt: round.opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      masksPerHousehold: MASKS_PER_HOUSEHOLD,
      pickupWindowHours: PICKUP_WINDOW_HOURS,
      stock: round.stock,
    })) continue;
    if (round.ref === 'RND2') {
      // The rush empties shelves: one pharmacy gets more stock, another marks itself sold out.
      context.add(at(shanghaiDate(round.opensAt), 10.25), 'pharmacy-2', 'pharmacy.stock', 'P2', { quantity: 50 });
      context.add(at(shanghaiDate(round.opensAt), 11.25), 'pharmacy-5', 'pharmacy.soldOut', 'P5', { soldOut: true });
    }
    planReservations(context, rng.fork(round.ref), round, closesAt, registrations);
  }
}

function planReservations(context: PlanContext, rng: Rng, round: RoundPlan, closesAt: Date, registrations: PlannedRegistration[]): void {
  const openDate = shanghaiDate(round.opensAt);
  for (const registration of registrations) {
    if (!rng.chance(round.turnout)) continue;
    // The rush: most reserve in the first three hours; the rest over the following days.
    const t = rng.chance(0.6)
      ? withSeconds(at(openDate, 9 + rng.between(0.02, 3)), rng.int(0, 58))
      : withSeconds(awake(plusHours(round.opensAt, rng.between(3, (round.openForDays - 0.5) * 24)), rng.between(0, 4)), rng.int(0, 58));
    if (t.getTime() <= registration.at.getTime() || t.getTime() >= closesAt.getTime()) continue;
    const ref = `${round.ref.replace('RND', 'M')}-${registration.resident.ref}`;
    if (!context.add(t, registration.resident.openid, 'reservation.submit', ref, { round: round.ref })) continue;

    const approvedBefore = registration.status === 'approved' || (registration.review?.approve === true && registration.review.at.getTime() < t.getTime());
    let approvedAt: Date | undefined = approvedBefore ? t : undefined;
    if (!approvedBefore && registration.review) {
      // The cadre settles the reservation once the household's registration is settled.
      const reviewAt = withSeconds(awake(plusHours(new Date(Math.max(t.getTime(), registration.review.at.getTime())), rng.between(1, 8)), rng.between(1, 3)), rng.int(0, 58));
      const approve = registration.review.approve;
      if (context.add(reviewAt, reviewerOf(registration.resident.committeeCode), approve ? 'reservation.approve' : 'reservation.reject', ref)) approvedAt = approve ? reviewAt : undefined;
    }
    if (!approvedAt || !rng.chance(0.75)) continue;
    // Picked up within the window, in opening hours; what would fall outside it lapses instead.
    const pickupBy = approvedAt.getTime() + PICKUP_WINDOW_HOURS * HOUR_MS;
    const redeemAt = withSeconds(awake(plusHours(approvedAt, rng.between(0.5, 40)), rng.between(0.5, 3)), rng.int(0, 58));
    if (redeemAt.getTime() < pickupBy - HOUR_MS && redeemAt.getTime() > approvedAt.getTime()) context.add(redeemAt, PHARMACY_OF_RESERVATION, 'reservation.redeem', ref);
  }
}
