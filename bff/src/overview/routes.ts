import { overviewCsvQuerySchema, overviewQuerySchema, overviewSchema } from '@sqtb/shared';
import type { Clock } from '../core/clock';
import { defineRoute, type RouteSpec } from '../core/route';
import { CSV_FILE_NAMES, overviewCsv } from './csv';
import { buildOverview } from './overview';

/** An overview reads the rollups and the other services' records: a refresh storm should not take the BFF's CPU from everyone else. */
const OVERVIEW_LIMIT = { name: 'overview', perIp: { limit: 300, windowMs: 60_000 }, perUser: { limit: 30, windowMs: 60_000 } };

/** District staff's one picture of the four services, street order and place codes (a cadre's: their committee), and each of its tables as CSV. */
export function overviewRoutes(deps: { clock: Clock }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dashboard/overview',
      tag: 'overview',
      summary: 'Complaints by week, street and committee; masks per pharmacy; health codes by colour; filings; first-time success; shops by grade; place visits per day and contact candidates awaiting a decision',
      access: ['district', 'cadre'],
      query: overviewQuerySchema,
      rateLimit: OVERVIEW_LIMIT,
      responses: { 200: { description: 'The overview (every figure defined in shared overview.schema.ts)', schema: overviewSchema } },
      errors: [404],
      handler: async ({ user, query }) => ({ body: await buildOverview(user, query, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dashboard/overview.csv',
      tag: 'overview',
      summary: 'One table of the overview as CSV (UTF-8 with BOM)',
      access: ['district', 'cadre'],
      query: overviewCsvQuerySchema,
      rateLimit: OVERVIEW_LIMIT,
      responses: { 200: { description: 'CSV, UTF-8 with BOM', contentType: 'text/csv' } },
      errors: [404],
      handler: async ({ user, query }) => {
        const { table, ...scope } = query;
        return {
          body: overviewCsv(await buildOverview(user, scope, deps.clock.now()), table),
          headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${CSV_FILE_NAMES[table]}"` },
        };
      },
    }),
  ];
}
