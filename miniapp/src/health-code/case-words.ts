import { caseBodySchema, MEDICAL_STATUSES, type CaseSource } from '@sqtb/shared';
import { idNumberMessageWords } from '../core/id-number-words';
import { maxLength } from '../core/schema-limits';
import { MEDICAL_STATUS_LABELS } from './words';

/** The note's own limit (the shared schema's), for its input, its check and the import's words. */
export const CASE_NOTE_MAX = maxLength(caseBodySchema.shape.note.unwrap());

const FIELD_NAMES: Record<string, string> = { idNumber: '身份证号', status: '状态', date: '日期', note: '备注', line: '该行' };

/** The BFF's checks (written for developers) as staff read them; an ID number's are worded as everywhere (core/id-number-words). */
const MESSAGE_WORDS: Array<[RegExp, string]> = [
  [/cannot be in the future/i, '不能晚于今天'],
  [/a date such as/i, '格式应为 2026-03-01'],
  [/invalid (option|enum)|expected one of/i, `应为 ${MEDICAL_STATUSES.join('、')} 之一`],
  [new RegExp(`too big|at most|<=\\s*${CASE_NOTE_MAX}`, 'i'), `最多 ${CASE_NOTE_MAX} 字`],
  [/required|expected string, received undefined/i, '未填写'],
];

/**
 * A refused CSV line's reason ("idNumber: The ID number has a wrong check
 * character; date: a date such as 2026-03-01") in words: field by field, the
 * field named in Chinese and the known checks worded; anything else as it came.
 */
export function importErrorInWords(error: string): string {
  return error
    .split('; ')
    .map((part) => {
      const match = /^([A-Za-z.]+): (.*)$/.exec(part);
      if (!match) return part;
      const [, field, message] = match;
      const idWords = field === 'idNumber' ? idNumberMessageWords(message) : undefined;
      if (idWords) return idWords;
      const name = FIELD_NAMES[field] ?? field;
      const worded = MESSAGE_WORDS.find(([pattern]) => pattern.test(message))?.[1];
      return worded ? `${name}${worded}` : `${name}：${message}`;
    })
    .join('；');
}

/** The status codes a CSV may use, with their names, for the import hint. */
export const STATUS_CODES_HINT = MEDICAL_STATUSES.map((s) => `${s}（${MEDICAL_STATUS_LABELS[s]}）`).join('、');

export const CASE_SOURCE_LABELS: Record<CaseSource, string> = { form: '表单录入', csv: '批量导入', appeal: '申诉更正', visits: '场所码排查' };

export const CSV_HEADER = 'idNumber,status,date,note';
