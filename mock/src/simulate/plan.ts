import type { PlannedEvent } from './ledger';
import { createPlanContext } from './plan-context';
import { planComplaints } from './plan-complaints';
import { planFilings } from './plan-filings';
import { planHealth } from './plan-health';
import { planMasks, planRegistrations } from './plan-masks';
import { planPlaces } from './plan-places';
import { planShopComplaints } from './plan-shop-complaints';
import { planShops } from './plan-shops';
import { createPopulation, type SimResident } from './population';
import { createRng } from './rng';
import { at, dayOf, endOfMonth, JOBS_HOUR } from './time';

export interface MonthPlan {
  seed: number;
  days: number;
  start: string;
  end: string;
  residents: SimResident[];
  /** Every event, in the order the driver performs them: by simulated time, ties by planning order. */
  events: PlannedEvent[];
}

/** How many residents the month's events are spread over. */
const RESIDENTS = 180;

/**
 * Plans the whole month from the seed alone: no server, no real time. Each
 * capability draws from its own fork of the generator, so a change in one
 * part's draws leaves the others' plans as they were.
 */
export function planMonth(options: { seed: number; days: number; start: string }): MonthPlan {
  const { seed, days, start } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`start must be a date such as 2026-03-02, not ${start}`);
  if (!Number.isInteger(days) || days < 1) throw new Error('days must be a positive whole number');
  const rng = createRng(seed);
  const end = endOfMonth(start, days);
  const residents = createPopulation(rng.fork('people'), RESIDENTS);
  const { context, events } = createPlanContext(start, days, end, residents);

  // The scheduled jobs run once a day at a fixed hour, as cron would.
  for (let day = 0; day < days; day += 1) context.add(at(dayOf(start, day), JOBS_HOUR), 'system', 'jobs.run', `jobs-${dayOf(start, day)}`);
  planComplaints(context, rng.fork('complaints'));
  const registrations = planRegistrations(context, rng.fork('registrations'));
  planMasks(context, rng.fork('masks'), registrations);
  const health = planHealth(context, rng.fork('health'), registrations);
  planFilings(context, rng.fork('filings'), health.e4Worker);
  planShops(context, rng.fork('shops'));
  // After the complaints: some of their submissions name a shop, and their units link shops.
  planShopComplaints(context, rng.fork('shop-complaints'), events);
  // After health and filings: places open with approvals, some scan in after a fever or a close-contact status.
  planPlaces(context, rng.fork('places'), registrations, events);

  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.seq - b.seq);
  return { seed, days, start, end: end.toISOString(), residents, events };
}
