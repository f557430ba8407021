import { PHARMACIES } from '../seed/district';
import type { EventKind, PlannedEvent } from './ledger';
import type { SimResident } from './population';
import type { Rng } from './rng';

/** What every part of the planner shares: the month, the people, and where events go. */
export interface PlanContext {
  start: string;
  days: number;
  /** The month's last instant: anything planned later does not happen. */
  end: Date;
  residents: SimResident[];
  /** Adds an event unless it falls after the end; says whether it was kept. */
  add(at: Date, actor: string, kind: EventKind, ref: string, data?: Record<string, unknown>, expectRefusal?: string): boolean;
}

export function createPlanContext(start: string, days: number, end: Date, residents: SimResident[]): { context: PlanContext; events: PlannedEvent[] } {
  const events: PlannedEvent[] = [];
  const context: PlanContext = {
    start,
    days,
    end,
    residents,
    add(at, actor, kind, ref, data = {}, expectRefusal) {
      if (at.getTime() > end.getTime()) return false;
      events.push({ seq: events.length, at: at.toISOString(), actor, kind, ref, data, ...(expectRefusal ? { expectRefusal } : {}) });
      return true;
    },
  };
  return { context, events };
}

/** The committee's cadre acts for it; matters outside every area go to district staff. */
export const CADRES: Record<string, string> = { A: 'cadre-1', B: 'cadre-2', C: 'cadre-3', D: 'cadre-4' };
export const DISTRICT = 'district-1';
export const reviewerOf = (committeeCode: string | undefined | null) => (committeeCode ? CADRES[committeeCode] : DISTRICT);

/** Who redeems is the pharmacy the BFF picked: the driver resolves this actor from the reservation. */
export const PHARMACY_OF_RESERVATION = 'pharmacy-of-reservation';
export const PHARMACY_ACCOUNTS: Record<string, string> = Object.fromEntries(PHARMACIES.map((p) => [p.code, `pharmacy-${p.code.slice(1)}`]));

export type { Rng };
