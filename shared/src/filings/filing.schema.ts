import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { idNumberSchema } from '../core/id-number.schema';
import { objectIdSchema } from '../core/ids';
import { compactJwsSchema } from '../core/jws.schema';
import { pageQuerySchema, pagedReplySchema } from '../core/pagination.schema';
import { phoneSchema } from '../core/phone.schema';
import { csvBodySchema, csvImportLineSchema } from '../core/request.schema';
import { addressSchema, NOTE_MAX_LENGTH, noteSchema, personNameSchema } from '../core/text.schema';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';
import { FILING_STATUSES } from './filing.machine';
import { HEALTH_COLORS } from '../health-code/health.rules';

const date = calendarDateSchema;

export const creditCodeSchema = z
  .string()
  .max(40)
  .transform(normaliseCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `The credit code ${problem}` });
  });

/** The most returning employees one filing lists. */
export const ROSTER_MAX_ROWS = 2000;

export const rosterEntrySchema = z.object({ name: personNameSchema, phone: phoneSchema, idNumber: idNumberSchema }).strict();

/** `POST /api/enterprise-filings` and `PUT /api/enterprise-filings/:id` */
export const filingBodySchema = z
  .object({
    enterpriseName: z.string().trim().min(2).max(100),
    creditCode: creditCodeSchema,
    address: addressSchema,
    committeeId: objectIdSchema,
    contactName: personNameSchema,
    /** Optional when the filer's number was verified with WeChat (POST /api/me/phone): that one is used. */
    contactPhone: phoneSchema.optional(),
    reopenDate: date,
    plan: z.object({ text: z.string().trim().min(20).max(5000) }).strict(),
    suppliesDays: z.number().int().min(0).max(365),
    isolationRoom: z.boolean(),
    commitment: z.literal(true, { message: 'the commitment must be signed (true)' }),
    roster: z.array(rosterEntrySchema).min(1).max(ROSTER_MAX_ROWS),
  })
  .strict();
export type FilingBody = z.infer<typeof filingBodySchema>;

/** The revision the reviewer read (FilingView.revision): a decision on content that has changed since is refused. */
const seenRevision = z.number().int().min(1).optional();
export const filingNoteSchema = z.object({ note: noteSchema(2), revision: seenRevision }).strict();
export const filingOptionalNoteSchema = z.object({ note: noteSchema(2).optional(), revision: seenRevision }).strict();
/** People on an enterprise's site on one day, at most. */
const HEADCOUNT_MAX = 100_000;
export const dailyReportBodySchema = z
  .object({ date, onSite: z.number().int().min(0).max(HEADCOUNT_MAX), feverCases: z.number().int().min(0).max(HEADCOUNT_MAX), note: z.string().trim().max(NOTE_MAX_LENGTH).optional() })
  .strict();
export type DailyReportBody = z.infer<typeof dailyReportBodySchema>;
export const filingListQuerySchema = z
  .object({
    status: z.enum(FILING_STATUSES).optional(),
    streetId: objectIdSchema.optional(),
    from: date.optional(),
    to: date.optional(),
    ...pageQuerySchema.shape,
  })
  .strict();
export type FilingListQuery = z.infer<typeof filingListQuerySchema>;
export const certificateVerifyBodySchema = z.object({ token: compactJwsSchema }).strict();
/** `POST /api/enterprise-filings/verify-certificate` */
export const certificateVerdictSchema = z.union([
  z.object({ valid: z.literal(true), enterpriseName: z.string(), creditCodeMasked: z.string(), approvedAt: z.string() }),
  z.object({ valid: z.literal(false), reason: z.string() }),
]);
export type CertificateVerdict = z.infer<typeof certificateVerdictSchema>;
/** `GET /api/enterprise-filings/:id/certificate`: the signed certificate of an approved filing. */
export const certificateSchema = z.object({ token: z.string(), enterpriseName: z.string(), approvedAt: z.string(), expiresAt: z.string() });
export type Certificate = z.infer<typeof certificateSchema>;

/** `POST /api/enterprise-filings/:id/roster`: text/csv, name,phone,idNumber per line. */
export const ROSTER_CSV_MAX_CHARS = 1_000_000;
export const rosterCsvSchema = csvBodySchema(ROSTER_CSV_MAX_CHARS);
export const rosterImportReportSchema = z.object({
  added: z.number(),
  refused: z.number(),
  lines: z.array(csvImportLineSchema),
});
export type RosterImportReport = z.infer<typeof rosterImportReportSchema>;

/** A daily report (零报告) as stored. */
export const dailyReportViewSchema = z.object({ id: z.string(), date: z.string(), onSite: z.number(), feverCases: z.number(), note: z.string().optional() });
export type DailyReportView = z.infer<typeof dailyReportViewSchema>;
/** `GET /api/enterprise-filings/:id/daily-reports`: newest first. */
export const dailyReportListSchema = z.object({ items: z.array(dailyReportViewSchema) });
export type DailyReportList = z.infer<typeof dailyReportListSchema>;

const report = z.object({ date: z.string(), onSite: z.number(), feverCases: z.number() });
export const filingSummarySchema = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  creditCodeMasked: z.string(),
  status: z.enum(FILING_STATUSES),
  committeeId: z.string(),
  streetId: z.string().optional(),
  reopenDate: z.string(),
  submittedAt: z.string(),
  decidedAt: z.string().optional(),
  rosterCount: z.number(),
  latestReport: report.optional(),
  missingToday: z.boolean(),
  feverToday: z.boolean(),
});
export const filingViewSchema = filingSummarySchema.extend({
  /** Goes up with every change of content (amendment, roster upload); a review names the one it read. */
  revision: z.number(),
  address: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  plan: z.object({ text: z.string() }),
  suppliesDays: z.number(),
  isolationRoom: z.boolean(),
  commitment: z.boolean(),
  roster: z.array(z.object({ name: z.string(), phoneMasked: z.string(), idMasked: z.string(), healthColor: z.enum(HEALTH_COLORS) })),
  timeline: z.array(z.object({ at: z.string(), actorName: z.string().optional(), role: z.string(), action: z.string(), from: z.string().optional(), to: z.string().optional(), note: z.string().optional() })),
  returnNote: z.string().optional(),
  rejectReason: z.string().optional(),
  /** Why district staff revoked the approval. */
  revokeReason: z.string().optional(),
  actions: z.array(z.enum(['approve', 'return', 'reject', 'amend', 'revoke'])),
});
export type FilingView = z.infer<typeof filingViewSchema>;
export type FilingSummary = z.infer<typeof filingSummarySchema>;
/** `GET /api/enterprise-filings` */
export const filingPageSchema = pagedReplySchema(filingSummarySchema);
export type FilingPage = z.infer<typeof filingPageSchema>;

/** A returning employee on red (name and ID number masked), as a refused approval names them. */
export const redEmployeeSchema = z.object({ name: z.string(), idMasked: z.string() });
export type RedEmployee = z.infer<typeof redEmployeeSchema>;
/** The `details` of the 409 refusing `approve` while employees hold a red code. */
export const redEmployeesRefusalSchema = z.object({ redEmployees: z.array(redEmployeeSchema) });
export type RedEmployeesRefusal = z.infer<typeof redEmployeesRefusalSchema>;
