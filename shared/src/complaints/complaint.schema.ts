import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { latLngQuerySchema, latLngSchema } from '../core/geo.schema';
import { objectIdSchema } from '../core/ids';
import { pageQuerySchema, pagedReplySchema } from '../core/pagination.schema';
import { noteSchema, textSchema as text } from '../core/text.schema';
import { CATEGORY_CODES } from './categories';
import { COMPLAINT_EVENTS, COMPLAINT_STATUSES } from './complaint.machine';

export const complaintStatusSchema = z.enum(COMPLAINT_STATUSES);
export const categoryCodeSchema = z.enum(CATEGORY_CODES);
/** Photos with a report or a resolution (each uploaded first through `POST /api/files`). */
export const COMPLAINT_MAX_PHOTOS = 6;
export const COMPLAINT_DESCRIPTION_MIN_LENGTH = 5;
export const COMPLAINT_DESCRIPTION_MAX_LENGTH = 1000;
const photoIdsSchema = z.array(objectIdSchema).max(COMPLAINT_MAX_PHOTOS, `at most ${COMPLAINT_MAX_PHOTOS} photos`).default([]);

/** `POST /api/complaints` */
export const createComplaintSchema = z
  .object({
    category: categoryCodeSchema,
    description: text(COMPLAINT_DESCRIPTION_MIN_LENGTH, COMPLAINT_DESCRIPTION_MAX_LENGTH),
    location: latLngSchema.strict(),
    address: text(2, 200),
    photoIds: photoIdsSchema,
    /** Hide the reporter from the public (Open311) view; staff still see who reported. */
    anonymous: z.boolean().default(false),
    /** The street shop the problem is about, picked from the shops near the location (街面秩序). */
    shopId: objectIdSchema.optional(),
  })
  .strict();
export type CreateComplaint = z.infer<typeof createComplaintSchema>;

export const acceptComplaintSchema = z.object({ note: noteSchema(1).optional() }).strict();
export const rejectComplaintSchema = z.object({ reason: noteSchema(2) }).strict();
export const dispatchComplaintSchema = z.object({ unitId: objectIdSchema, note: noteSchema(1).optional() }).strict();
export const resolveComplaintSchema = z.object({ note: text(2, 1000), photoIds: photoIdsSchema }).strict();
export const rateComplaintSchema = z.object({ stars: z.number().int().min(1).max(5), comment: noteSchema(1).optional() }).strict();
export const urgeComplaintSchema = z.object({ note: noteSchema(1).optional() }).strict();
export const archiveComplaintSchema = z.object({ note: noteSchema(1).optional() }).strict();

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
    /**
     * Cursor paging: the id of the last complaint already shown; the answer is the
     * page after it (newest first, so complaints filed meanwhile cannot push one
     * onto two pages). With `after`, `page` is not used.
     */
    after: objectIdSchema.optional(),
    ...pageQuerySchema.shape,
  })
  .strict();
export type ListComplaintsQuery = z.infer<typeof listComplaintsQuerySchema>;

export const nearbyQuerySchema = z.object({ ...latLngQuerySchema.shape, category: categoryCodeSchema }).strict();

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
  /** The street shop the matter is linked to, if any. */
  shop: z.object({ id: z.string(), name: z.string() }).optional(),
  timeline: z.array(timelineEntrySchema),
  /** What the caller may do next, from the workflow table. */
  actions: z.array(z.enum([...COMPLAINT_EVENTS, 'urge', 'metoo', 'link-shop'])),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

/** A list counts its matches up to this many, no further: beyond it the total reads "1,000+". */
export const COMPLAINT_COUNT_CAP = 1000;

/**
 * `GET /api/complaints`: a page, newest first (by id, which is the order of
 * filing). `total` counts the matches up to COMPLAINT_COUNT_CAP; when there are
 * more, it is the cap and `totalCapped` is true (say "1,000+").
 */
export const complaintListSchema = pagedReplySchema(complaintViewSchema.omit({ timeline: true })).extend({
  totalCapped: z.boolean(),
});
export type ComplaintList = z.infer<typeof complaintListSchema>;

/** An open complaint of the same category near a new report (the resident may say "me too" instead). */
export const nearbyComplaintSchema = z.object({
  id: z.string(),
  category: z.string(),
  description: z.string(),
  address: z.string(),
  status: complaintStatusSchema,
  distanceMeters: z.number(),
  meTooCount: z.number(),
  /** The caller already added "me too" here. */
  alreadyMeToo: z.boolean(),
});
export type NearbyComplaint = z.infer<typeof nearbyComplaintSchema>;
/** `GET /api/complaints/nearby?lat=&lng=&category=`: nearest first. */
export const nearbyComplaintsSchema = z.object({ items: z.array(nearbyComplaintSchema) });
export type NearbyComplaints = z.infer<typeof nearbyComplaintsSchema>;

/** `POST /api/complaints/:id/metoo` */
export const meTooReplySchema = z.object({ meTooCount: z.number() });
export type MeTooReply = z.infer<typeof meTooReplySchema>;
