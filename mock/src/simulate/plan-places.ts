import { PHARMACIES } from '../seed/district';
import type { PlannedEvent } from './ledger';
import { planContacts } from './plan-contacts';
import { PHARMACY_ACCOUNTS, type PlanContext } from './plan-context';
import type { PlannedRegistration } from './plan-masks';
import type { SimResident } from './population';
import type { Rng } from './rng';
import { at, awake, dayOf, HOUR_MS, MINUTE_MS, plusHours, shanghaiHour, withSeconds } from './time';

/**
 * Place codes over the month (一企一码): pharmacies read their code on the first
 * morning, each enterprise the hour after its filing is approved (one reads
 * too early and one never has an approval: 404, meant to be). Residents scan in
 * at those places on most days, mostly around the morning, lunch and the
 * evening; now and then the same person scans again within the hour (the same
 * visit), once across the hour (two visits); some scan while yellow (after a
 * fever declaration) or red (a close contact): refused, still recorded. One
 * forged code is refused. Then the confirmed cases (plan-contacts.ts).
 */

/** A place's code, readable from this instant. */
export interface OpenPlace {
  code: string;
  from: number;
}

/** What plan-places and plan-contacts share: the places open at an instant and a scan at a unique instant. */
export interface ScanPlanner {
  openAt(t: Date): string[];
  /** Plans a scan unless its place is not yet open or another scan has the instant (then false). */
  scan(t: Date, resident: SimResident, place: string, options?: { data?: Record<string, unknown>; expectRefusal?: string }): boolean;
}

/** Visits cluster: the morning errands, lunch, the evening. */
export function slotHour(rng: Rng): number {
  const slot = rng.weighted({ morning: 3, noon: 4, evening: 4 });
  return slot === 'morning' ? rng.between(8, 10) : slot === 'noon' ? rng.between(11.5, 13.5) : rng.between(17, 20);
}

/** A person's instant on a day: whole seconds never 0 (see withSeconds), and a millisecond part so no two scans tie. */
export const personAt = (rng: Rng, date: string, hour: number): Date => new Date(withSeconds(at(date, hour), rng.int(0, 58)).getTime() + rng.int(1, 999));

/** Whether two instants fall in one Shanghai clock hour (one visit per person, place and hour). */
export const sameHour = (a: Date, b: Date) => Math.floor((a.getTime() + 8 * HOUR_MS) / HOUR_MS) === Math.floor((b.getTime() + 8 * HOUR_MS) / HOUR_MS);

export function planPlaces(context: PlanContext, rng: Rng, registrations: PlannedRegistration[], events: readonly PlannedEvent[]): void {
  const open = planReads(context, events);
  let scans = 0;
  const used = new Set<number>();
  const planner: ScanPlanner = {
    openAt: (t) => open.filter((p) => p.from < t.getTime()).map((p) => p.code),
    scan(t, resident, place, options = {}) {
      if (used.has(t.getTime()) || !open.some((p) => p.code === place && p.from < t.getTime())) return false;
      if (!context.add(t, resident.openid, 'visit.scan', `V${String((scans += 1)).padStart(4, '0')}`, { place, ...options.data }, options.expectRefusal)) return false;
      used.add(t.getTime());
      return true;
    },
  };
  planDailyScans(context, rng.fork('daily'), planner);
  planColouredScans(context, rng.fork('coloured'), planner, events);
  planContacts(context, rng.fork('contacts'), planner, registrations, events);
}

/** Pharmacies on the first morning; each approved enterprise an hour after its approval; two reads refused (no approved filing). */
function planReads(context: PlanContext, events: readonly PlannedEvent[]): OpenPlace[] {
  const open: OpenPlace[] = [];
  const read = (t: Date, actor: string, code: string, refused?: string) => {
    if (context.add(t, actor, 'place.mine', code, {}, refused) && !refused) open.push({ code, from: t.getTime() });
  };
  PHARMACIES.forEach((p, i) => read(withSeconds(at(context.start, 7.5 + i / 60), 5 + i), PHARMACY_ACCOUNTS[p.code], p.code));
  const submitter = new Map(events.filter((e) => e.kind === 'filing.submit').map((e) => [e.ref, e.actor]));
  for (const approval of events.filter((e) => e.kind === 'filing.approve' && !e.expectRefusal)) {
    const actor = submitter.get(approval.ref);
    if (actor) read(withSeconds(awake(plusHours(new Date(approval.at), 1), 0.5), 17), actor, `E${actor.replace('enterprise-', '')}`);
  }
  // Before its filing (submitted later that morning), and an enterprise whose filing is still waiting at the end.
  read(withSeconds(at(context.start, 8), 23), 'enterprise-1', 'E1', 'NOT_FOUND');
  read(withSeconds(at(dayOf(context.start, Math.max(0, context.days - 2)), 9), 29), 'enterprise-5', 'E5', 'NOT_FOUND');
  return open;
}

/** Most days a dozen or more residents scan in; a few scan again within the hour; once across the hour; one forged code. */
function planDailyScans(context: PlanContext, rng: Rng, planner: ScanPlanner): void {
  for (let day = 0; day < context.days; day += 1) {
    const date = dayOf(context.start, day);
    for (let n = rng.int(12, 20); n > 0; n -= 1) {
      const t = personAt(rng, date, slotHour(rng));
      const places = planner.openAt(t);
      if (!places.length) continue;
      const resident = rng.pick(context.residents);
      const place = rng.pick(places);
      if (!planner.scan(t, resident, place) || !rng.chance(0.08)) continue;
      const again = new Date(t.getTime() + rng.int(2, 12) * MINUTE_MS + rng.int(1, 59) * 1000);
      if (sameHour(t, again)) planner.scan(again, resident, place, { data: { again: true } });
    }
  }
  const day = Math.min(3, context.days - 1);
  const resident = rng.pick(context.residents);
  const first = personAt(rng, dayOf(context.start, day), 9 + 55 / 60);
  const place = planner.openAt(first)[0];
  // 9:55 and 10:04: another Shanghai clock hour, another visit.
  if (place && planner.scan(first, resident, place) && shanghaiHour(first) < 10) planner.scan(new Date(first.getTime() + 9 * MINUTE_MS), resident, place, { data: { again: true } });
  const forgedAt = personAt(rng, dayOf(context.start, Math.min(5, context.days - 1)), 10.5);
  planner.scan(forgedAt, rng.pick(context.residents), 'P1', { data: { forged: true }, expectRefusal: 'INVALID_PLACE_CODE' });
}

/** Some who declared a fever go out that afternoon (yellow); close contacts try the pharmacy the next day (red): refused. */
function planColouredScans(context: PlanContext, rng: Rng, planner: ScanPlanner, events: readonly PlannedEvent[]): void {
  const byOpenid = new Map(context.residents.map((r) => [r.openid, r]));
  for (const e of [...events]) {
    const resident = byOpenid.get(e.actor) ?? context.residents.find((r) => r.ref === e.ref && e.kind === 'health.case');
    if (!resident) continue;
    let t: Date | undefined;
    if (e.kind === 'health.declare' && (e.data.temperature as number) >= 37.3 && rng.chance(0.6)) t = new Date(Date.parse(e.at) + rng.between(0.5, 2) * HOUR_MS + rng.int(1, 999));
    if (e.kind === 'health.case' && e.data.status === 'close_contact') t = personAt(rng, dayOf(e.data.date as string, 1), rng.between(9, 16));
    if (!t || shanghaiHour(t) > 20.5 || shanghaiHour(t) < 7) continue;
    const places = planner.openAt(t);
    if (places.length) planner.scan(t, resident, rng.pick(places));
  }
}
