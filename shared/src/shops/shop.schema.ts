import { z } from 'zod';
import type { ComplaintStatus } from '../complaints/complaint.machine';
import { complaintStatusSchema } from '../complaints/complaint.schema';
import { latLngQuerySchema, latLngSchema, latLngViewSchema } from '../core/geo.schema';
import { objectIdSchema } from '../core/ids';
import { pageQuerySchema, pagedReplySchema } from '../core/pagination.schema';
import { phoneSchema } from '../core/phone.schema';
import { csvBodySchema, csvImportLineSchema } from '../core/request.schema';
import { addressSchema, noteSchema, textSchema } from '../core/text.schema';
import { BUSINESS_TYPES, INSPECTION_MAX_PHOTOS, INSPECTION_OUTCOMES, SHOP_GRADES, VIOLATION_TYPES } from './catalogue';

export const shopGradeSchema = z.enum(SHOP_GRADES);
export const businessTypeSchema = z.enum(BUSINESS_TYPES);
export const violationTypeSchema = z.enum(VIOLATION_TYPES);
export const inspectionOutcomeSchema = z.enum(INSPECTION_OUTCOMES);

export const SHOP_NAME_MAX_LENGTH = 60;
/** A business licence number (统一社会信用代码 or an older licence number): letters and digits. */
export const LICENCE_NUMBER_PATTERN = /^[0-9A-Z]{8,20}$/;

/** `POST /api/shops` (district staff): one shop; its committee follows from where it stands. */
export const createShopSchema = z
  .object({
    name: textSchema(2, SHOP_NAME_MAX_LENGTH),
    businessType: businessTypeSchema,
    address: addressSchema,
    location: latLngSchema.strict(),
    licenceNumber: z.string().trim().regex(LICENCE_NUMBER_PATTERN, '8 to 20 capital letters or digits').optional(),
    contactPhone: phoneSchema.optional(),
  })
  .strict();
export type CreateShop = z.infer<typeof createShopSchema>;

/** A shop as staff see it. `contactPhone` is whole for staff, who call the shop; residents never see a shop's record. */
export const shopViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  businessType: businessTypeSchema,
  address: z.string(),
  location: latLngViewSchema,
  committeeId: z.string().optional(),
  committeeName: z.string().optional(),
  licenceNumber: z.string().optional(),
  contactPhone: z.string().optional(),
  grade: shopGradeSchema,
  /** Why, in words, from the shared rule (grade.rules.ts). */
  reasons: z.array(z.string()),
  /** The Shanghai date the grade falls by itself if nothing new happens. */
  nextFallOn: z.string().optional(),
  gradedAt: z.string(),
  /** Shanghai date of the last inspection of any outcome. */
  lastInspectedOn: z.string().optional(),
});
export type ShopView = z.infer<typeof shopViewSchema>;

/** `GET /api/shops`: district staff see all; a cadre their committee; handling units every shop. */
export const shopListQuerySchema = z
  .object({
    ...pageQuerySchema.shape,
    grade: shopGradeSchema.optional(),
    committeeId: objectIdSchema.optional(),
    businessType: businessTypeSchema.optional(),
  })
  .strict();
export type ShopListQuery = z.infer<typeof shopListQuerySchema>;
export const shopListSchema = pagedReplySchema(shopViewSchema);
export type ShopList = z.infer<typeof shopListSchema>;

/** `POST /api/shops/:id/inspections`: a violation names its type; an ok inspection names none. */
export const createInspectionSchema = z
  .object({
    outcome: inspectionOutcomeSchema,
    violationType: violationTypeSchema.optional(),
    note: noteSchema(1),
    photoIds: z.array(objectIdSchema).max(INSPECTION_MAX_PHOTOS, `at most ${INSPECTION_MAX_PHOTOS} photos`).default([]),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.outcome === 'violation' && !body.violationType) ctx.addIssue({ code: 'custom', path: ['violationType'], message: 'a violation names its type' });
    if (body.outcome === 'ok' && body.violationType) ctx.addIssue({ code: 'custom', path: ['violationType'], message: 'an inspection without a violation names no violation type' });
  });
export type CreateInspection = z.infer<typeof createInspectionSchema>;

export const inspectionViewSchema = z.object({
  id: z.string(),
  outcome: inspectionOutcomeSchema,
  violationType: violationTypeSchema.optional(),
  note: z.string(),
  photoIds: z.array(z.string()),
  /** The inspector's unit or "区级" for district staff: not a person's name. */
  by: z.string(),
  at: z.string(),
});
export type InspectionView = z.infer<typeof inspectionViewSchema>;

/** A patrol-vehicle alert attached to a shop. */
export const shopAlertViewSchema = z.object({ id: z.string(), violationType: violationTypeSchema, at: z.string(), location: latLngViewSchema });
export type ShopAlertView = z.infer<typeof shopAlertViewSchema>;

/** How far back, and how many, of the alerts no registered shop stood within reach of the map shows. */
export const UNATTACHED_ALERT_DAYS = 30;
export const UNATTACHED_ALERTS_MAX = 200;
/**
 * `GET /api/shops/unattached-alerts`: patrol alerts captured where no registered
 * shop stands within ALERT_ATTACH_METERS (an unregistered stall, say), newest
 * first, with the committee whose area holds them.
 */
export const unattachedAlertListSchema = z.object({ items: z.array(shopAlertViewSchema.extend({ committeeId: z.string().optional() })) });
export type UnattachedAlertList = z.infer<typeof unattachedAlertListSchema>;

/** One change of grade, appended whenever the grade moves. A shop card sends its history newest first. */
export const gradeChangeSchema = z.object({ from: shopGradeSchema.optional(), to: shopGradeSchema, reasons: z.array(z.string()), at: z.string() });
export type GradeChange = z.infer<typeof gradeChangeSchema>;

export const linkedComplaintSchema = z.object({ id: z.string(), category: z.string(), description: z.string(), status: complaintStatusSchema, createdAt: z.string() });
export type LinkedComplaint = z.infer<typeof linkedComplaintSchema>;

/** `GET /api/shops/:id`: the shop with its history, latest inspections and alerts, and linked complaints. */
export const shopDetailSchema = shopViewSchema.extend({
  gradeHistory: z.array(gradeChangeSchema),
  inspections: z.array(inspectionViewSchema),
  alerts: z.array(shopAlertViewSchema),
  complaints: z.array(linkedComplaintSchema),
});
export type ShopDetail = z.infer<typeof shopDetailSchema>;

/** The answer to an inspection: the shop with its new grade, and the grade it had before. */
export const inspectionReplySchema = z.object({ shop: shopViewSchema, inspection: inspectionViewSchema, previousGrade: shopGradeSchema });
export type InspectionReply = z.infer<typeof inspectionReplySchema>;

/** `GET /api/shops/patrol?lat=&lng=`: the point is optional; district staff may narrow to a committee. */
export const patrolQuerySchema = z
  .object({
    lat: latLngQuerySchema.shape.lat.optional(),
    lng: latLngQuerySchema.shape.lng.optional(),
    committeeId: objectIdSchema.optional(),
  })
  .strict()
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: 'lat and lng come together', path: ['lng'] });
export type PatrolQuery = z.infer<typeof patrolQuerySchema>;
/** Today's patrol list: high grade first, then the longest since the last inspection (never inspected first). */
export const patrolListSchema = z.object({
  date: z.string(),
  items: z.array(shopViewSchema.extend({ daysSinceInspection: z.number().optional(), distanceMeters: z.number().optional() })),
});
export type PatrolList = z.infer<typeof patrolListSchema>;

/** `POST /api/shops/import`: name,businessType,address,lat,lng[,licenceNumber,contactPhone] per line. */
export const SHOP_IMPORT_MAX_CHARS = 1_000_000;
export const shopImportCsvSchema = csvBodySchema(SHOP_IMPORT_MAX_CHARS);
/** `POST /api/shops/alerts/import`: time,lat,lng,violationType[,shopId] per line. */
export const ALERT_IMPORT_MAX_CHARS = 4_000_000;
export const alertImportCsvSchema = csvBodySchema(ALERT_IMPORT_MAX_CHARS);
/** Either import's report, line by line; an applied line names the shop it made or was attached to. */
export const shopImportReportSchema = z.object({
  applied: z.number(),
  refused: z.number(),
  lines: z.array(csvImportLineSchema.extend({ shopId: z.string().optional() })),
});
export type ShopImportReport = z.infer<typeof shopImportReportSchema>;

/** `GET /api/complaints/nearby-shops?lat=&lng=`: a resident names a shop when filing; names only. */
export const nearbyShopsQuerySchema = latLngQuerySchema;
export const nearbyShopsSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type NearbyShops = z.infer<typeof nearbyShopsSchema>;

/** While the unit handles a matter or awaits its rating, it may link the matter to a shop. */
export const SHOP_LINK_STATUSES: readonly ComplaintStatus[] = ['dispatched', 'resolved'];
/** `POST /api/complaints/:id/link-shop`: the unit resolving a complaint links it to a shop, corrects the link, or clears it (null). */
export const linkComplaintShopSchema = z.object({ shopId: objectIdSchema.nullable() }).strict();
export type LinkComplaintShop = z.infer<typeof linkComplaintShopSchema>;

