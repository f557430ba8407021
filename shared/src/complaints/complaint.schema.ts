import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { objectIdSchema } from '../core/ids';
import { latLngSchema } from '../org/org.schema';
import { CATEGORY_CODES } from './categories';
import { COMPLAINT_EVENTS, COMPLAINT_STATUSES } from './complaint.machine';

export const complaintStatusSchema = z.enum(COMPLAINT_STATUSES);
export const categoryCodeSchema = z.enum(CATEGORY_CODES);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const photoIdsSchema = z.array(objectIdSchema).max(6, 'at most 6 photos').default([]);

/** `POST /api/complaints` */
export const createComplaintSchema = z
  .object({
    category: categoryCodeSchema,
    description: text(5, 1000),
    location: latLngSchema.strict(),
    address: text(2, 200),
    photoIds: photoIdsSchema,
    /** Hide the reporter from the public (Open311) view; staff still see who reported. */
    anonymous: z.boolean().default(false),
  })
  .strict();
export type CreateComplaint = z.infer<typeof createComplaintSchema>;

export const acceptComplaintSchema = z.object({ note: text(1, 500).optional() }).strict();
export const rejectComplaintSchema = z.object({ reason: text(2, 500) }).strict();
export const dispatchComplaintSchema = z.object({ unitId: objectIdSchema, note: text(1, 500).optional() }).strict();
export const resolveComplaintSchema = z.object({ note: text(2, 1000), photoIds: photoIdsSchema }).strict();
export const rateComplaintSchema = z.object({ stars: z.number().int().min(1).max(5), comment: text(1, 500).optional() }).strict();
export const urgeComplaintSchema = z.object({ note: text(1, 500).optional() }).strict();
export const archiveComplaintSchema = z.object({ note: text(1, 500).optional() }).strict();
export const emptyBodySchema = z.object({}).strict();

export const complaintIdParamsSchema = z.object({ id: objectIdSchema }).strict();

export const listComplaintsQuerySchema = z
  .object({
    status: complaintStatusSchema.optional(),
    category: categoryCodeSchema.optional(),
    committeeId: objectIdSchema.optional(),
    /** District staff: one street's committees. */
    streetId: objectIdSchema.optional(),
    /** District staff: the matters outside every committee's area (the district handles them). */
    outside: z.enum(['true']).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    /** Closed at some point (closed, or archived after closing), whatever the status now. */
    closed: z.enum(['true', 'false']).optional(),
    /** Received on these Shanghai dates, inclusive: the overview's week cohorts. */
    receivedFrom: calendarDateSchema.optional(),
    receivedTo: calendarDateSchema.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuerySchema>;

export const nearbyQuerySchema = z
  .object({
    lat: z.coerce.number().min(-90).max(90),
    lng: z.coerce.number().min(-180).max(180),
    category: categoryCodeSchema,
  })
  .strict();

export const timelineEntrySchema = z.object({
  at: z.string(),
  actorId: z.string().optional(),
  actorName: z.string().optional(),
  role: z.string(),
  action: z.string(),
  from: complaintStatusSchema.optional(),
  to: complaintStatusSchema.optional(),
  note: z.string().optional(),
});

export const complaintViewSchema = z.object({
  id: z.string(),
  category: z.string(),
  categoryName: z.string(),
  description: z.string(),
  location: latLngSchema,
  address: z.string(),
  photoIds: z.array(z.string()),
  /** Signed links valid for an hour: image tags cannot send a token. */
  photoUrls: z.array(z.string()),
  resolutionPhotoUrls: z.array(z.string()),
  anonymous: z.boolean(),
  status: complaintStatusSchema,
  committeeId: z.string().optional(),
  streetId: z.string().optional(),
  unitId: z.string().optional(),
  reporterId: z.string(),
  reporterName: z.string(),
  acceptBy: z.string().optional(),
  dispatchBy: z.string().optional(),
  deadline: z.string().optional(),
  overdue: z.boolean(),
  overdueReason: z.enum(['not-accepted', 'not-dispatched', 'not-resolved']).optional(),
  reopenCount: z.number(),
  urgeCount: z.number(),
  meTooCount: z.number(),
  rating: z.object({ stars: z.number(), comment: z.string().optional(), at: z.string() }).optional(),
  notRated: z.boolean(),
  resolutionNote: z.string().optional(),
  rejectionReason: z.string().optional(),
  suggestedUnitId: z.string().optional(),
  timeline: z.array(timelineEntrySchema),
  /** What the caller may do next, from the workflow table. */
  actions: z.array(z.enum([...COMPLAINT_EVENTS, 'urge', 'metoo'])),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

export const complaintListSchema = z.object({
  items: z.array(complaintViewSchema.omit({ timeline: true })),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type ComplaintList = z.infer<typeof complaintListSchema>;

export const nearbyComplaintsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      category: z.string(),
      description: z.string(),
      address: z.string(),
      status: complaintStatusSchema,
      distanceMeters: z.number(),
      meTooCount: z.number(),
      /** The caller already added "me too" here. */
      alreadyMeToo: z.boolean(),
    }),
  ),
});
