import {
  createInspectionSchema,
  INSPECTION_OUTCOME_WORDS,
  INSPECTION_OUTCOMES,
  VIOLATION_TYPE_WORDS,
  VIOLATION_TYPES,
  type CreateInspection,
  type InspectionOutcome,
  type ViolationType,
} from '@sqtb/shared';
import { fieldWords, lengthWording, problemList } from '../core/field-problems';
import { maxLength } from '../core/schema-limits';

/** What the inspection form holds before it is sent. */
export interface InspectionDraft {
  outcome?: InspectionOutcome;
  violationType?: ViolationType;
  note: string;
}

export const emptyInspection = (): InspectionDraft => ({ note: '' });

/** The note's limit, read from the shared schema. */
export const NOTE_MAX = maxLength(createInspectionSchema.shape.note);

export const OUTCOME_OPTIONS = INSPECTION_OUTCOMES.map((value) => ({ value, label: INSPECTION_OUTCOME_WORDS[value] }));
export const VIOLATION_OPTIONS = VIOLATION_TYPES.map((value) => ({ value, label: VIOLATION_TYPE_WORDS[value] }));

/** The body as the schema reads it: a type chosen before switching to 无问题 is not sent. */
const bodyOf = (draft: InspectionDraft, photoIds: string[]) => ({
  outcome: draft.outcome,
  violationType: draft.outcome === 'violation' ? draft.violationType : undefined,
  note: draft.note.trim(),
  photoIds,
});

/**
 * Every reason the draft cannot be sent yet, in form order; empty when it can.
 * The shared schema decides (a violation names its type); the form only words it.
 */
export function inspectionProblems(draft: InspectionDraft, photos: { uploading: boolean; failed: boolean }): string[] {
  const words = fieldWords(createInspectionSchema, bodyOf(draft, []), {
    outcome: '请选择巡查结果',
    violationType: '有违规时请选择违规类型',
    note: lengthWording(() => '请填写巡查情况', (max) => `巡查情况最多 ${max} 字`),
  });
  return problemList(
    words.outcome,
    words.violationType,
    words.note,
    photos.uploading && '照片还在上传，请稍候',
    photos.failed && '有照片上传失败，请删除后重试',
  );
}

/** The `POST /api/shops/:id/inspections` body; call only when `inspectionProblems` is empty. */
export const inspectionBody = (draft: InspectionDraft, photoIds: string[]): CreateInspection => createInspectionSchema.parse(bodyOf(draft, photoIds));
