/**
 * Chinese resident identity numbers (GB 11643-1999): 17 digits and a check
 * character, the weighted sum of the digits mod 11 mapped onto "10X98765432".
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  return CHECK[sum % 11];
}

/** Why an ID number is not valid, or undefined when it is. */
export function idNumberProblem(raw: string): string | undefined {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 18 characters: 17 digits and a digit or X';
  const birth = id.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth || birth < '19000101') {
    return 'has no valid date of birth';
  }
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return 'has a wrong check character';
  return undefined;
}

export const normaliseIdNumber = (raw: string) => raw.trim().toUpperCase();
