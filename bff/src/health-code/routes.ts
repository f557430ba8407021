import { z } from 'zod';
import {
  appealBodySchema,
  appealIdParamsSchema,
  caseBodySchema,
  declarationBodySchema,
  healthCodeResponseSchema,
  resolveAppealBodySchema,
  riskRegionsBodySchema,
  verifyBodySchema,
  verifyResponseSchema,
  APPEAL_STATUSES,
} from '@sqtb/shared';
import { AppError } from '../core/app-error';
import { defineRoute, type RouteSpec } from '../core/route';
import {
  currentCode,
  declare,
  fileAppeal,
  importCases,
  listAppeals,
  listCases,
  listRiskRegions,
  replaceRiskRegions,
  resolveAppeal,
  setCase,
  verifyScan,
  type HealthDeps,
} from './service';

const appealSchema = z.object({
  id: z.string(),
  colorAtFiling: z.string(),
  reason: z.string(),
  status: z.enum(APPEAL_STATUSES),
  resolutionNote: z.string().optional(),
  createdAt: z.string(),
  resolvedAt: z.string().optional(),
  idMasked: z.string().optional(),
  name: z.string().optional(),
});
const regionsSchema = z.object({ regions: z.array(z.object({ code: z.string(), name: z.string(), level: z.enum(['low', 'medium', 'high']), since: z.string() })) });
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }).strict();

export function healthCodeRoutes(deps: HealthDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      tag: 'health-code',
      summary: 'The public keys that verify health-code tokens (RFC 7517)',
      access: 'public',
      responses: { 200: { description: 'JWK set', schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) } },
      handler: () => ({ body: deps.keys.jwks, headers: { 'Cache-Control': 'public, max-age=300' } }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/health-code',
      tag: 'health-code',
      summary: 'My health code: colour, reasons, when it changes, and a signed token valid 5 minutes',
      access: ['resident'],
      responses: { 200: { description: 'The code', schema: healthCodeResponseSchema } },
      handler: async ({ user }) => ({ body: await currentCode(user, deps), headers: { 'Cache-Control': 'no-store' } }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/health-code/verify',
      tag: 'health-code',
      summary: 'Staff check a scanned token; every scan is logged without the token',
      access: ['cadre', 'district', 'pharmacy', 'enterprise'],
      body: verifyBodySchema,
      responses: { 200: { description: 'The verdict', schema: verifyResponseSchema } },
      handler: async ({ user, body }) => ({ body: await verifyScan(user, body.token, body.place, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/health/declarations',
      tag: 'health-code',
      summary: 'A resident declares temperature, symptoms, travel and home observation; answers with the new code',
      access: ['resident'],
      body: declarationBodySchema,
      responses: { 201: { description: 'Declared', schema: healthCodeResponseSchema } },
      handler: async ({ user, body }) => ({ status: 201, body: await declare(user, body, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/health/cases',
      tag: 'health-code',
      summary: 'District staff set a person\'s medical status, by resident ID number',
      access: ['district'],
      body: caseBodySchema,
      responses: { 201: { description: 'Applied', schema: z.object({ idMasked: z.string(), status: z.string(), date: z.string() }) } },
      handler: async ({ user, body }) => ({ status: 201, body: await setCase(user, body, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/health/cases',
      tag: 'health-code',
      summary: 'Medical status records, newest first (ID numbers masked)',
      access: ['district'],
      query: pageQuery,
      responses: {
        200: {
          description: 'A page of records',
          schema: z.object({ items: z.array(z.object({ id: z.string(), idMasked: z.string(), status: z.string(), date: z.string(), note: z.string().optional(), source: z.string(), createdAt: z.string() })), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
      handler: async ({ query }) => ({ body: await listCases(query.page, query.pageSize) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/health/cases/import',
      tag: 'health-code',
      summary: 'Import medical statuses as text/csv (idNumber,status,date[,note]); reports each line',
      access: ['district'],
      body: z.string().min(1, 'send the CSV as the body with Content-Type: text/csv').max(2_000_000),
      responses: {
        200: {
          description: 'What was applied and what was refused, line by line',
          schema: z.object({ applied: z.number(), refused: z.number(), lines: z.array(z.object({ line: z.number(), applied: z.boolean(), idMasked: z.string().optional(), status: z.string().optional(), error: z.string().optional() })) }),
        },
      },
      errors: [415],
      handler: async ({ user, body, ctx }) => {
        if (!ctx.is('text/csv')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file with Content-Type: text/csv');
        return { body: await importCases(user, body, deps) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/health/risk-regions',
      tag: 'health-code',
      summary: 'Risk regions with their level and the date it took effect',
      access: 'any-user',
      responses: { 200: { description: 'Regions', schema: regionsSchema } },
      handler: async () => ({ body: await listRiskRegions() }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/health/risk-regions',
      tag: 'health-code',
      summary: 'District staff replace the risk-region list',
      access: ['district'],
      body: riskRegionsBodySchema,
      responses: { 200: { description: 'The new list', schema: regionsSchema } },
      handler: async ({ body }) => ({ body: await replaceRiskRegions(body.regions) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/health-code/appeals',
      tag: 'health-code',
      summary: 'A resident who thinks the colour is wrong appeals',
      access: ['resident'],
      body: appealBodySchema,
      responses: { 201: { description: 'Filed', schema: appealSchema } },
      errors: [409],
      handler: async ({ user, body }) => ({ status: 201, body: await fileAppeal(user, body.reason, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/health-code/appeals',
      tag: 'health-code',
      summary: 'Appeals: a resident their own, district staff all',
      access: ['resident', 'district'],
      query: z.object({ status: z.enum(APPEAL_STATUSES).optional() }).strict(),
      responses: { 200: { description: 'Appeals, newest first', schema: z.object({ items: z.array(appealSchema) }) } },
      handler: async ({ user, query }) => ({ body: await listAppeals(user, query.status) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/health-code/appeals/:id/resolve',
      tag: 'health-code',
      summary: 'District staff correct the status or explain it',
      access: ['district'],
      params: appealIdParamsSchema,
      body: resolveAppealBodySchema,
      responses: { 200: { description: 'Resolved', schema: appealSchema } },
      errors: [404, 409],
      handler: async ({ user, params, body }) => ({ body: await resolveAppeal(user, params.id, body, deps) }),
    }),
  ];
}
