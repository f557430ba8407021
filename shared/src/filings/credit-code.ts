/**
 * Unified social credit codes (GB 32100-2015): 18 characters from a 31-letter
 * alphabet (no I, O, Z, S, V); the last is a check character, mod 31 over
 * weighted positions.
 */
export const CREDIT_CODE_LENGTH = 18;
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Why a credit code is not valid, or undefined when it is. */
export function creditCodeProblem(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  if (code.length !== CREDIT_CODE_LENGTH) return `must be ${CREDIT_CODE_LENGTH} characters`;
  const bad = [...code].find((ch) => !ALPHABET.includes(ch));
  if (bad) return `may not contain "${bad}" (I, O, Z, S and V are never used)`;
  if (creditCodeCheckChar(code.slice(0, CREDIT_CODE_LENGTH - 1)) !== code[CREDIT_CODE_LENGTH - 1]) return 'has a wrong check character';
  return undefined;
}

export const normaliseCreditCode = (raw: string) => raw.trim().toUpperCase();

export function maskCreditCode(code: string): string {
  return code.slice(0, 6) + '*'.repeat(8) + code.slice(-4);
}
