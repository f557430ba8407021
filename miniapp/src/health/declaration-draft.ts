import { SYMPTOMS, SYMPTOM_LABELS } from '@sqtb/shared';
import type { ChipOption } from '../core/components/chips';
import type { DeclarationBody } from './api';

export type Symptom = (typeof SYMPTOMS)[number];
export const SYMPTOM_OPTIONS: ChipOption<Symptom>[] = SYMPTOMS.map((s) => ({ value: s, label: SYMPTOM_LABELS[s] }));

export const MIN_TEMPERATURE = 34;
export const MAX_TEMPERATURE = 43;
export const MAX_TRIPS = 20;

export interface TripDraft {
  /** Stable key for the list while trips are added and removed. */
  key: number;
  region?: string;
  date: string;
}

/** What the declaration form holds before it is sent. */
export interface DeclarationDraft {
  temperature: string;
  symptoms: Symptom[];
  travel: TripDraft[];
  homeObservation: boolean;
}

export const emptyDeclaration = (): DeclarationDraft => ({ temperature: '', symptoms: [], travel: [], homeObservation: false });

const temperatureOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** Every reason the draft cannot be sent yet, in form order; empty when it can. */
export function declarationProblems(draft: DeclarationDraft, today: string): string[] {
  const problems: string[] = [];
  const temperature = temperatureOf(draft.temperature);
  if (!Number.isFinite(temperature)) problems.push('请填写体温，例如 36.5');
  else if (temperature < MIN_TEMPERATURE || temperature > MAX_TEMPERATURE) problems.push(`体温应在 ${MIN_TEMPERATURE}–${MAX_TEMPERATURE}℃ 之间`);
  draft.travel.forEach((trip, i) => {
    if (!trip.region) problems.push(`请选择第 ${i + 1} 段行程的地区`);
    if (!trip.date) problems.push(`请选择第 ${i + 1} 段行程的日期`);
    else if (trip.date > today) problems.push(`第 ${i + 1} 段行程的日期不能晚于今天`);
  });
  if (draft.travel.length > MAX_TRIPS) problems.push(`行程最多 ${MAX_TRIPS} 段`);
  return problems;
}

/** The `POST /api/health/declarations` body of a complete draft (temperature to one decimal). */
export function declarationBody(draft: DeclarationDraft): DeclarationBody {
  return {
    temperature: Math.round(temperatureOf(draft.temperature) * 10) / 10,
    symptoms: draft.symptoms,
    travel: draft.travel.map((trip) => ({ region: trip.region ?? '', date: trip.date })),
    homeObservation: draft.homeObservation,
  };
}
