import { z } from 'zod';
import { idNumberProblem, normaliseIdNumber } from './id-number';

/** A resident ID number as typed: normalised (trimmed, upper-case X), then checked (GB 11643). */
export const idNumberSchema = z
  .string()
  .max(40)
  .transform(normaliseIdNumber)
  .superRefine((id, ctx) => {
    const problem = idNumberProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: `The ID number ${problem}` });
  });
