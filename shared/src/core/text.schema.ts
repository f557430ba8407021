import { z } from 'zod';

/** Free text a person writes with a step of a workflow: a note, a reason, a comment. */
export const NOTE_MAX_LENGTH = 500;
/** A person's name as on their ID card. */
export const PERSON_NAME_MAX_LENGTH = 30;
/** A household's or a company's street address. */
export const ADDRESS_MIN_LENGTH = 4;
export const ADDRESS_MAX_LENGTH = 120;

/** Trimmed text of `min` to `max` characters. */
export const textSchema = (min: number, max: number) => z.string().trim().min(min).max(max);
/** A note, reason or comment of at least `min` characters. */
export const noteSchema = (min: number) => textSchema(min, NOTE_MAX_LENGTH);
export const personNameSchema = textSchema(1, PERSON_NAME_MAX_LENGTH);
export const addressSchema = textSchema(ADDRESS_MIN_LENGTH, ADDRESS_MAX_LENGTH);
