import { z } from 'zod';

/** A mainland mobile number's digits (an input's `maxlength`). */
export const PHONE_LENGTH = 11;
/** A mainland mobile number: 11 digits, 1 then 3–9. Forms that check a phone number use this pattern. */
export const PHONE_PATTERN = new RegExp(`^1[3-9]\\d{${PHONE_LENGTH - 2}}$`);

export const phoneSchema = z.string().trim().regex(PHONE_PATTERN, `a mainland mobile number, ${PHONE_LENGTH} digits`);
