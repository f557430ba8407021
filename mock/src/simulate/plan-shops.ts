import { addDays, chinaCalendar, distanceMeters, VIOLATION_TYPES, type ViolationType } from '@sqtb/shared';
import { COMMITTEES } from '../seed/district';
import type { LatLng } from './ledger';
import { HANDLERS } from './plan-complaints';
import { DISTRICT, type PlanContext } from './plan-context';
import { pointInDisc } from './population';
import type { Rng } from './rng';
import { ALL_SHOPS, attachedShop, committeeOfShop, NEW_SHOPS, pointAround, SEED_SHOPS, type SimShop } from './shop-places';
import { at, dayOf, withSeconds } from './time';

/**
 * Street order over the month (街面秩序): handling units and district staff
 * inspect the shops (most clean, some violations), three shops collect three
 * violations within a few weeks (high), one is left alone (its grade moves
 * by time alone), district staff register a shop by the
 * form and three by a CSV import (with a line repeating the first), and
 * import the patrol vehicles' alerts every few days: some within 30 m of a
 * shop, some far from all, one naming its shop, and now and then a line the
 * import must refuse (an unknown violation type, an alert imported before).
 */

/** The day (from the month's start) and hour each registration happens. */
export const FORM_DAY = 4;
export const IMPORT_DAY = 11;
const REGISTER_HOUR = 9.5;
/** The shops registered when the day's inspections and alerts are planned. */
const registeredOn = (day: number): SimShop[] => [...SEED_SHOPS, ...NEW_SHOPS.filter((s) => (s.code === 'N1' ? day > FORM_DAY : day > IMPORT_DAY))];
/**
 * A food stall the patrols leave alone all month: the clean inspection it was
 * seeded with stops counting on day 23, and the daily job must raise its grade
 * with nothing else happening (time alone moves a grade).
 */
export const QUIET_SHOP = 'S18';
const patrolled = (shops: SimShop[]) => shops.filter((s) => s.code !== QUIET_SHOP);

const CLEAN_NOTES = ['门前整洁，无跨门经营', '店招规范，垃圾已分类', '经营有序', '油烟净化设施运行正常'];
const VIOLATION_NOTES: Record<ViolationType, string> = {
  beyond_door: '商品摆到门外',
  occupying_road: '桌椅占用人行道',
  illegal_signs: '门口新设立牌广告',
  fumes_noise: '油烟直排，噪声扰民',
  litter: '门前垃圾未清理',
  other: '其他违规经营',
};

export function planShops(context: PlanContext, rng: Rng): void {
  planRegistrations(context);
  planInspections(context, rng.fork('inspections'));
  planHighSpells(context, rng.fork('high'));
  planAlerts(context, rng.fork('alerts'));
}

const shopBody = (s: SimShop) => ({
  name: s.name,
  businessType: s.businessType,
  address: s.address,
  location: s.location,
  ...(s.licenceNumber ? { licenceNumber: s.licenceNumber } : {}),
});

/** N1 by the form; N2–N4 by a CSV import whose last line repeats N1 (refused: registered already). */
function planRegistrations(context: PlanContext): void {
  const [n1, ...imported] = NEW_SHOPS;
  context.add(withSeconds(at(dayOf(context.start, FORM_DAY), REGISTER_HOUR), 7), DISTRICT, 'shop.create', n1.code, shopBody(n1));
  const lines = [...imported, n1].map((s) => ({ ref: s.code, ...shopBody(s) }));
  context.add(withSeconds(at(dayOf(context.start, IMPORT_DAY), REGISTER_HOUR), 11), DISTRICT, 'shop.import', 'SI1', { shops: lines });
}

/** An inspection of `shop` by `actor` at `t`, clean or a violation of a drawn type. */
function inspect(context: PlanContext, rng: Rng, t: Date, actor: string, shop: string, violation: boolean): void {
  const violationType = rng.pick(VIOLATION_TYPES);
  context.add(t, actor, 'shop.inspect', shop, violation ? { outcome: 'violation', violationType, note: VIOLATION_NOTES[violationType] } : { outcome: 'ok', note: rng.pick(CLEAN_NOTES) });
}

/** Each working day the city-management patrol inspects a few shops; district staff and the greening unit now and then. */
function planInspections(context: PlanContext, rng: Rng): void {
  for (let day = 0; day < context.days; day += 1) {
    const date = dayOf(context.start, day);
    const working = chinaCalendar.isWorkingDay(date);
    const rounds: Array<[string, number]> = [
      [HANDLERS['city-management'], working ? rng.int(2, 5) : rng.int(0, 1)],
      [DISTRICT, working && rng.chance(0.3) ? 1 : 0],
      [HANDLERS.greening, working && rng.chance(0.2) ? 1 : 0],
    ];
    const shops = patrolled(registeredOn(day));
    for (const [actor, count] of rounds) {
      for (let i = 0; i < count; i += 1) {
        const t = withSeconds(at(date, rng.between(9, 17.5)), rng.int(0, 58));
        inspect(context, rng, t, actor, rng.pick(shops).code, rng.chance(0.15));
      }
    }
  }
}

/** Three shops, one in each of committees A–C, get three violations a few days apart: high at the third. */
function planHighSpells(context: PlanContext, rng: Rng): void {
  for (const committee of ['A', 'B', 'C']) {
    const shop = rng.pick(patrolled(SEED_SHOPS).filter((s) => s.code !== 'S03' && committeeOfShop(s) === committee));
    for (let n = 0, day = rng.int(1, 6); n < 3 && day < context.days; n += 1, day += rng.int(3, 8)) {
      inspect(context, rng, withSeconds(at(dayOf(context.start, day), rng.between(9, 17)), rng.int(0, 58)), HANDLERS['city-management'], shop.code, true);
    }
  }
}

/** A point more than 60 m from every shop the month will ever know: an alert that attaches to none. */
function farFromShops(rng: Rng): LatLng {
  for (;;) {
    const p = pointInDisc(rng, rng.pick(COMMITTEES).area.center, 430);
    if (ALL_SHOPS.every((s) => distanceMeters(p, s.location) > 60)) return p;
  }
}

export interface AlertLine {
  time: string;
  lat: number;
  lng: number;
  violationType: string;
  /** The shop the line names outright (its id goes in the shopId column). */
  shop?: string;
}

const wallClock = (date: string, hour: number) => {
  const minutes = Math.round(hour * 60);
  return `${date} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/**
 * Every three to five days, at 8:30, district staff import what the vehicles
 * captured the day before: within 5–20 m of a registered shop, or far from all.
 */
function planAlerts(context: PlanContext, rng: Rng): void {
  let previous: AlertLine[] = [];
  let imports = 0;
  for (let day = rng.int(1, 3); day < context.days; day += rng.int(3, 5)) {
    imports += 1;
    const captured = addDays(dayOf(context.start, day), -1);
    const shops = registeredOn(day);
    const hours = Array.from({ length: rng.int(4, 7) }, () => rng.between(8, 22)).sort((a, b) => a - b);
    const lines: AlertLine[] = hours.map((hour) => {
      const violationType = rng.pick(VIOLATION_TYPES);
      const time = wallClock(captured, hour);
      if (rng.chance(0.5)) return { time, ...farFromShops(rng), violationType };
      // Near a shop: the nearest within 30 m must be that one (shops stand 100 m apart).
      const target = rng.pick(patrolled(shops));
      let point = pointAround(rng, target.location, rng.between(5, 20));
      while (attachedShop(point, shops)?.code !== target.code) point = pointAround(rng, target.location, rng.between(5, 20));
      return { time, ...point, violationType };
    });
    // The second import names its first far alert's shop outright; the third carries a bad line and one imported before.
    if (imports === 2) {
      const far = lines.find((l) => !attachedShop(l, shops));
      if (far) far.shop = rng.pick(patrolled(shops)).code;
    }
    if (imports === 3) lines.push({ time: wallClock(captured, 23), ...farFromShops(rng), violationType: 'spitting' }, ...previous.slice(0, 1));
    context.add(withSeconds(at(dayOf(context.start, day), 8.5), 3), DISTRICT, 'alerts.import', `AL${imports}`, { alerts: lines });
    previous = lines;
  }
}
