import { contactCandidates, shanghaiDate, type ContactCandidate, type HealthColor, type PlaceVisit } from '@sqtb/shared';
import { chosen } from '../actions-places';
import type { LedgerEntry, OrgRef } from '../ledger';
import type { Checks, Prediction } from './checks';
import type { FilingsModel } from './filings-model';
import type { HealthModel } from './health-model';

/**
 * Place codes as the rules say: a pharmacy has its place from the start, an
 * enterprise once a filing of its is approved; a scan makes one visit per
 * person, place and Shanghai clock hour, with the colour the health rules
 * give at that moment (green enters; yellow and red are refused but kept),
 * the latest scan of the hour deciding the colour kept. The visits are kept
 * with the time the BFF answered. A confirmed case's candidates are the
 * shared rule's (`contactCandidates`) over these visits; a confirmation needs
 * the person's ID number on record and makes them a close contact that day.
 */
export interface Visit {
  /** The scan that made it (V0001). */
  scan: string;
  openid: string;
  place: string;
  hour: string;
  /** When the BFF says they arrived. */
  at: string;
  color: HealthColor;
  allowed: boolean;
}

export interface ConfirmedCase {
  idNumber: string;
  date: string;
  /** Decided for this case: never proposed again. */
  decisions: Map<string, 'confirmed' | 'dismissed'>;
  /** The openids of the candidates as last listed, and those asked to be confirmed. */
  listed: string[];
  confirmAsked: string[];
}

/** Visits are deleted 28 days after they arrive (places/jobs.ts). */
const VISIT_RETENTION_DAYS = 28;
const DAY_MS = 86_400_000;
const hourOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 13);

export class PlacesModel {
  /** Places whose code was read, by code (E1, P1): the committee they belong to. */
  readonly places = new Map<string, { committee: string | null }>();
  readonly visits: Visit[] = [];
  /** Every confirmed status set, in order; and those district staff looked up, by case (K1). */
  readonly cases: ConfirmedCase[] = [];
  readonly found = new Map<string, ConfirmedCase>();
  private readonly byKey = new Map<string, Visit>();

  constructor(
    private readonly org: OrgRef,
    private readonly health: HealthModel,
    private readonly filings: FilingsModel,
  ) {}

  /** A `confirmed` status the BFF took: a case whose candidates can be asked for. */
  noteCase(entry: LedgerEntry): void {
    const data = entry.data as { idNumber: string; status: string; date: string };
    if (entry.outcome.ok && data.status === 'confirmed') this.cases.push({ idNumber: data.idNumber, date: data.date, decisions: new Map(), listed: [], confirmAsked: [] });
  }

  runJobs(entry: LedgerEntry): void {
    const oldest = Date.parse(entry.at) - VISIT_RETENTION_DAYS * DAY_MS;
    for (const visit of this.visits.filter((v) => Date.parse(v.at) < oldest)) {
      this.visits.splice(this.visits.indexOf(visit), 1);
      this.byKey.delete(`${visit.openid}|${visit.place}|${visit.hour}`);
    }
  }

  /** The case's current candidates by the shared rule, people by openid, places by code. */
  candidatesOf(record: ConfirmedCase): ContactCandidate[] {
    const subject = this.health.openidOf(record.idNumber);
    if (!subject) return [];
    const visits: PlaceVisit[] = this.visits.map((v) => ({ userId: v.openid, placeId: v.place, at: new Date(v.at) }));
    return contactCandidates(subject, visits, visits, record.date, new Set(record.decisions.keys()));
  }

  apply(entry: LedgerEntry, checks: Checks): void {
    const today = shanghaiDate(new Date(entry.at));
    switch (entry.kind) {
      case 'place.mine':
        return this.read(entry, checks);
      case 'visit.scan':
        return this.scan(entry, checks, today);
      case 'case.find': {
        const record = this.cases.filter((c) => c.idNumber === entry.data.idNumber).at(-1);
        if (checks.judge(entry, { ok: true, result: { status: record ? 'confirmed' : null, date: record?.date ?? null } }) && record) this.found.set(entry.ref, record);
        return;
      }
      case 'contacts.list': {
        const record = this.found.get(entry.ref);
        if (!record) return void checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
        const items = this.candidatesOf(record).map((c) => ({ who: c.userId, place: c.placeId, overlapAt: c.overlapAt.toISOString(), identified: this.health.identities.has(c.userId) }));
        record.listed = items.map((i) => i.who);
        checks.judge(entry, { ok: true, result: { items } });
        return;
      }
      case 'contacts.confirm':
      case 'contacts.dismiss':
        return this.decide(entry, checks, today);
      case 'code.read': {
        const who = this.found.get(entry.data.case as string)?.confirmAsked[entry.data.nth as number];
        if (!who) return void checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
        if (entry.outcome.ok && entry.actor !== who) checks.note(entry, 'the code read was another person\'s', who, entry.actor);
        checks.judge(entry, { ok: true, result: { color: this.health.colorOf(who, today) } });
        return;
      }
      default:
    }
  }

  private read(entry: LedgerEntry, checks: Checks): void {
    const code = entry.ref;
    const pharmacy = this.org.pharmacies[code];
    const filing = [...this.filings.filings.values()].find((f) => f.enterprise === code && f.status === 'approved');
    const committee = pharmacy ? (pharmacy.committeeCode ?? null) : filing?.committee;
    const prediction: Prediction = committee === undefined ? { ok: false, error: 'NOT_FOUND' } : { ok: true, result: { kind: pharmacy ? 'pharmacy' : 'enterprise' } };
    if (checks.judge(entry, prediction) && committee !== undefined) this.places.set(code, { committee });
  }

  private scan(entry: LedgerEntry, checks: Checks, today: string): void {
    const place = entry.data.place as string;
    if (!this.places.has(place)) return void checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
    if (entry.data.forged) return void checks.judge(entry, { ok: false, error: 'INVALID_PLACE_CODE' });
    const hour = hourOf(entry.at);
    const key = `${entry.actor}|${place}|${hour}`;
    const known = this.byKey.get(key);
    const color = this.health.colorOf(entry.actor, today);
    const allowed = color === 'green';
    if (!checks.judge(entry, { ok: true, result: { place, visit: known?.scan ?? entry.ref, color, allowed, at: known?.at ?? entry.at } })) return;
    if (known) Object.assign(known, { color, allowed });
    else {
      const visit: Visit = { scan: entry.ref, openid: entry.actor, place, hour, at: (entry.outcome.result?.at as string | undefined) ?? entry.at, color, allowed };
      this.visits.push(visit);
      this.byKey.set(key, visit);
    }
  }

  private decide(entry: LedgerEntry, checks: Checks, today: string): void {
    const record = this.found.get(entry.ref);
    const picks = chosen(record?.listed ?? [], entry.data.take);
    if (!record || !picks.length) return void checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
    const confirm = entry.kind === 'contacts.confirm';
    const current = new Set(this.candidatesOf(record).map((c) => c.userId));
    // A confirmation sets a status by ID number: someone with none on record stays a candidate.
    const decided = picks.filter((who) => current.has(who) && (!confirm || this.health.identities.has(who)));
    const unidentified = confirm ? picks.filter((who) => current.has(who) && !this.health.identities.has(who)).length : 0;
    if (confirm) record.confirmAsked = picks;
    if (!checks.judge(entry, { ok: true, result: { decided: decided.length, skipped: picks.length - decided.length - unidentified, unidentified, who: picks } })) return;
    for (const who of decided) {
      record.decisions.set(who, confirm ? 'confirmed' : 'dismissed');
      if (confirm) this.health.addStatus(this.health.identities.get(who)!.idNumber, 'close_contact', today);
    }
  }
}
