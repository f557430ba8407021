import {
  MEDICAL_STATUSES,
  SYMPTOM_LABELS,
  type AppealStatus,
  type HealthColor,
  type MedicalStatus,
  type RiskLevel,
  type VerifyResponse,
} from '@sqtb/shared';
import type { ChipOption } from '../core/components/chips';
import { monthDayWords } from '../core/time';

/** The health code in the words and tones people know from the gate. */
export const COLOR_LABELS: Record<HealthColor, string> = { green: '绿码', yellow: '黄码', red: '红码' };

export const colorLabel = (color: string): string => COLOR_LABELS[color as HealthColor] ?? color;

export type InvalidReason = Extract<VerifyResponse, { valid: false }>['reason'];
export const INVALID_REASON_TEXT: Record<InvalidReason, string> = {
  'bad-signature': '签名无效',
  expired: '已过期',
  'unknown-key': '未知密钥',
  malformed: '格式错误',
};

export const MEDICAL_STATUS_LABELS: Record<MedicalStatus, string> = {
  confirmed: '确诊病例',
  suspected: '疑似病例',
  asymptomatic: '无症状感染者',
  close_contact: '密切接触者',
  centralised_isolation: '集中隔离',
  home_observation: '居家观察',
  released: '解除隔离',
};
export const MEDICAL_STATUS_OPTIONS: ChipOption<MedicalStatus>[] = MEDICAL_STATUSES.map((s) => ({ value: s, label: MEDICAL_STATUS_LABELS[s] }));
export const medicalStatusLabel = (status: string): string => MEDICAL_STATUS_LABELS[status as MedicalStatus] ?? status;

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = { open: '处理中', corrected: '已更正', explained: '已说明' };
export const APPEAL_STATUS_TONES: Record<AppealStatus, string> = { open: 'orange', corrected: 'green', explained: 'grey' };

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { high: '高风险', medium: '中风险', low: '低风险' };
export const RISK_LEVEL_TONES: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };

/**
 * A reason from the BFF in plain words. Its text is Chinese but carries the
 * symptom and region codes (e.g. "有症状：fever、cough", "（hubei-wuhan）"):
 * those become their names.
 */
export function reasonInWords(text: string, regionNames: ReadonlyMap<string, string> = new Map()): string {
  const regionsNamed = text.replace(/（([a-z0-9-]+)）/g, (whole, code: string) => (regionNames.has(code) ? `（${regionNames.get(code)}）` : whole));
  return regionsNamed.replace(/[a-z][a-z-]*[a-z]/g, (word) => SYMPTOM_LABELS[word as keyof typeof SYMPTOM_LABELS] ?? word);
}

/** "预计 3 月 24 日转绿", from `nextChangeOn` (only a yellow code turns green by itself). */
export function nextChangeText(color: HealthColor, nextChangeOn?: string): string | null {
  if (!nextChangeOn || color === 'green') return null;
  return `预计 ${monthDayWords(nextChangeOn)}转绿`;
}

/** Seconds left as "4:05"; never negative. */
export function countdownText(msLeft: number): string {
  const seconds = Math.max(0, Math.ceil(msLeft / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
