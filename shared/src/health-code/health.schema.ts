import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { idNumberSchema } from '../core/id-number.schema';
import { compactJwsSchema } from '../core/jws.schema';
import { pageQuerySchema, pagedReplySchema } from '../core/pagination.schema';
import { csvBodySchema, csvImportLineSchema } from '../core/request.schema';
import { noteSchema } from '../core/text.schema';
import { HEALTH_COLORS, MEDICAL_STATUSES, RISK_LEVELS, SYMPTOMS } from './health.rules';
import { APPEAL_STATUSES } from './appeal.machine';

const date = calendarDateSchema;
export const regionCodeSchema = z.string().regex(/^[a-z0-9-]{2,60}$/, 'a region code such as hubei-wuhan');

/** The most trips one declaration lists. */
export const DECLARATION_MAX_TRIPS = 20;

/** `POST /api/health/declarations` */
export const declarationBodySchema = z
  .object({
    temperature: z.number().min(34).max(43),
    symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).default([]),
    travel: z.array(z.object({ region: regionCodeSchema, date }).strict()).max(DECLARATION_MAX_TRIPS).default([]),
    homeObservation: z.boolean().default(false),
  })
  .strict();
/** What a resident declares, as sent (`symptoms` and `travel` given, not left to the defaults). */
export type DeclarationBody = z.infer<typeof declarationBodySchema>;

/** `POST /api/health/cases`: a medical status set by district staff. */
export const caseBodySchema = z.object({ idNumber: idNumberSchema, status: z.enum(MEDICAL_STATUSES), date, note: z.string().trim().max(200).optional() }).strict();
export type CaseBody = z.infer<typeof caseBodySchema>;

export const riskRegionSchema = z.object({ code: regionCodeSchema, name: z.string().trim().min(1).max(60), level: z.enum(RISK_LEVELS), since: date }).strict();
/** The whole list; to lift every risk, set the regions to low rather than sending none. */
export const riskRegionsBodySchema = z.object({ regions: z.array(riskRegionSchema).min(1).max(2000) }).strict();

export const healthReasonSchema = z.object({ rule: z.string(), color: z.enum(['yellow', 'red']), text: z.string(), until: z.string().optional() });
export const healthCodeResponseSchema = z.object({
  color: z.enum(HEALTH_COLORS),
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

export const verifyBodySchema = z.object({ token: compactJwsSchema, place: z.string().trim().max(100).optional() }).strict();
export const verifyResponseSchema = z.union([
  z.object({ valid: z.literal(true), color: z.enum(HEALTH_COLORS), maskedName: z.string(), expiresAt: z.string() }),
  z.object({ valid: z.literal(false), reason: z.enum(['malformed', 'bad-signature', 'expired', 'unknown-key']) }),
]);
export type VerifyResponse = z.infer<typeof verifyResponseSchema>;

export const appealBodySchema = z.object({ reason: noteSchema(5) }).strict();
export const resolveAppealBodySchema = z
  .object({
    outcome: z.enum(['corrected', 'explained']),
    note: noteSchema(2),
    /** With "corrected": the medical status record that corrects the colour. */
    correction: z.object({ status: z.enum(MEDICAL_STATUSES), date }).strict().optional(),
  })
  .strict()
  .refine((b) => b.outcome !== 'corrected' || !!b.correction, { message: 'a correction is needed to correct', path: ['correction'] });
export type ResolveAppealBody = z.infer<typeof resolveAppealBodySchema>;

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
export type AppealView = z.infer<typeof appealViewSchema>;
/** `GET /api/health-code/appeals` */
export const appealListQuerySchema = z.object({ status: z.enum(APPEAL_STATUSES).optional() }).strict();
export const appealListSchema = z.object({ items: z.array(appealViewSchema) });
export type AppealList = z.infer<typeof appealListSchema>;

/** `POST /api/health/cases`: the record as applied. */
export const caseAppliedSchema = z.object({ idMasked: z.string(), status: z.enum(MEDICAL_STATUSES), date: z.string() });
export type CaseApplied = z.infer<typeof caseAppliedSchema>;
/** Where a medical status record came from: the staff form, a CSV import, a corrected appeal, a close contact confirmed from place-code visits. */
export const CASE_SOURCES = ['form', 'csv', 'appeal', 'visits'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const caseRecordSchema = z.object({
  id: z.string(),
  idMasked: z.string(),
  status: z.enum(MEDICAL_STATUSES),
  date: z.string(),
  note: z.string().optional(),
  source: z.enum(CASE_SOURCES),
  createdAt: z.string(),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;
export const caseListSchema = pagedReplySchema(caseRecordSchema);
export type CaseList = z.infer<typeof caseListSchema>;
export const caseListQuerySchema = z
  .object({
    ...pageQuerySchema.shape,
    /** One person's records, found by the keyed hash of their ID number. */
    idNumber: idNumberSchema.optional(),
  })
  .strict();
/** `POST /api/health/cases/import`: idNumber,status,date[,note] per line. */
export const CASE_IMPORT_MAX_CHARS = 2_000_000;
export const caseImportCsvSchema = csvBodySchema(CASE_IMPORT_MAX_CHARS);
export const importReportSchema = z.object({
  applied: z.number(),
  refused: z.number(),
  /** An applied line also says the status it set. */
  lines: z.array(csvImportLineSchema.extend({ status: z.enum(MEDICAL_STATUSES).optional() })),
});
export type CaseImportReport = z.infer<typeof importReportSchema>;
/** A region's risk level as the BFF stores it. */
export const riskRegionViewSchema = z.object({ code: z.string(), name: z.string(), level: z.enum(RISK_LEVELS), since: z.string() });
export type RiskRegionView = z.infer<typeof riskRegionViewSchema>;
/** `GET /api/health/risk-regions` */
export const riskRegionListSchema = z.object({ regions: z.array(riskRegionViewSchema) });
export type RiskRegionList = z.infer<typeof riskRegionListSchema>;

/** `GET /.well-known/jwks.json`: the public keys that verify health codes and certificates (RFC 7517). */
export const jwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });
