import type { PlannedEvent } from './ledger';
import { DISTRICT, type PlanContext } from './plan-context';
import type { PlannedRegistration } from './plan-masks';
import { personAt, sameHour, slotHour, type ScanPlanner } from './plan-places';
import type { SimResident } from './population';
import type { Rng } from './rng';
import { at, dayOf, MINUTE_MS, withSeconds } from './time';

/**
 * Two confirmed cases (确诊) and their close-contact candidates (时空伴随).
 *
 * K1, four days before the end: over the two weeks before, the case goes out
 * most days, usually to one of two places, and a companion or two is there
 * within the hour; on one day one is there exactly 60 minutes later (a
 * candidate, the bound included), another 61 minutes later and another at the
 * same time elsewhere (neither is). A visit the day before the window brings
 * nobody in. District staff confirm the case, find its record, read the
 * candidates, and the next morning confirm every other one and dismiss the
 * rest, read the list again (the candidate with no ID number on record,
 * asked to be confirmed, stays on it), and those asked to be confirmed read
 * their codes (red, but for the one with no ID number).
 *
 * K2, on the last day: confirmed in the evening and left waiting, so the
 * overview's candidates awaiting a decision are not all decided.
 */
export const CONTACT_CASES = { K1: 'K1', K2: 'K2' } as const;
/** K1's candidates asked to be confirmed read their codes afterwards: this many at most (a read past the last is skipped). */
export const CODE_READS = 12;

export function planContacts(context: PlanContext, rng: Rng, planner: ScanPlanner, registrations: PlannedRegistration[], events: readonly PlannedEvent[]): void {
  // Registered on the first day, inside an area, and not in the health plan's cases: their colour is theirs alone until confirmed.
  const inCases = new Set(events.filter((e) => e.kind === 'health.case').map((e) => e.ref));
  const subjects = registrations.filter((r) => r.at.getTime() < at(dayOf(context.start, 1), 0).getTime() && r.resident.insideArea && !inCases.has(r.resident.ref));
  if (context.days < 6 || subjects.length < 2) return;
  const k1 = rng.pick(subjects).resident;
  const k2 = rng.pick(subjects.filter((s) => s.resident !== k1)).resident;
  const others = context.residents.filter((r) => r !== k1 && r !== k2);
  // Residents who never register have no ID number on record: a confirmation cannot set their status.
  const registered = new Set(registrations.map((r) => r.resident.ref));
  const strangers = others.filter((r) => !registered.has(r.ref));

  const k1Day = context.days - 4;
  outings(context, rng.fork('K1'), planner, k1, others, k1Day, 0.8, strangers);
  confirmCase(context, rng, k1, CONTACT_CASES.K1, k1Day, 16);
  const next = dayOf(context.start, k1Day + 1);
  const step = (hour: number, kind: PlannedEvent['kind'], data: Record<string, unknown> = {}) => context.add(withSeconds(at(next, hour), rng.int(0, 58)), DISTRICT, kind, CONTACT_CASES.K1, data);
  step(10, 'contacts.confirm', { take: 'even' });
  step(10.1, 'contacts.dismiss', { take: 'odd' });
  step(10.2, 'contacts.list');
  for (let nth = 0; nth < CODE_READS; nth += 1) context.add(withSeconds(at(next, 11 + nth / 10), rng.int(0, 58)), 'confirmed-contact', 'code.read', CONTACT_CASES.K1, { case: CONTACT_CASES.K1, nth });

  const k2Day = context.days - 1;
  outings(context, rng.fork('K2'), planner, k2, others, k2Day, 0.6, []);
  confirmCase(context, rng, k2, CONTACT_CASES.K2, k2Day, 18);
}

/** The status set, the record looked up by ID number, its candidates read. */
function confirmCase(context: PlanContext, rng: Rng, subject: SimResident, ref: string, day: number, hour: number): void {
  const date = dayOf(context.start, day);
  context.add(withSeconds(at(date, hour), rng.int(0, 58)), DISTRICT, 'health.case', subject.ref, { idNumber: subject.idNumber, status: 'confirmed', date, note: '核酸检测阳性，确诊' });
  context.add(withSeconds(at(date, hour + 1 / 6), rng.int(0, 58)), DISTRICT, 'case.find', ref, { idNumber: subject.idNumber });
  context.add(withSeconds(at(date, hour + 1 / 3), rng.int(0, 58)), DISTRICT, 'contacts.list', ref);
}

/**
 * The case's outings over the 14 days up to the status day (and one the day
 * before them), each with companions within the hour; on the status day only
 * before the confirmation. On the first outing of the window a stranger (no
 * ID number on record) is there 58 minutes before the case: the first
 * candidate, so the first ticked for confirmation, and counted as unidentified.
 */
function outings(context: PlanContext, rng: Rng, planner: ScanPlanner, subject: SimResident, others: SimResident[], statusDay: number, chance: number, strangers: SimResident[]): void {
  const habits: string[] = [];
  let bounds = false;
  for (let day = Math.max(0, statusDay - 14); day <= statusDay; day += 1) {
    if (!rng.chance(chance)) continue;
    const date = dayOf(context.start, day);
    const t = personAt(rng, date, day === statusDay ? rng.between(8, 12) : slotHour(rng));
    const places = planner.openAt(t);
    if (!places.length) continue;
    // Usually one of two places the case goes to.
    if (habits.length < 2) habits.push(rng.pick(places));
    const usual = habits.filter((h) => places.includes(h));
    const place = usual.length && rng.chance(0.7) ? rng.pick(usual) : rng.pick(places);
    if (!planner.scan(t, subject, place)) continue;
    const again = new Date(t.getTime() + rng.int(1, 4) * MINUTE_MS);
    if (rng.chance(0.2) && sameHour(t, again)) planner.scan(again, subject, place, { data: { again: true } });
    for (let n = rng.int(1, 2); n > 0; n -= 1) planner.scan(new Date(t.getTime() + Math.round(rng.between(-55, 55) * MINUTE_MS) + rng.int(1, 999)), rng.pick(others), place);
    if (!bounds && day > statusDay - 14 && day < statusDay) {
      bounds = true;
      if (strangers.length) planner.scan(new Date(t.getTime() - 58 * MINUTE_MS), rng.pick(strangers), place);
      planner.scan(new Date(t.getTime() + 60 * MINUTE_MS), rng.pick(others), place);
      planner.scan(new Date(t.getTime() + 61 * MINUTE_MS), rng.pick(others), place);
      const elsewhere = places.find((p) => p !== place);
      if (elsewhere) planner.scan(new Date(t.getTime() + 1000), rng.pick(others), elsewhere);
    }
  }
}
