/**
 * Chinese resident identity numbers (GB 11643-1999): 17 digits and a check
 * character, the weighted sum of the digits mod 11 mapped onto "10X98765432".
 */
export const ID_NUMBER_LENGTH = 18;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
const SHAPE = new RegExp(`^\\d{${ID_NUMBER_LENGTH - 1}}[\\dX]$`);

/**
 * What can be wrong with an ID number, and how the check says it (the schema's
 * message is "The ID number " and one of these). Clients word each kind in their
 * own language by its key.
 */
export const ID_NUMBER_PROBLEMS = {
  shape: `must be ${ID_NUMBER_LENGTH} characters: ${ID_NUMBER_LENGTH - 1} digits and a digit or X`,
  birth: 'has no valid date of birth',
  check: 'has a wrong check character',
} as const;
export type IdNumberProblemKind = keyof typeof ID_NUMBER_PROBLEMS;

export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** Which check an ID number fails, or undefined when it is valid. */
export function idNumberProblemKind(raw: string): IdNumberProblemKind | undefined {
  const id = raw.trim().toUpperCase();
  if (!SHAPE.test(id)) return 'shape';
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth || birth < '19000101') return 'birth';
  if (idNumberCheckChar(id.slice(0, ID_NUMBER_LENGTH - 1)) !== id[ID_NUMBER_LENGTH - 1]) return 'check';
  return undefined;
}

/** Why an ID number is not valid, or undefined when it is. */
export function idNumberProblem(raw: string): string | undefined {
  const kind = idNumberProblemKind(raw);
  return kind && ID_NUMBER_PROBLEMS[kind];
}

/**
 * The kind of ID-number problem a message names (a check's message, e.g. the
 * BFF's "idNumber: The ID number has a wrong check character"), or undefined.
 */
export const idNumberProblemIn = (message: string): IdNumberProblemKind | undefined =>
  (Object.keys(ID_NUMBER_PROBLEMS) as IdNumberProblemKind[]).find((kind) => message.includes(ID_NUMBER_PROBLEMS[kind]));

export const normaliseIdNumber = (raw: string) => raw.trim().toUpperCase();
