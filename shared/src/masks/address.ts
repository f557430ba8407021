/**
 * One household per address: addresses are compared after normalising the
 * ways people write the same place — full-width digits and letters, spaces,
 * punctuation, and 号/弄/室 written with or without separators.
 */
export function normaliseAddress(address: string): string {
  return address
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s,，。.、·\-－—#()（）]/g, '')
    .replace(/零/g, '0');
}
