import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { objectIdSchema } from '../core/ids';
import { compactJwsSchema, idNumberSchema } from '../health-code/health.schema';
import { phoneSchema } from '../masks/mask.schema';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';
import { FILING_STATUSES } from './filing.machine';

const date = calendarDateSchema;

export const creditCodeSchema = z
  .string()
  .max(40)
  .transform(normaliseCreditCode)
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `The credit code ${problem}` });
  });

export const rosterEntrySchema = z.object({ name: z.string().trim().min(1).max(30), phone: phoneSchema, idNumber: idNumberSchema }).strict();

/** `POST /api/enterprise-filings` and `PUT /api/enterprise-filings/:id` */
export const filingBodySchema = z
  .object({
    enterpriseName: z.string().trim().min(2).max(100),
    creditCode: creditCodeSchema,
    address: z.string().trim().min(4).max(120),
    committeeId: objectIdSchema,
    contactName: z.string().trim().min(1).max(30),
    contactPhone: phoneSchema,
    reopenDate: date,
    plan: z.object({ text: z.string().trim().min(20).max(5000) }).strict(),
    suppliesDays: z.number().int().min(0).max(365),
    isolationRoom: z.boolean(),
    commitment: z.literal(true, { message: 'the commitment must be signed (true)' }),
    roster: z.array(rosterEntrySchema).min(1).max(2000),
  })
  .strict();
export type FilingBody = z.infer<typeof filingBodySchema>;

/** The revision the reviewer read (FilingView.revision): a decision on content that has changed since is refused. */
const seenRevision = z.number().int().min(1).optional();
export const filingNoteSchema = z.object({ note: z.string().trim().min(2).max(500), revision: seenRevision }).strict();
export const filingOptionalNoteSchema = z.object({ note: z.string().trim().min(2).max(500).optional(), revision: seenRevision }).strict();
export const dailyReportBodySchema = z
  .object({ date, onSite: z.number().int().min(0).max(100_000), feverCases: z.number().int().min(0).max(100_000), note: z.string().trim().max(500).optional() })
  .strict();
export const filingListQuerySchema = z
  .object({
    status: z.enum(FILING_STATUSES).optional(),
    streetId: objectIdSchema.optional(),
    from: date.optional(),
    to: date.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export const certificateVerifyBodySchema = z.object({ token: compactJwsSchema }).strict();

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
  roster: z.array(z.object({ name: z.string(), phoneMasked: z.string(), idMasked: z.string(), healthColor: z.enum(['green', 'yellow', 'red']) })),
  timeline: z.array(z.object({ at: z.string(), actorName: z.string().optional(), role: z.string(), action: z.string(), from: z.string().optional(), to: z.string().optional(), note: z.string().optional() })),
  returnNote: z.string().optional(),
  rejectReason: z.string().optional(),
  actions: z.array(z.enum(['approve', 'return', 'reject', 'amend'])),
});
export type FilingView = z.infer<typeof filingViewSchema>;
export type FilingSummary = z.infer<typeof filingSummarySchema>;
