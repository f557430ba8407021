import { addDays, shanghaiDate } from '@sqtb/shared';
import { DISTRICT, type PlanContext } from './plan-context';
import type { PlannedRegistration } from './plan-masks';
import type { SimResident } from './population';
import type { Rng } from './rng';
import { at, dayOf, DAY_STARTS, withSeconds } from './time';

/**
 * Health over the month: registered residents declare now and then (a few
 * with fever or symptoms, a few back from a medium-risk region, one or two on
 * home observation: yellow); district staff set a few close contacts (red),
 * release one of them later and put one into centralised isolation; some of
 * the red appeal, one appeal is corrected, one explained, one left open.
 */
export interface HealthPlan {
  /** The close contact who works at enterprise E4: the filing plan puts them on its roster. */
  e4Worker?: SimResident;
  /** The day the close contacts are set. */
  contactDay: number;
}

export function planHealth(context: PlanContext, rng: Rng, registrations: PlannedRegistration[]): HealthPlan {
  planDeclarations(context, rng.fork('declarations'), registrations);
  return planCases(context, rng.fork('cases'), registrations);
}

function planDeclarations(context: PlanContext, rng: Rng, registrations: PlannedRegistration[]): void {
  for (const { resident, at: registeredAt } of registrations) {
    const firstDay = Math.round((Date.parse(`${shanghaiDate(registeredAt)}T00:00:00+08:00`) - Date.parse(`${context.start}T00:00:00+08:00`)) / 86_400_000) + 1;
    for (let day = firstDay; day < context.days; day += 1) {
      if (!rng.chance(0.2)) continue;
      const date = dayOf(context.start, day);
      const kind = rng.weighted({ normal: 91, fever: 3.5, symptoms: 3, travel: 2, low: 1.5, observation: 1 });
      const normal = Number(rng.between(36.1, 37.1).toFixed(1));
      const data = {
        temperature: kind === 'fever' ? Number(rng.between(37.3, 38.6).toFixed(1)) : normal,
        symptoms: kind === 'fever' ? (rng.chance(0.5) ? ['fever', 'cough'] : ['fever']) : kind === 'symptoms' ? [rng.pick(['cough', 'sore-throat', 'fatigue'])] : [],
        // A trip a few days ago: 温州 is medium risk (yellow for 14 days), 深圳 low (no effect).
        travel: kind === 'travel' ? [{ region: 'zhejiang-wenzhou', date: addDays(date, -rng.int(1, 5)) }] : kind === 'low' ? [{ region: 'guangdong-shenzhen', date: addDays(date, -rng.int(1, 5)) }] : [],
        homeObservation: kind === 'observation',
      };
      context.add(withSeconds(at(date, rng.between(DAY_STARTS, 21)), rng.int(0, 58)), resident.openid, 'health.declare', resident.ref, data);
    }
  }
}

function planCases(context: PlanContext, rng: Rng, registrations: PlannedRegistration[]): HealthPlan {
  const contactDay = Math.min(2, context.days - 1);
  const early = registrations.filter((r) => shanghaiDate(r.at) < dayOf(context.start, contactDay) && r.resident.insideArea);
  const pickFrom = (committee: string) => early.find((r) => r.resident.committeeCode === committee)?.resident;
  // One close contact works at E4 (committee B); the others live in A, C and D.
  const worker = pickFrom('B');
  const contacts = [worker, pickFrom('A'), pickFrom('C'), pickFrom('D')].filter((r): r is SimResident => !!r);
  const date = dayOf(context.start, contactDay);
  const set = (day: number, hour: number, resident: SimResident, status: string) =>
    context.add(withSeconds(at(dayOf(context.start, day), hour), rng.int(0, 58)), DISTRICT, 'health.case', resident.ref, { idNumber: resident.idNumber, status, date: dayOf(context.start, day), note: '流调推送' });

  contacts.forEach((resident, i) => set(contactDay, 9 + i * 0.1, resident, 'close_contact'));
  // 14 days on, the worker is released (yellow for 14 more days); the A contact goes into centralised isolation.
  if (worker) set(contactDay + 14, 10, worker, 'released');
  if (contacts[1]) set(contactDay + 3, 11, contacts[1], 'centralised_isolation');

  // Appeals from the C and D contacts, and a fever declarer who says the thermometer was wrong.
  const appeal = (ref: string, resident: SimResident, day: number, reason: string, resolution?: Record<string, unknown>) => {
    if (!context.add(withSeconds(at(dayOf(context.start, day), 10), rng.int(0, 58)), resident.openid, 'appeal.file', ref, { reason })) return;
    if (resolution) context.add(withSeconds(at(dayOf(context.start, day + 1), 15), rng.int(0, 58)), DISTRICT, 'appeal.resolve', ref, resolution);
  };
  if (contacts[2]) appeal('AP1', contacts[2], contactDay + 1, '我当天不在该场所，不是密切接触者', { outcome: 'corrected', note: '经核实非密接，解除管控', correction: { status: 'released', date: addDays(date, 2) } });
  if (contacts[3]) appeal('AP2', contacts[3], contactDay + 2, '我已经做过核酸检测结果阴性', { outcome: 'explained', note: '密接需满 14 天隔离观察' });
  const third = early.find((r) => r.resident.committeeCode === 'A' && !contacts.includes(r.resident));
  if (third) {
    set(contactDay + 5, 9.5, third.resident, 'close_contact');
    appeal('AP3', third.resident, contactDay + 6, '请核实我的密接判定，我没有去过相关场所');
  }
  return { e4Worker: worker, contactDay };
}
