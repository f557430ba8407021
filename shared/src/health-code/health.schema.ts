import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { idNumberProblem, normaliseIdNumber } from '../core/id-number';
import { objectIdSchema } from '../core/ids';
import { MEDICAL_STATUSES, SYMPTOMS } from './health.rules';
import { APPEAL_STATUSES } from './appeal.machine';

const date = calendarDateSchema;
export const regionCodeSchema = z.string().regex(/^[a-z0-9-]{2,60}$/, 'a region code such as hubei-wuhan');

export const idNumberSchema = z
  .string()
  .max(40)
  .transform(normaliseIdNumber)
  .superRefine((id, ctx) => {
    const problem = idNumberProblem(id);
    if (problem) ctx.addIssue({ code: 'custom', message: `The ID number ${problem}` });
  });

/** `POST /api/health/declarations` */
export const declarationBodySchema = z
  .object({
    temperature: z.number().min(34).max(43),
    symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).default([]),
    travel: z.array(z.object({ region: regionCodeSchema, date }).strict()).max(20).default([]),
    homeObservation: z.boolean().default(false),
  })
  .strict();

/** `POST /api/health/cases`: a medical status set by district staff. */
export const caseBodySchema = z.object({ idNumber: idNumberSchema, status: z.enum(MEDICAL_STATUSES), date, note: z.string().trim().max(200).optional() }).strict();

export const riskRegionSchema = z.object({ code: regionCodeSchema, name: z.string().trim().min(1).max(60), level: z.enum(['low', 'medium', 'high']), since: date }).strict();
/** The whole list; to lift every risk, set the regions to low rather than sending none. */
export const riskRegionsBodySchema = z.object({ regions: z.array(riskRegionSchema).min(1).max(2000) }).strict();

export const healthReasonSchema = z.object({ rule: z.string(), color: z.enum(['yellow', 'red']), text: z.string(), until: z.string().optional() });
export const healthCodeResponseSchema = z.object({
  color: z.enum(['green', 'yellow', 'red']),
  reasons: z.array(healthReasonSchema),
  nextChangeOn: z.string().optional(),
  rulesVersion: z.string(),
  maskedName: z.string(),
  /** False when no ID number is on record: only the resident's own declarations count. */
  identified: z.boolean(),
  token: z.string(),
  expiresAt: z.string(),
});
export type HealthCodeResponse = z.infer<typeof healthCodeResponseSchema>;

/** A compact JWS: three base64url parts. Anything else is not a code at all. */
export const compactJwsSchema = z.string().max(4000).regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'not a signed code (compact JWS)');
export const verifyBodySchema = z.object({ token: compactJwsSchema, place: z.string().trim().max(100).optional() }).strict();
export const verifyResponseSchema = z.union([
  z.object({ valid: z.literal(true), color: z.enum(['green', 'yellow', 'red']), maskedName: z.string(), expiresAt: z.string() }),
  z.object({ valid: z.literal(false), reason: z.enum(['malformed', 'bad-signature', 'expired', 'unknown-key']) }),
]);
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

export const appealBodySchema = z.object({ reason: z.string().trim().min(5).max(500) }).strict();
export const resolveAppealBodySchema = z
  .object({
    outcome: z.enum(['corrected', 'explained']),
    note: z.string().trim().min(2).max(500),
    /** With "corrected": the medical status record that corrects the colour. */
    correction: z.object({ status: z.enum(MEDICAL_STATUSES), date }).strict().optional(),
  })
  .strict()
  .refine((b) => b.outcome !== 'corrected' || !!b.correction, { message: 'a correction is needed to correct', path: ['correction'] });
export const appealIdParamsSchema = z.object({ id: objectIdSchema }).strict();

export const appealViewSchema = z.object({
  id: z.string(),
  colorAtFiling: z.string(),
  reason: z.string(),
  status: z.enum(APPEAL_STATUSES),
  resolutionNote: z.string().optional(),
  /** With a corrected appeal: the medical status record that corrected it. */
  correction: z.object({ status: z.enum(MEDICAL_STATUSES), date: z.string() }).optional(),
  createdAt: z.string(),
  resolvedAt: z.string().optional(),
  idMasked: z.string().optional(),
  name: z.string().optional(),
});
export const caseListSchema = z.object({
  items: z.array(z.object({ id: z.string(), idMasked: z.string(), status: z.string(), date: z.string(), note: z.string().optional(), source: z.string(), createdAt: z.string() })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const caseListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
    /** One person's records, found by the keyed hash of their ID number. */
    idNumber: idNumberSchema.optional(),
  })
  .strict();
export const importReportSchema = z.object({
  applied: z.number(),
  refused: z.number(),
  lines: z.array(z.object({ line: z.number(), applied: z.boolean(), idMasked: z.string().optional(), status: z.string().optional(), error: z.string().optional() })),
});
export const riskRegionListSchema = z.object({ regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(['low', 'medium', 'high']), since: z.string() })) });
