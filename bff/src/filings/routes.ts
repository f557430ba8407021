import { z } from 'zod';
import {
  certificateVerifyBodySchema,
  dailyReportBodySchema,
  filingBodySchema,
  filingListQuerySchema,
  filingNoteSchema,
  filingOptionalNoteSchema,
  filingSummarySchema,
  filingViewSchema,
  objectIdSchema,
} from '@sqtb/shared';
import type { Clock } from '../core/clock';
import { defineRoute, type RouteSpec } from '../core/route';
import type { KeyRing } from '../health-code/keys';
import { certificate, verifyCertificate } from './certificate';
import { amend, fileFiling, getFiling, importRoster, listFilings, listReports, reportDay, review } from './service';

const idParams = z.object({ id: objectIdSchema }).strict();
const viewResponse = { 200: { description: 'The filing', schema: filingViewSchema } };
const reportSchema = z.object({ id: z.string(), date: z.string(), onSite: z.number(), feverCases: z.number(), note: z.string().optional() });

export function filingRoutes(deps: { clock: Clock; idKey: string; keys: KeyRing }): RouteSpec[] {
  const decision = (event: 'approve' | 'return' | 'reject', summary: string) =>
    defineRoute({
      method: 'post',
      path: `/api/enterprise-filings/:id/${event}`,
      tag: 'filings',
      summary,
      access: ['cadre', 'district'],
      params: idParams,
      body: event === 'approve' ? filingOptionalNoteSchema : filingNoteSchema,
      responses: viewResponse,
      errors: [403, 404, 409],
      handler: async ({ user, params, body }) => ({ body: await review(user, params.id, event, { note: body.note, revision: body.revision }, deps) }),
    });

  return [
    defineRoute({
      method: 'post',
      path: '/api/enterprise-filings',
      tag: 'filings',
      summary: 'An enterprise files to reopen (企业复工备案): company, plan, commitment, roster',
      access: ['enterprise'],
      body: filingBodySchema,
      idempotent: true,
      responses: { 201: { description: 'Filed', schema: filingViewSchema } },
      errors: [409],
      handler: async ({ user, body }) => ({ status: 201, body: await fileFiling(user, body, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/enterprise-filings',
      tag: 'filings',
      summary: 'Filings in scope: an enterprise its own, a cadre the committee, district all',
      access: ['enterprise', 'cadre', 'district'],
      query: filingListQuerySchema,
      responses: { 200: { description: 'A page of filings', schema: z.object({ items: z.array(filingSummarySchema), total: z.number(), page: z.number(), pageSize: z.number() }) } },
      handler: async ({ user, query }) => ({ body: await listFilings(user, query, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/enterprise-filings/verify-certificate',
      tag: 'filings',
      summary: 'Anyone checks a resumption certificate',
      access: 'public',
      body: certificateVerifyBodySchema,
      responses: {
        200: {
          description: 'The verdict',
          schema: z.union([
            z.object({ valid: z.literal(true), enterpriseName: z.string(), creditCodeMasked: z.string(), approvedAt: z.string() }),
            z.object({ valid: z.literal(false), reason: z.string() }),
          ]),
        },
      },
      handler: async ({ body }) => ({ body: await verifyCertificate(body.token, deps.keys, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/enterprise-filings/:id',
      tag: 'filings',
      summary: 'One filing with its roster (each employee\'s health colour) and timeline',
      access: ['enterprise', 'cadre', 'district'],
      params: idParams,
      responses: viewResponse,
      errors: [403, 404],
      handler: async ({ user, params }) => ({ body: await getFiling(user, params.id, deps) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/enterprise-filings/:id',
      tag: 'filings',
      summary: 'The enterprise amends a returned filing; it goes back for review',
      access: ['enterprise'],
      params: idParams,
      body: filingBodySchema,
      responses: viewResponse,
      errors: [403, 404, 409],
      handler: async ({ user, params, body }) => ({ body: await amend(user, params.id, body, deps) }),
    }),
    decision('approve', 'Approve (refused while any returning employee\'s code is red)'),
    decision('return', 'Return for amendment, saying what to fix'),
    decision('reject', 'Reject, with the reason'),
    defineRoute({
      method: 'post',
      path: '/api/enterprise-filings/:id/roster',
      tag: 'filings',
      summary: 'Add employees from text/csv (name,phone,idNumber), reported line by line',
      access: ['enterprise'],
      params: idParams,
      bodyType: 'text/csv',
      body: z.string().min(1, 'the CSV is empty').max(1_000_000),
      responses: {
        200: { description: 'Line report', schema: z.object({ added: z.number(), refused: z.number(), lines: z.array(z.object({ line: z.number(), applied: z.boolean(), idMasked: z.string().optional(), error: z.string().optional() })) }) },
      },
      errors: [403, 404, 409],
      handler: async ({ user, params, body }) => ({ body: await importRoster(user, params.id, body, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/enterprise-filings/:id/certificate',
      tag: 'filings',
      summary: 'The signed resumption certificate of an approved filing (same keys as the health code)',
      access: ['enterprise', 'cadre', 'district'],
      params: idParams,
      responses: { 200: { description: 'The certificate', schema: z.object({ token: z.string(), enterpriseName: z.string(), approvedAt: z.string(), expiresAt: z.string() }) } },
      errors: [403, 404, 409],
      handler: async ({ user, params }) => ({ body: await certificate(user, params.id, deps.keys, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/enterprise-filings/:id/daily-reports',
      tag: 'filings',
      summary: 'Daily report (零报告): headcount on site and fever cases, once a day',
      access: ['enterprise'],
      params: idParams,
      body: dailyReportBodySchema,
      responses: { 201: { description: 'Reported', schema: reportSchema } },
      errors: [403, 404, 409],
      handler: async ({ user, params, body }) => ({ status: 201, body: await reportDay(user, params.id, body, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/enterprise-filings/:id/daily-reports',
      tag: 'filings',
      summary: 'Recent daily reports of a filing',
      access: ['enterprise', 'cadre', 'district'],
      params: idParams,
      responses: { 200: { description: 'Reports, newest first', schema: z.object({ items: z.array(reportSchema) }) } },
      errors: [403, 404],
      handler: async ({ user, params }) => ({ body: await listReports(user, params.id) }),
    }),
  ];
}
