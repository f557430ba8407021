import {
  ALERT_ATTACH_METERS,
  alertImportCsvSchema,
  createInspectionSchema,
  createShopSchema,
  idParamsSchema,
  inspectionReplySchema,
  patrolListSchema,
  patrolQuerySchema,
  shopDetailSchema,
  shopImportCsvSchema,
  shopImportReportSchema,
  shopListQuerySchema,
  shopListSchema,
  shopViewSchema,
  UNATTACHED_ALERT_DAYS,
  unattachedAlertListSchema,
} from '@sqtb/shared';
import { defineRoute, type RouteSpec } from '../core/route';
import { createShop, getShop, importAlerts, importShops, listShops, patrolList, recordInspection, unattachedAlerts, type ShopDeps } from './service';

/** Who works on street order: residents, pharmacies and enterprises never see a shop record. */
const STAFF = ['district', 'cadre', 'handler'] as const;
/** An import is a desk job, a few files a day: 20 an hour per person, 60 per address. */
const IMPORT_LIMIT = { perIp: { limit: 60, windowMs: 3_600_000 }, perUser: { limit: 20, windowMs: 3_600_000 } };

export function shopRoutes(deps: ShopDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/shops',
      tag: 'shops',
      summary: 'Street shops, high grade first: district staff and handling units all (or one committee), a cadre their own committee',
      access: STAFF,
      query: shopListQuerySchema,
      responses: { 200: { description: 'A page of shops', schema: shopListSchema } },
      handler: async ({ user, query }) => ({ body: await listShops(user, query) }),
    }),
    // Declared before /api/shops/:id, which would otherwise take "patrol" (and "unattached-alerts") for an id.
    defineRoute({
      method: 'get',
      path: '/api/shops/patrol',
      tag: 'shops',
      summary: "Today's patrol list: high grade first, then the longest since an inspection (never first), nearest first; at most 50",
      access: STAFF,
      query: patrolQuerySchema,
      responses: { 200: { description: 'The list', schema: patrolListSchema } },
      handler: async ({ user, query }) => ({ body: await patrolList(user, query, deps) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/shops/unattached-alerts',
      tag: 'shops',
      summary: `Patrol alerts no registered shop stood within ${ALERT_ATTACH_METERS} m of, the last ${UNATTACHED_ALERT_DAYS} days, newest first (a cadre: their own committee)`,
      access: STAFF,
      responses: { 200: { description: 'The alerts', schema: unattachedAlertListSchema } },
      handler: async ({ user }) => ({ body: await unattachedAlerts(user, deps.clock.now()) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/shops/:id',
      tag: 'shops',
      summary: "A shop's card: grade history, latest inspections and alerts, linked complaints (403 for a cadre outside its committee)",
      access: STAFF,
      params: idParamsSchema,
      responses: { 200: { description: 'The shop', schema: shopDetailSchema } },
      errors: [404],
      handler: async ({ user, params }) => ({ body: await getShop(user, params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/shops',
      tag: 'shops',
      summary: 'District staff register a shop; its committee follows from where it stands, its grade from its business type',
      access: ['district'],
      body: createShopSchema,
      idempotent: true,
      responses: { 201: { description: 'Registered', schema: shopViewSchema } },
      errors: [409],
      handler: async ({ body }) => ({ status: 201, body: await createShop(body, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/shops/import',
      tag: 'shops',
      summary: 'Import shops as text/csv (name,businessType,address,lat,lng[,licenceNumber,contactPhone]); reports each line',
      access: ['district'],
      bodyType: 'text/csv',
      body: shopImportCsvSchema,
      rateLimit: { name: 'shops-import', ...IMPORT_LIMIT },
      responses: { 200: { description: 'What was applied and what was refused, line by line', schema: shopImportReportSchema } },
      errors: [413, 415, 429],
      handler: async ({ body }) => ({ body: await importShops(body, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/shops/alerts/import',
      tag: 'shops',
      summary: 'Import patrol-vehicle alerts as text/csv (time,lat,lng,violationType[,shopId]); attached alerts regrade their shops',
      access: ['district'],
      bodyType: 'text/csv',
      body: alertImportCsvSchema,
      rateLimit: { name: 'shops-alerts-import', ...IMPORT_LIMIT },
      responses: { 200: { description: 'What was applied and what was refused, line by line', schema: shopImportReportSchema } },
      errors: [413, 415, 429],
      handler: async ({ user, body }) => ({ body: await importAlerts(user, body, deps) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/shops/:id/inspections',
      tag: 'shops',
      summary: 'A handling unit or district staff record an inspection; answers the shop with its new grade and the grade before',
      access: ['handler', 'district'],
      params: idParamsSchema,
      body: createInspectionSchema,
      idempotent: true,
      // A patrol inspects a few dozen shops a day: 120 per 10 minutes each is a hurried one, 600 per address a unit's office.
      rateLimit: { name: 'shops-inspection', perIp: { limit: 600, windowMs: 600_000 }, perUser: { limit: 120, windowMs: 600_000 } },
      responses: { 201: { description: 'Recorded', schema: inspectionReplySchema } },
      errors: [404, 429],
      handler: async ({ user, params, body }) => ({ status: 201, body: await recordInspection(user, params.id, body, deps) }),
    }),
  ];
}
