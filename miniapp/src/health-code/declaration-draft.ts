import { declarationBodySchema, SYMPTOM_LABELS, SYMPTOMS, type DeclarationBody } from '@sqtb/shared';
import type { ChipOption } from '../core/components/chips';
import { fieldWords, limitOf, problemList } from '../core/field-problems';

export type Symptom = (typeof SYMPTOMS)[number];
export const SYMPTOM_OPTIONS: ChipOption<Symptom>[] = SYMPTOMS.map((s) => ({ value: s, label: SYMPTOM_LABELS[s] }));

/** The temperature's limits live in the shared schema; the form reads them from there. */
const fields = declarationBodySchema.shape;

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

/**
 * Every reason the draft cannot be sent yet, in form order; empty when it can.
 * The shared schema checks the temperature and the number of trips; a trip's
 * region and date are picked, so the form only checks they are there (and not
 * in the future, which needs today).
 */
export function declarationProblems(draft: DeclarationDraft, today: string): string[] {
  const { minValue, maxValue } = fields.temperature;
  const words = fieldWords(declarationBodySchema, declarationBody(draft), {
    temperature: (issue) => (issue.code === 'invalid_type' ? '请填写体温，例如 36.5' : `体温应在 ${minValue}–${maxValue}℃ 之间`),
    travel: (issue) => `行程最多 ${limitOf(issue)} 段`,
  });
  const trips = draft.travel.flatMap((trip, i) =>
    problemList(!trip.region && `请选择第 ${i + 1} 段行程的地区`, !trip.date ? `请选择第 ${i + 1} 段行程的日期` : trip.date > today && `第 ${i + 1} 段行程的日期不能晚于今天`),
  );
  return problemList(words.temperature, ...trips, words.travel);
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
