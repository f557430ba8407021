import { evaluate, shanghaiDate, type Declaration, type HealthColor, type MedicalStatus } from '@sqtb/shared';
import * as seedDistrict from '../../seed/district';
import type { LedgerEntry } from '../ledger';
import type { Checks, Prediction } from './checks';
import type { MasksModel } from './masks-model';

/**
 * Health codes as the shared rules (`evaluate`) give them: each resident's
 * declarations, the medical statuses district staff set against their ID
 * number, the risk regions seeded at reset. Residents with an identity on
 * record are the seeded ones and everyone who registered a household.
 */
export interface Identity {
  openid: string;
  idNumber: string;
  /** The committee of their household registration, if any (any status). */
  committee: string | null;
}

interface Appeal {
  openid: string;
  status: 'open' | 'corrected' | 'explained';
}

const RISK_REGIONS = Object.fromEntries(seedDistrict.RISK_REGIONS.map((r) => [r.code, { level: r.level, since: r.since, name: r.name }]));

export class HealthModel {
  readonly identities = new Map<string, Identity>();
  readonly appeals = new Map<string, Appeal>();
  private readonly declarations = new Map<string, Declaration[]>();
  /** By ID number, in the order they were set (ties on date keep that order). */
  private readonly cases = new Map<string, Array<{ status: MedicalStatus; date: string }>>();

  constructor() {
    for (const a of seedDistrict.ACCOUNTS) {
      if (a.identity) this.identities.set(a.openid, { openid: a.openid, idNumber: a.identity.idNumber, committee: a.household && a.committeeCode ? a.committeeCode : null });
    }
  }

  /** Registering records who the resident is, whatever the registration's status. */
  noteRegistration(entry: LedgerEntry, masks: MasksModel): void {
    const registration = masks.registrations.get(entry.ref);
    if (registration && !this.identities.has(entry.actor)) this.identities.set(entry.actor, { openid: entry.actor, idNumber: entry.data.idNumber as string, committee: registration.committee });
  }

  /** The resident on record holding this ID number, if any. */
  openidOf(idNumber: string): string | undefined {
    return [...this.identities.values()].find((i) => i.idNumber === idNumber)?.openid;
  }

  /** A status set other than by district staff's form (a close contact confirmed from visits), in the order it was set. */
  addStatus(idNumber: string, status: MedicalStatus, date: string): void {
    this.cases.set(idNumber, [...(this.cases.get(idNumber) ?? []), { status, date }]);
  }

  colorOf(openid: string, today: string): HealthColor {
    return this.colorFor(openid, this.identities.get(openid)?.idNumber, today);
  }

  /** Anyone known by ID number (a returning employee): their statuses, plus their declarations if they are a resident on record. */
  colorByIdNumber(idNumber: string, today: string): HealthColor {
    const identity = [...this.identities.values()].find((i) => i.idNumber === idNumber);
    return this.colorFor(identity?.openid, idNumber, today);
  }

  private colorFor(openid: string | undefined, idNumber: string | undefined, today: string): HealthColor {
    const cases = [...((idNumber && this.cases.get(idNumber)) || [])].sort((a, b) => a.date.localeCompare(b.date));
    return evaluate({ declarations: (openid && this.declarations.get(openid)) || [], cases, riskRegions: RISK_REGIONS }, today).color;
  }

  apply(entry: LedgerEntry, checks: Checks): void {
    const today = shanghaiDate(new Date(entry.at));
    switch (entry.kind) {
      case 'health.declare': {
        const data = entry.data as Omit<Declaration, 'date'>;
        if (data.travel.some((t) => t.date > today)) {
          checks.judge(entry, { ok: false, error: 'VALIDATION_FAILED' });
          return;
        }
        const list = this.declarations.get(entry.actor) ?? [];
        list.push({ date: today, temperature: data.temperature, symptoms: data.symptoms, travel: data.travel, homeObservation: data.homeObservation });
        this.declarations.set(entry.actor, list);
        // The answer is the code after declaring: checked step by step.
        if (!checks.judge(entry, { ok: true, result: { color: this.colorOf(entry.actor, today) } })) list.pop();
        return;
      }
      case 'health.case': {
        const data = entry.data as { idNumber: string; status: MedicalStatus; date: string };
        if (!checks.judge(entry, data.date > today ? { ok: false, error: 'VALIDATION_FAILED' } : { ok: true, result: { status: data.status, date: data.date } })) return;
        this.cases.set(data.idNumber, [...(this.cases.get(data.idNumber) ?? []), { status: data.status, date: data.date }]);
        return;
      }
      case 'appeal.file': {
        const open = [...this.appeals.values()].some((a) => a.openid === entry.actor && a.status === 'open');
        const prediction: Prediction = open ? { ok: false, error: 'CONFLICT' } : { ok: true, result: { status: 'open', colorAtFiling: this.colorOf(entry.actor, today) } };
        if (checks.judge(entry, prediction)) this.appeals.set(entry.ref, { openid: entry.actor, status: 'open' });
        return;
      }
      case 'appeal.resolve': {
        const appeal = this.appeals.get(entry.ref);
        const data = entry.data as { outcome: 'corrected' | 'explained'; correction?: { status: MedicalStatus; date: string } };
        const identity = appeal && this.identities.get(appeal.openid);
        const prediction: Prediction = !appeal
          ? { ok: false, error: 'NOT_FOUND' }
          : appeal.status !== 'open' || (data.outcome === 'corrected' && !identity)
            ? { ok: false, error: 'CONFLICT' }
            : { ok: true, result: { status: data.outcome } };
        if (!checks.judge(entry, prediction) || !appeal) return;
        appeal.status = data.outcome;
        if (data.correction && identity) this.cases.set(identity.idNumber, [...(this.cases.get(identity.idNumber) ?? []), data.correction]);
        return;
      }
      default:
    }
  }
}
