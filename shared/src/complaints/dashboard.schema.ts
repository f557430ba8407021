import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { latLngViewSchema } from '../core/geo.schema';
import { objectIdSchema } from '../core/ids';
import { categoryCodeSchema } from './complaint.schema';
import { COMPLAINT_STATUSES } from './complaint.machine';

const isoDate = calendarDateSchema;

export const complaintDashboardQuerySchema = z
  .object({
    streetId: objectIdSchema.optional(),
    committeeId: objectIdSchema.optional(),
    category: categoryCodeSchema.optional(),
    /** Shanghai dates, inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export type ComplaintDashboardQuery = z.infer<typeof complaintDashboardQuerySchema>;

const rate = z.number().min(0).max(1).nullable();
export const complaintFiguresSchema = z.object({
  total: z.number(),
  byStatus: z.record(z.enum(COMPLAINT_STATUSES), z.number()),
  overdueNow: z.number(),
  onTimeRate: rate,
  satisfactionRate: rate,
  reopenRate: rate,
  medianHoursToDispatch: z.number().nullable(),
});

export const complaintDashboardSchema = complaintFiguresSchema.extend({
  generatedAt: z.string(),
  openHotspots: z.number(),
  byCommittee: z.array(complaintFiguresSchema.extend({ committeeId: z.string().nullable(), committeeName: z.string(), streetName: z.string() })),
});
export type ComplaintDashboard = z.infer<typeof complaintDashboardSchema>;

export const hotspotSchema = z.object({
  id: z.string(),
  cell: z.string(),
  center: latLngViewSchema,
  committeeId: z.string().optional(),
  open: z.boolean(),
  openedAt: z.string(),
  closedAt: z.string().optional(),
  lastComplaintAt: z.string(),
  complaintsInWindow: z.number(),
  categories: z.array(z.string()),
});
export type Hotspot = z.infer<typeof hotspotSchema>;
/** `GET /api/hotspots?open=`: most recent first. */
export const hotspotListSchema = z.object({ items: z.array(hotspotSchema) });
export type HotspotList = z.infer<typeof hotspotListSchema>;
export const hotspotQuerySchema = z.object({ open: z.enum(['true', 'false']).optional() }).strict();
