import { ID_NUMBER_LENGTH, idNumberProblemIn, idNumberProblemKind, type IdNumberProblemKind } from '@sqtb/shared';

/**
 * The one wording of what can be wrong with a resident ID number (GB 11643),
 * wherever one is typed (mask registration, a filing's roster, a medical status
 * record) or comes back refused from an import.
 */
export const ID_NUMBER_WORDS: Record<IdNumberProblemKind, string> = {
  shape: `身份证号应为 ${ID_NUMBER_LENGTH} 位：${ID_NUMBER_LENGTH - 1} 位数字加 1 位数字或 X`,
  birth: '身份证号中的出生日期不正确',
  check: '身份证号校验位不正确，请核对最后一位',
};

/** What is wrong with an ID number as typed, in words, or undefined when it is valid. */
export function idNumberWords(raw: string): string | undefined {
  const kind = idNumberProblemKind(raw);
  return kind && ID_NUMBER_WORDS[kind];
}

/** An ID-number check's message from the BFF (e.g. a refused CSV line's) in words, or undefined when it names no such check. */
export function idNumberMessageWords(message: string): string | undefined {
  const kind = idNumberProblemIn(message);
  return kind && ID_NUMBER_WORDS[kind];
}
