import {
  complaintDashboardQuerySchema,
  complaintDashboardSchema,
  endOfShanghaiDay,
  hotspotListSchema,
  hotspotQuerySchema,
  type ComplaintDashboardQuery,
} from '@sqtb/shared';
import type { Clock } from '../core/clock';
import { defineRoute, type RouteSpec } from '../core/route';
import { complaintDashboard, type DashboardFilter } from './dashboard';
import { dashboardCsv } from './dashboard-csv';
import { listHotspots } from './hotspots';

const toFilter = (q: ComplaintDashboardQuery): DashboardFilter => ({
  streetId: q.streetId,
  committeeId: q.committeeId,
  category: q.category,
  from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
  to: q.to ? new Date(endOfShanghaiDay(q.to).getTime() + 1) : undefined,
});

/** What district staff (and cadres, for their committee) watch: the dashboard and the hotspots. */
export function oversightRoutes(deps: { clock: Clock }): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/dashboard/complaints',
      tag: 'complaints',
      summary: 'Counts per status, overdue, on-time, satisfaction and reopen rates, median hours to dispatch, open hotspots; per committee',
      access: ['district', 'cadre'],
      query: complaintDashboardQuerySchema,
      responses: { 200: { description: 'The figures', schema: complaintDashboardSchema } },
      handler: async ({ user, query }) => ({ body: await complaintDashboard(user, toFilter(query), deps.clock.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dashboard/complaints.csv',
      tag: 'complaints',
      summary: 'The per-committee figures as CSV',
      access: ['district', 'cadre'],
      query: complaintDashboardQuerySchema,
      responses: { 200: { description: 'CSV, UTF-8 with BOM', contentType: 'text/csv' } },
      handler: async ({ user, query }) => {
        const dashboard = await complaintDashboard(user, toFilter(query), deps.clock.now());
        return {
          body: dashboardCsv(dashboard.byCommittee),
          headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="complaints-dashboard.csv"' },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/hotspots',
      tag: 'complaints',
      summary: 'Hotspots (乱点): a cadre sees their committee, district staff all',
      access: ['district', 'cadre'],
      query: hotspotQuerySchema,
      responses: { 200: { description: 'Hotspots, most recent first', schema: hotspotListSchema } },
      handler: async ({ user, query }) => ({ body: await listHotspots(user, query.open) }),
    }),
  ];
}
