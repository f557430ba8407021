import type { LedgerEntry } from '../ledger';

/**
 * What the replay predicts for one step, from the rules alone: success (and
 * what the answer should say) or the refusal code. Anything unknown to the
 * model (never created) is NOT_FOUND, which matches a step the driver skipped.
 */
export type Prediction = { ok: true; result?: Record<string, unknown> } | { ok: false; error: string };

export interface Disagreement {
  seq: number;
  at: string;
  kind: string;
  ref: string;
  what: string;
  expected: unknown;
  actual: unknown;
}

export class Checks {
  readonly disagreements: Disagreement[] = [];

  note(entry: Pick<LedgerEntry, 'seq' | 'at' | 'kind' | 'ref'>, what: string, expected: unknown, actual: unknown): void {
    this.disagreements.push({ seq: entry.seq, at: entry.at, kind: entry.kind, ref: entry.ref, what, expected, actual });
  }

  /** Compares the prediction with what the BFF answered; says whether the model applies the step (it trusts its own rules). */
  judge(entry: LedgerEntry, prediction: Prediction): boolean {
    const outcome = entry.outcome;
    if (!prediction.ok) {
      const skippedAsExpected = outcome.error === 'SKIPPED' && prediction.error === 'NOT_FOUND';
      if (outcome.ok) this.note(entry, 'the BFF accepted a step the rules refuse', prediction.error, `${outcome.httpStatus} ok`);
      else if (!skippedAsExpected && outcome.error !== prediction.error) this.note(entry, 'refused with another code', prediction.error, outcome.error);
      return false;
    }
    if (!outcome.ok) {
      this.note(entry, 'the BFF refused a step the rules allow', 'ok', `${outcome.httpStatus} ${outcome.error}`);
      return true;
    }
    for (const [key, value] of Object.entries(prediction.result ?? {})) {
      const actual = outcome.result?.[key];
      if (JSON.stringify(actual) !== JSON.stringify(value)) this.note(entry, `answer field ${key}`, value, actual);
    }
    return true;
  }
}
