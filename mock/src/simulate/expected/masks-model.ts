import { distanceMeters, isInsideArea, normaliseAddress } from '@sqtb/shared';
import type { LatLng, LedgerEntry, OrgRef } from '../ledger';
import { CADRES } from '../plan-context';
import { HOUR_MS } from '../time';
import type { Checks, Prediction } from './checks';

/**
 * Registrations, rounds, stock and reservations as the automatic rules of
 * 汇处理 say they must be: a household inside its committee's area at a free
 * address is approved at once, anything else waits for the cadre; one
 * reservation per household per round; masks from the nearest pharmacy that
 * still has enough and has not marked itself sold out; a pickup window, after
 * which the job returns the masks.
 */
export interface Registration {
  resident: string;
  committee: string;
  status: 'approved' | 'pending_review' | 'rejected';
  addressKey: string;
  location: LatLng;
}

export interface Stock {
  total: number;
  available: number;
  soldOut: boolean;
}

export interface Round {
  ref: string;
  name: string;
  opensAt: number;
  closesAt: number;
  masksPerHousehold: number;
  pickupWindowHours: number;
  stock: Map<string, Stock>;
}

export interface Reservation {
  ref: string;
  round: string;
  resident: string;
  householdKey: string;
  committee: string;
  status: 'pending_review' | 'approved' | 'rejected' | 'redeemed' | 'expired';
  quantity: number;
  pharmacy?: string;
  pickupBy?: number;
}

export class MasksModel {
  /** By the resident's ref. */
  readonly registrations = new Map<string, Registration>();
  readonly rounds = new Map<string, Round>();
  readonly reservations = new Map<string, Reservation>();
  private readonly approvedAddresses = new Set<string>();

  constructor(private readonly org: OrgRef) {}

  apply(entry: LedgerEntry, checks: Checks): void {
    const now = Date.parse(entry.at);
    const handlers: Partial<Record<string, () => void>> = {
      'registration.submit': () => this.register(entry, checks),
      'registration.approve': () => this.reviewRegistration(entry, checks, true),
      'registration.reject': () => this.reviewRegistration(entry, checks, false),
      'round.open': () => {
        const data = entry.data as { name: string; opensAt: string; closesAt: string; masksPerHousehold: number; pickupWindowHours: number; stock: Record<string, number> };
        if (!checks.judge(entry, { ok: true, result: { opensAt: data.opensAt, closesAt: data.closesAt } })) return;
        const stock = new Map(Object.entries(data.stock).map(([code, quantity]) => [code, { total: quantity, available: quantity, soldOut: false }]));
        this.rounds.set(entry.ref, { ref: entry.ref, name: data.name, opensAt: Date.parse(data.opensAt), closesAt: Date.parse(data.closesAt), masksPerHousehold: data.masksPerHousehold, pickupWindowHours: data.pickupWindowHours, stock });
      },
      'reservation.submit': () => this.reserve(entry, checks, now),
      'reservation.approve': () => this.reviewReservation(entry, checks, now, true),
      'reservation.reject': () => this.reviewReservation(entry, checks, now, false),
      'reservation.redeem': () => {
        const r = this.reservations.get(entry.ref);
        const prediction: Prediction = !r || r.status !== 'approved' || !r.pharmacy ? { ok: false, error: 'NOT_FOUND' } : r.pickupBy! < now ? { ok: false, error: 'CONFLICT' } : { ok: true, result: { status: 'redeemed', pharmacy: r.pharmacy } };
        if (checks.judge(entry, prediction) && r) r.status = 'redeemed';
      },
      'pharmacy.stock': () => {
        const stock = this.openRound(now)?.stock;
        const quantity = entry.data.quantity as number;
        const current = stock?.get(entry.ref) ?? { total: 0, available: 0, soldOut: false };
        if (!checks.judge(entry, stock ? { ok: true, result: { total: current.total + quantity, available: current.available + quantity } } : { ok: false, error: 'ROUND_CLOSED' }) || !stock) return;
        stock.set(entry.ref, { ...current, total: current.total + quantity, available: current.available + quantity });
      },
      'pharmacy.soldOut': () => {
        const stock = this.openRound(now)?.stock.get(entry.ref);
        if (!checks.judge(entry, stock ? { ok: true, result: { soldOut: entry.data.soldOut, available: stock.available } } : { ok: false, error: 'NOT_FOUND' }) || !stock) return;
        stock.soldOut = entry.data.soldOut as boolean;
      },
    };
    handlers[entry.kind]?.();
  }

  /** The round open now: the latest opened of those open. */
  openRound(now: number): Round | undefined {
    return [...this.rounds.values()].filter((r) => r.opensAt <= now && r.closesAt > now).sort((a, b) => b.opensAt - a.opensAt)[0];
  }

  private register(entry: LedgerEntry, checks: Checks): void {
    const data = entry.data as { committee: string; address: string; location: LatLng };
    if (this.registrations.has(entry.ref)) {
      checks.judge(entry, { ok: false, error: 'CONFLICT' });
      return;
    }
    const addressKey = normaliseAddress(data.address);
    const inside = isInsideArea(data.location, this.org.committees[data.committee].area);
    const taken = this.approvedAddresses.has(addressKey);
    const reason = !inside ? 'address-outside-committee' : taken ? 'address-already-registered' : undefined;
    const status = reason ? 'pending_review' : 'approved';
    if (!checks.judge(entry, { ok: true, result: { status, reason } })) return;
    if (status === 'approved') this.approvedAddresses.add(addressKey);
    this.registrations.set(entry.ref, { resident: entry.ref, committee: data.committee, status, addressKey, location: data.location });
  }

  private reviewRegistration(entry: LedgerEntry, checks: Checks, approve: boolean): void {
    const r = this.registrations.get(entry.ref);
    const prediction: Prediction = !r
      ? { ok: false, error: 'NOT_FOUND' }
      : CADRES[r.committee] !== entry.actor && !entry.actor.startsWith('district-')
        ? { ok: false, error: 'FORBIDDEN' }
        : r.status !== 'pending_review'
          ? { ok: false, error: 'CONFLICT' }
          : approve && this.approvedAddresses.has(r.addressKey)
            ? { ok: false, error: 'CONFLICT' }
            : { ok: true, result: { status: approve ? 'approved' : 'rejected' } };
    if (!checks.judge(entry, prediction) || !r) return;
    r.status = approve ? 'approved' : 'rejected';
    if (approve) this.approvedAddresses.add(r.addressKey);
  }

  /** The nearest pharmacy with enough masks that is not sold out: it gives them now. */
  private take(round: Round, from: LatLng, quantity: number): string | undefined {
    const candidates = [...round.stock.entries()]
      .filter(([, s]) => !s.soldOut && s.available >= quantity)
      .map(([code]) => ({ code, distance: distanceMeters(from, this.org.pharmacies[code].location) }))
      .sort((a, b) => a.distance - b.distance);
    const chosen = candidates[0]?.code;
    if (chosen) round.stock.get(chosen)!.available -= quantity;
    return chosen;
  }

  private reserve(entry: LedgerEntry, checks: Checks, now: number): void {
    const round = this.rounds.get(entry.data.round as string);
    if (!round || round.opensAt > now || round.closesAt <= now) {
      checks.judge(entry, { ok: false, error: round ? 'ROUND_CLOSED' : 'NOT_FOUND' });
      return;
    }
    const resident = residentOf(entry);
    const reg = this.registrations.get(resident);
    const householdKey = reg?.status === 'approved' ? reg.addressKey : `user:${resident}`;
    if ([...this.reservations.values()].some((r) => r.round === round.ref && r.householdKey === householdKey)) {
      checks.judge(entry, { ok: false, error: 'QUOTA_EXCEEDED' });
      return;
    }
    const base = { ref: entry.ref, round: round.ref, resident, householdKey, committee: reg?.committee ?? '', quantity: round.masksPerHousehold };
    if (reg?.status !== 'approved') {
      const reason = !reg ? 'household-not-registered' : reg.status === 'rejected' ? 'household-registration-rejected' : 'household-registration-pending';
      if (checks.judge(entry, { ok: true, result: { status: 'pending_review', reason } })) this.reservations.set(entry.ref, { ...base, status: 'pending_review' });
      return;
    }
    const pharmacy = this.take(round, reg.location, round.masksPerHousehold);
    const pickupBy = now + round.pickupWindowHours * HOUR_MS;
    if (!checks.judge(entry, pharmacy ? { ok: true, result: { status: 'approved', pharmacy, pickupBy: new Date(pickupBy).toISOString() } } : { ok: false, error: 'OUT_OF_STOCK' }) || !pharmacy) return;
    this.reservations.set(entry.ref, { ...base, status: 'approved', pharmacy, pickupBy });
  }

  private reviewReservation(entry: LedgerEntry, checks: Checks, now: number, approve: boolean): void {
    const r = this.reservations.get(entry.ref);
    if (!r) {
      checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
      return;
    }
    // The household's registration now decides who reviews and whether stock may be given.
    const reg = this.registrations.get(r.resident);
    const reviewer = reg?.committee ?? r.committee;
    if (CADRES[reviewer] !== entry.actor && !entry.actor.startsWith('district-')) {
      checks.judge(entry, { ok: false, error: 'FORBIDDEN' });
      return;
    }
    if (r.status !== 'pending_review') {
      checks.judge(entry, { ok: false, error: 'CONFLICT' });
      return;
    }
    if (!approve) {
      if (checks.judge(entry, { ok: true, result: { status: 'rejected' } })) r.status = 'rejected';
      return;
    }
    const round = this.rounds.get(r.round)!;
    if (reg?.status !== 'approved') {
      checks.judge(entry, { ok: false, error: 'REGISTRATION_NOT_APPROVED' });
      return;
    }
    if ([...this.reservations.values()].some((o) => o !== r && o.round === r.round && o.householdKey === reg.addressKey)) {
      checks.judge(entry, { ok: false, error: 'QUOTA_EXCEEDED' });
      return;
    }
    const pharmacy = this.take(round, reg.location, r.quantity);
    const pickupBy = now + round.pickupWindowHours * HOUR_MS;
    if (!checks.judge(entry, pharmacy ? { ok: true, result: { status: 'approved', pharmacy, pickupBy: new Date(pickupBy).toISOString() } } : { ok: false, error: 'OUT_OF_STOCK' }) || !pharmacy) return;
    Object.assign(r, { status: 'approved', pharmacy, pickupBy, householdKey: reg.addressKey, committee: reg.committee });
  }

  /** The expiry job: approved and not picked up by `pickupBy` lapses; its masks go back. */
  runJobs(entry: LedgerEntry, checks: Checks): void {
    const now = Date.parse(entry.at);
    let expired = 0;
    let returned = 0;
    for (const r of this.reservations.values()) {
      if (r.status !== 'approved' || r.pickupBy! >= now) continue;
      r.status = 'expired';
      this.rounds.get(r.round)!.stock.get(r.pharmacy!)!.available += r.quantity;
      expired += 1;
      returned += r.quantity;
    }
    const reported = (entry.outcome.result ?? {}) as Record<string, Record<string, number> | undefined>;
    const check = (job: string, field: string, expected: number) => {
      if (reported[job]?.[field] !== expected) checks.note(entry, `job ${job}: ${field}`, expected, reported[job]?.[field]);
    };
    check('masks.expire-unclaimed', 'expired', expired);
    check('masks.expire-unclaimed', 'returned', returned);
    check('masks.return-orphan-holds', 'returned', 0);
  }
}

/** Residents act under their own openid (sim-r001 is R001). */
export const residentOf = (entry: LedgerEntry) => entry.actor.replace(/^sim-/, '').toUpperCase();
