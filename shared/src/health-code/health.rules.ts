import { addDays } from '../calendar/dates';

/**
 * The health code (随申码) as one pure function over data, after Shanghai's
 * 2020 rules. Bump RULES_VERSION whenever a rule changes, so a colour can
 * always be traced to the rules that gave it.
 */
export const HEALTH_RULES_VERSION = 'sh-2020.2';

export const HEALTH_COLORS = ['green', 'yellow', 'red'] as const;
export type HealthColor = (typeof HEALTH_COLORS)[number];
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const MEDICAL_STATUSES = ['confirmed', 'suspected', 'asymptomatic', 'close_contact', 'centralised_isolation', 'home_observation', 'released'] as const;
export type MedicalStatus = (typeof MEDICAL_STATUSES)[number];

export interface Declaration {
  /** Shanghai date of the declaration. */
  date: string;
  temperature: number;
  symptoms: string[];
  travel: Array<{ region: string; date: string }>;
  homeObservation: boolean;
}

export interface HealthInputs {
  /** Newest last. */
  declarations: Declaration[];
  /** The person's medical status records set by district staff, newest last. */
  cases: Array<{ status: MedicalStatus; date: string }>;
  riskRegions: Record<string, { level: RiskLevel; since: string; name?: string }>;
}

export type RuleName =
  | 'case-status'
  | 'centralised-isolation'
  | 'fever'
  | 'symptoms'
  | 'risk-region-travel'
  | 'home-observation'
  | 'recently-released';

export interface Reason {
  rule: RuleName;
  color: Exclude<HealthColor, 'green'>;
  text: string;
  /** The first day this reason no longer applies, if it lapses by itself. */
  until?: string;
}

export interface Evaluation {
  color: HealthColor;
  reasons: Reason[];
  /** The Shanghai date the colour changes by itself if nothing new happens. */
  nextChangeOn?: string;
  rulesVersion: string;
}

export const SYMPTOMS = ['fever', 'cough', 'fatigue', 'sore-throat', 'loss-of-smell', 'shortness-of-breath', 'diarrhoea'] as const;
export const SYMPTOM_LABELS: Record<(typeof SYMPTOMS)[number], string> = {
  fever: '发热',
  cough: '咳嗽',
  fatigue: '乏力',
  'sore-throat': '咽痛',
  'loss-of-smell': '嗅觉减退',
  'shortness-of-breath': '气促',
  diarrhoea: '腹泻',
};
const symptomWords = (codes: string[]) => codes.map((c) => SYMPTOM_LABELS[c as keyof typeof SYMPTOM_LABELS] ?? c).join('、');

export const FEVER_CELSIUS = 37.3;
export const QUARANTINE_DAYS = 14;

const RED_CASES: Partial<Record<MedicalStatus, string>> = {
  confirmed: '确诊病例',
  suspected: '疑似病例',
  asymptomatic: '无症状感染者',
  close_contact: '密切接触者',
};

/** Each rule looks at the inputs on a date and says why the code is not green, or nothing. */
const RULES: Array<(inputs: HealthInputs, today: string) => Reason | undefined> = [
  function caseStatus({ cases }) {
    const latest = cases.at(-1);
    const label = latest && RED_CASES[latest.status];
    return label ? { rule: 'case-status', color: 'red', text: `${label}（${latest.date}起），解除前为红码` } : undefined;
  },
  function centralisedIsolation({ cases }) {
    const latest = cases.at(-1);
    return latest?.status === 'centralised_isolation'
      ? { rule: 'centralised-isolation', color: 'red', text: `集中隔离中（${latest.date}起），解除前为红码` }
      : undefined;
  },
  // What the latest declaration says holds until a new declaration, or 14 days (yellow turns green after 14 days).
  function fever({ declarations }, today) {
    const latest = declarations.at(-1);
    return latest && latest.temperature >= FEVER_CELSIUS && today < addDays(latest.date, QUARANTINE_DAYS)
      ? { rule: 'fever', color: 'yellow', text: `最近一次申报体温 ${latest.temperature}℃，不低于 ${FEVER_CELSIUS}℃`, until: addDays(latest.date, QUARANTINE_DAYS) }
      : undefined;
  },
  function symptoms({ declarations }, today) {
    const latest = declarations.at(-1);
    return latest && latest.symptoms.length > 0 && today < addDays(latest.date, QUARANTINE_DAYS)
      ? { rule: 'symptoms', color: 'yellow', text: `最近一次申报有症状：${symptomWords(latest.symptoms)}`, until: addDays(latest.date, QUARANTINE_DAYS) }
      : undefined;
  },
  function riskRegionTravel({ declarations, riskRegions }, today) {
    // The latest qualifying trip decides when this lapses.
    const trips = declarations
      .flatMap((d) => d.travel)
      .filter((t) => {
        const region = riskRegions[t.region];
        return region && region.level !== 'low' && region.since <= t.date && t.date <= today && today < addDays(t.date, QUARANTINE_DAYS);
      })
      .sort((a, b) => a.date.localeCompare(b.date));
    const last = trips.at(-1);
    return last
      ? { rule: 'risk-region-travel', color: 'yellow', text: `${last.date} 到过中高风险地区（${riskRegions[last.region].name ?? last.region}），14 天内为黄码`, until: addDays(last.date, QUARANTINE_DAYS) }
      : undefined;
  },
  function homeObservation({ declarations, cases }, today) {
    const latestCase = cases.at(-1);
    if (latestCase?.status === 'home_observation' && today < addDays(latestCase.date, QUARANTINE_DAYS)) {
      return { rule: 'home-observation', color: 'yellow', text: `居家观察中（${latestCase.date}起），满 14 天转绿`, until: addDays(latestCase.date, QUARANTINE_DAYS) };
    }
    const latest = declarations.at(-1);
    return latest?.homeObservation && today < addDays(latest.date, QUARANTINE_DAYS)
      ? { rule: 'home-observation', color: 'yellow', text: '最近一次申报为居家观察', until: addDays(latest.date, QUARANTINE_DAYS) }
      : undefined;
  },
  function recentlyReleased({ cases }, today) {
    const latest = cases.at(-1);
    const hadRed = cases.slice(0, -1).some((c) => RED_CASES[c.status] || c.status === 'centralised_isolation');
    if (latest?.status !== 'released' || !hadRed || today >= addDays(latest.date, QUARANTINE_DAYS)) return undefined;
    return { rule: 'recently-released', color: 'yellow', text: `${latest.date} 解除隔离，14 天内为黄码`, until: addDays(latest.date, QUARANTINE_DAYS) };
  },
];

/** The colour for a Shanghai date, why, and when it changes by itself. */
export function evaluate(inputs: HealthInputs, today: string): Evaluation {
  const reasons = RULES.map((rule) => rule(inputs, today)).filter((r): r is Reason => !!r);
  const red = reasons.filter((r) => r.color === 'red');
  if (red.length > 0) return { color: 'red', reasons: red, rulesVersion: HEALTH_RULES_VERSION };
  if (reasons.length === 0) return { color: 'green', reasons: [], rulesVersion: HEALTH_RULES_VERSION };
  // Yellow turns green by itself only when every yellow reason lapses by itself.
  const lapses = reasons.every((r) => r.until);
  const nextChangeOn = lapses ? reasons.map((r) => r.until!).sort().at(-1) : undefined;
  return { color: 'yellow', reasons, rulesVersion: HEALTH_RULES_VERSION, ...(nextChangeOn ? { nextChangeOn } : {}) };
}
