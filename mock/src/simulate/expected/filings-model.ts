import { shanghaiDate } from '@sqtb/shared';
import type { LedgerEntry } from '../ledger';
import { CADRES } from '../plan-context';
import type { Checks, Prediction } from './checks';
import type { HealthModel } from './health-model';

/**
 * Resumption filings as the shared workflow table says: submitted → approved,
 * returned or rejected, returned → submitted when amended; one open filing
 * per credit code; approval refused while a returning employee's code is red;
 * daily reports once a day, only once approved.
 */
export interface Filing {
  ref: string;
  enterprise: string;
  committee: string;
  creditCode: string;
  name: string;
  status: 'submitted' | 'approved' | 'returned' | 'rejected';
  /** The first submission: amendments do not move it. */
  firstSubmittedAt: number;
  decidedAt?: number;
  everReturned: boolean;
  reopenDate: string;
  roster: string[];
  reports: Set<string>;
}

interface Body {
  enterpriseName: string;
  creditCode: string;
  committee: string;
  reopenDate: string;
  roster: Array<{ idNumber: string }>;
}

const OPEN = ['submitted', 'returned', 'approved'];
const enterpriseOf = (actor: string) => `E${actor.replace('enterprise-', '')}`;

export class FilingsModel {
  readonly filings = new Map<string, Filing>();

  constructor(private readonly health: HealthModel) {}

  apply(entry: LedgerEntry, checks: Checks): void {
    const now = Date.parse(entry.at);
    const today = shanghaiDate(new Date(now));
    if (entry.kind === 'filing.submit') {
      const body = entry.data as unknown as Body;
      const open = [...this.filings.values()].some((f) => f.creditCode === body.creditCode && OPEN.includes(f.status));
      if (!checks.judge(entry, open ? { ok: false, error: 'CONFLICT' } : { ok: true, result: { status: 'submitted' } })) return;
      this.filings.set(entry.ref, { ref: entry.ref, enterprise: enterpriseOf(entry.actor), ...fields(body), status: 'submitted', firstSubmittedAt: now, everReturned: false, reports: new Set() });
      return;
    }
    const f = this.filings.get(entry.ref);
    if (!f) {
      checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
      return;
    }
    const owner = enterpriseOf(entry.actor) === f.enterprise && entry.actor.startsWith('enterprise-');
    const reviewer = entry.actor.startsWith('district-') || CADRES[f.committee] === entry.actor;
    const decide = (from: Filing['status'], to: Filing['status'], allowed: boolean, extra?: () => string | undefined): Prediction => {
      if (!allowed) return { ok: false, error: 'FORBIDDEN' };
      if (f.status !== from) return { ok: false, error: 'CONFLICT' };
      const refusal = extra?.();
      return refusal ? { ok: false, error: refusal } : { ok: true, result: { status: to } };
    };
    switch (entry.kind) {
      case 'filing.approve': {
        const red = () => (f.roster.some((id) => this.health.colorByIdNumber(id, today) === 'red') ? 'CONFLICT' : undefined);
        if (!checks.judge(entry, decide('submitted', 'approved', reviewer, red))) return;
        Object.assign(f, { status: 'approved', decidedAt: now });
        return;
      }
      case 'filing.return':
        if (!checks.judge(entry, decide('submitted', 'returned', reviewer))) return;
        Object.assign(f, { status: 'returned', decidedAt: now, everReturned: true });
        return;
      case 'filing.reject':
        if (!checks.judge(entry, decide('submitted', 'rejected', reviewer))) return;
        Object.assign(f, { status: 'rejected', decidedAt: now });
        return;
      case 'filing.amend':
        if (!checks.judge(entry, decide('returned', 'submitted', owner))) return;
        Object.assign(f, { ...fields(entry.data as unknown as Body), status: 'submitted', decidedAt: undefined });
        return;
      case 'filing.report': {
        const date = entry.data.date as string;
        const prediction: Prediction = !owner
          ? { ok: false, error: 'FORBIDDEN' }
          : f.status !== 'approved' || f.reports.has(date)
            ? { ok: false, error: 'CONFLICT' }
            : date > today
              ? { ok: false, error: 'VALIDATION_FAILED' }
              : { ok: true, result: { date } };
        if (checks.judge(entry, prediction)) f.reports.add(date);
        return;
      }
      default:
    }
  }
}

function fields(body: Body) {
  return { committee: body.committee, creditCode: body.creditCode, name: body.enterpriseName, reopenDate: body.reopenDate, roster: body.roster.map((e) => e.idNumber) };
}
