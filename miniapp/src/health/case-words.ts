import { MEDICAL_STATUSES } from '@sqtb/shared';
import { MEDICAL_STATUS_LABELS } from './words';

const FIELD_NAMES: Record<string, string> = { idNumber: '身份证号', status: '状态', date: '日期', note: '备注', line: '该行' };

/** The BFF's checks (written for developers) as staff read them. */
const MESSAGE_WORDS: Array<[RegExp, string]> = [
  [/must be 18 characters/i, '应为 18 位：17 位数字加一位数字或 X'],
  [/no valid date of birth/i, '出生日期无效'],
  [/wrong check character/i, '校验位不正确'],
  [/cannot be in the future/i, '不能晚于今天'],
  [/a date such as/i, '格式应为 2026-03-01'],
  [/invalid (option|enum)|expected one of/i, `应为 ${MEDICAL_STATUSES.join('、')} 之一`],
  [/too big|at most|<=\s*200/i, '最多 200 字'],
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
      const name = FIELD_NAMES[field] ?? field;
      const worded = MESSAGE_WORDS.find(([pattern]) => pattern.test(message))?.[1];
      return worded ? `${name}${worded}` : `${name}：${message}`;
    })
    .join('；');
}

/** The status codes a CSV may use, with their names, for the import hint. */
export const STATUS_CODES_HINT = MEDICAL_STATUSES.map((s) => `${s}（${MEDICAL_STATUS_LABELS[s]}）`).join('、');

export const CASE_SOURCE_LABELS: Record<string, string> = { form: '表单录入', csv: '批量导入', appeal: '申诉更正' };

export const CSV_HEADER = 'idNumber,status,date,note';
/** Room for the BFF's 5000 lines per import (a field's default limit is 140 characters). */
export const CSV_MAX_CHARS = 250_000;
