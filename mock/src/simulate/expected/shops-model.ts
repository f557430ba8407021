import { addDays, gradeShop, normaliseAddress, shanghaiDate, SHOP_LINK_STATUSES, VIOLATION_TYPES, type GradeObservation, type InspectionOutcome, type ShopGrading } from '@sqtb/shared';
import { SHOP_INSPECTIONS } from '../../seed/shops';
import type { LedgerEntry } from '../ledger';
import type { AlertLine } from '../plan-shops';
import { HANDLERS } from '../plan-complaints';
import { attachedShop, committeeOfShop, SEED_SHOPS, shopByCode, type SimShop } from '../shop-places';
import type { Checks, Prediction } from './checks';
import type { ComplaintsModel } from './complaints-model';

/**
 * Street order as the rules say it must stand after every step: the register
 * (one shop per licence number, else per name and address), each shop's
 * observations (the seed's inspections, the month's, and the patrol alerts
 * attached to it by name or within 30 m) and the complaints linked to it now,
 * by their filing date. A shop's grade on a day is the shared rule `gradeShop`
 * over exactly these, never what the BFF answered.
 */
export interface ShopState extends SimShop {
  committee: string | null;
}

export interface InspectionRecord {
  shop: string;
  /** Shanghai date. */
  date: string;
  outcome: InspectionOutcome;
}

interface ImportLine {
  line: number;
  applied: boolean;
  shop?: string;
}

/** The register's natural key (bff shops/register.ts): the licence number, else name and address as compared for households. */
const naturalKey = (s: SimShop) => (s.licenceNumber ? `licence:${s.licenceNumber.toUpperCase()}` : `name-address:${normaliseAddress(s.name)}|${normaliseAddress(s.address)}`);

const report = (lines: ImportLine[]) => ({ applied: lines.filter((l) => l.applied).length, refused: lines.filter((l) => !l.applied).length, lines });

export class ShopsModel {
  /** Registered shops by code. */
  readonly shops = new Map<string, ShopState>();
  readonly inspections: InspectionRecord[] = [];
  /** Patrol alerts on record: time|lat|lng|type → the shop (code) it went to, null for none. */
  readonly alerts = new Map<string, string | null>();
  /** Each complaint (ref) linked to a shop now, with the Shanghai date it was filed. */
  readonly links = new Map<string, { shop: string; filed: string }>();
  private readonly observations = new Map<string, GradeObservation[]>();
  /** The Shanghai date each shop's stored grade was last worked out on: by a step on it, or by the daily job. */
  private readonly gradedOn = new Map<string, string>();

  constructor(start: string) {
    for (const shop of SEED_SHOPS) this.register(shop, start);
    // Seeded at the month's first instant, `daysAgo` whole days before it.
    for (const i of SHOP_INSPECTIONS) this.observe(i.shopCode, addDays(start, -i.daysAgo), i.outcome, true);
  }

  gradeOf(code: string, today: string): ShopGrading {
    const complaints = [...this.links.values()].filter((l) => l.shop === code).map((l) => ({ date: l.filed }));
    return gradeShop({ businessType: this.shops.get(code)!.businessType }, this.observations.get(code) ?? [], complaints, today);
  }

  apply(entry: LedgerEntry, checks: Checks): void {
    const now = new Date(entry.at);
    const today = shanghaiDate(now);
    switch (entry.kind) {
      case 'shop.create': {
        const shop = shopByCode(entry.ref)!;
        const taken = this.holderOf(shop);
        if (!checks.judge(entry, taken ? { ok: false, error: 'CONFLICT' } : { ok: true, result: { grade: gradeShop(shop, [], [], today).grade, committee: committeeOfShop(shop) } })) return;
        this.register(shop, today);
        return;
      }
      case 'shop.import': {
        const lines = (entry.data.shops as Array<{ ref: string }>).map((planned, i): ImportLine => {
          const shop = shopByCode(planned.ref)!;
          const taken = this.holderOf(shop);
          if (taken) return { line: i + 2, applied: false, shop: taken };
          this.register(shop, today);
          return { line: i + 2, applied: true, shop: shop.code };
        });
        checks.judge(entry, { ok: true, result: report(lines) });
        return;
      }
      case 'shop.inspect': {
        if (!this.shops.has(entry.ref)) return void checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
        if (!/^(handler|district)-/.test(entry.actor)) return void checks.judge(entry, { ok: false, error: 'FORBIDDEN' });
        const previousGrade = this.gradeOf(entry.ref, today).grade;
        this.observe(entry.ref, today, entry.data.outcome as InspectionOutcome, true);
        this.gradedOn.set(entry.ref, today);
        checks.judge(entry, { ok: true, result: { grade: this.gradeOf(entry.ref, today).grade, previousGrade } });
        return;
      }
      case 'alerts.import': {
        const lines = this.importAlerts(entry.data.alerts as AlertLine[], now);
        for (const l of lines) if (l.applied && l.shop) this.gradedOn.set(l.shop, today);
        checks.judge(entry, { ok: true, result: report(lines) });
        return;
      }
      default:
    }
  }

  /**
   * The daily regrade at `entry.at`: every shop whose grade the rule moves
   * between the day its grade was last worked out and today changes (the
   * BFF keeps the date of the next move on each shop); afterwards every
   * stored grade is today's.
   */
  runJobs(entry: LedgerEntry, checks: Checks): void {
    const today = shanghaiDate(new Date(entry.at));
    let changed = 0;
    for (const code of this.shops.keys()) {
      if (this.gradeOf(code, today).grade !== this.gradeOf(code, this.gradedOn.get(code)!).grade) changed += 1;
      this.gradedOn.set(code, today);
    }
    const reported = (entry.outcome.result?.['shops.daily-regrade'] as { changed?: number } | undefined)?.changed;
    if (reported !== changed) checks.note(entry, 'job shops.daily-regrade: changed', changed, reported);
  }

  /** After the complaints model took the submission: a report naming a shop links it at once. */
  noteComplaint(entry: LedgerEntry, checks: Checks, complaints: ComplaintsModel): void {
    const shop = entry.data.shop as string | undefined;
    if (!shop || !complaints.complaints.has(entry.ref)) return;
    this.links.set(entry.ref, { shop, filed: shanghaiDate(new Date(entry.at)) });
    this.gradedOn.set(shop, shanghaiDate(new Date(entry.at)));
    if (entry.outcome.ok && entry.outcome.result?.shop !== shop) checks.note(entry, 'answer field shop', shop, entry.outcome.result?.shop);
  }

  /** The unit the matter is dispatched to links it to a shop, corrects the link, or clears it (null). */
  linkComplaint(entry: LedgerEntry, checks: Checks, complaints: ComplaintsModel): void {
    const c = complaints.complaints.get(entry.ref);
    const shop = entry.data.shop as string | null;
    const prediction: Prediction = !c
      ? { ok: false, error: 'NOT_FOUND' }
      : !c.unit || HANDLERS[c.unit] !== entry.actor
        ? { ok: false, error: 'FORBIDDEN' }
        : !SHOP_LINK_STATUSES.includes(c.status)
          ? { ok: false, error: 'CONFLICT' }
          : shop && !this.shops.has(shop)
            ? { ok: false, error: 'VALIDATION_FAILED' }
            : { ok: true, result: { status: c.status, shop } };
    if (!checks.judge(entry, prediction) || !c) return;
    const before = this.links.get(entry.ref)?.shop;
    if (shop) this.links.set(entry.ref, { shop, filed: shanghaiDate(new Date(c.createdAt)) });
    else this.links.delete(entry.ref);
    // Both shops are regraded: the one it left and the one it joined.
    for (const code of [before, shop]) if (code) this.gradedOn.set(code, shanghaiDate(new Date(entry.at)));
  }

  /** Each line on its own, as bff shops/imports.ts: checked, not in the future, its shop, not imported before. */
  private importAlerts(alerts: AlertLine[], now: Date): ImportLine[] {
    return alerts.map((a, i): ImportLine => {
      const line = i + 2;
      if (!(VIOLATION_TYPES as readonly string[]).includes(a.violationType)) return { line, applied: false };
      const at = new Date(`${a.time.replace(' ', 'T')}:00+08:00`);
      if (at > now) return { line, applied: false };
      if (a.shop && !this.shops.has(a.shop)) return { line, applied: false };
      const shop = a.shop ?? attachedShop(a, [...this.shops.values()])?.code;
      const key = `${at.toISOString()}|${a.lat}|${a.lng}|${a.violationType}`;
      if (this.alerts.has(key)) {
        const earlier = this.alerts.get(key);
        return { line, applied: false, ...(earlier ? { shop: earlier } : {}) };
      }
      this.alerts.set(key, shop ?? null);
      if (shop) this.observe(shop, a.time.slice(0, 10), 'violation', false);
      return { line, applied: true, ...(shop ? { shop } : {}) };
    });
  }

  private register(shop: SimShop, today: string): void {
    this.shops.set(shop.code, { ...shop, committee: committeeOfShop(shop) });
    this.gradedOn.set(shop.code, today);
  }

  /** The code of the shop already registered under this one's natural key. */
  private holderOf(shop: SimShop): string | undefined {
    return [...this.shops.values()].find((s) => naturalKey(s) === naturalKey(shop))?.code;
  }

  private observe(shop: string, date: string, outcome: InspectionOutcome, inspection: boolean): void {
    this.observations.set(shop, [...(this.observations.get(shop) ?? []), { date, outcome }]);
    if (inspection) this.inspections.push({ shop, date, outcome });
  }
}
