import { z } from 'zod';
import { latLngViewSchema } from '../core/geo.schema';
import { objectIdSchema } from '../core/ids';
import { COMPLAINT_STATUSES } from '../complaints/complaint.machine';
import { FILING_STATUSES, type FilingStatus } from '../filings/filing.machine';

/**
 * The district overview (`GET /api/dashboard/overview`): one picture of the
 * four services, street order and place codes. Every figure is defined here in words, because the simulator
 * in mock/ computes the same figures from its own ledger and compares.
 *
 * Weeks are Shanghai weeks, Monday 00:00 (+08:00) to the next Monday; the
 * overview covers the 8 weeks ending with the current one, oldest first.
 * A complaint belongs to the week it was received (a cohort): a week's row
 * says what has become, so far, of the matters received that week.
 *
 * Rows: every committee (or street) in scope, ordered by name
 * (`localeCompare(…, 'zh')`); at district level a last row with a null id
 * holds what lies outside every committee's area. Lists of matters are
 * ordered as their comments say, ties by id ascending.
 */
export const OVERVIEW_WEEKS = 8;
/** The city's target for first-time success (一次办结率). */
export const FIRST_TIME_SUCCESS_TARGET = 0.9;

export const overviewQuerySchema = z
  .object({
    /** District staff may narrow to a street or a committee; a cadre always sees their own committee. */
    streetId: objectIdSchema.optional(),
    committeeId: objectIdSchema.optional(),
  })
  .strict();
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const OVERVIEW_TABLES = ['complaints-weekly', 'complaints-committees', 'overdue', 'hotspots', 'masks', 'mask-reviews', 'health', 'filings', 'shops', 'places'] as const;
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];
export const overviewCsvQuerySchema = overviewQuerySchema.extend({ table: z.enum(OVERVIEW_TABLES) }).strict();

const rate = z.number().min(0).max(1).nullable();

/** What became of the complaints received in a period (rates rounded to 4 places, hours to 2). */
export const complaintCohortSchema = z.object({
  /** Complaints received. */
  received: z.number().int(),
  /** Of those, closed or archived after closing. */
  closed: z.number().int(),
  /** Resolutions made (a reopened matter resolves more than once) and those made by the deadline. */
  resolutions: z.number().int(),
  onTimeResolutions: z.number().int(),
  onTimeRate: rate,
  /** Ratings given (a 1–2 star rating that reopened the matter counts) and the satisfied ones (3–5 stars, isSatisfied). */
  ratings: z.number().int(),
  satisfiedRatings: z.number().int(),
  satisfactionRate: rate,
  /** Matters resolved at least once, and those reopened by a 1–2 star rating. */
  everResolved: z.number().int(),
  reopened: z.number().int(),
  reopenRate: rate,
  /** Median hours from receipt to first dispatch, over the dispatched ones. */
  medianHoursToDispatch: z.number().nullable(),
  /** Median hours from receipt to the latest resolution, over those resolved now (resolved, closed, archived). */
  medianHoursToResolution: z.number().nullable(),
});
export type ComplaintCohort = z.infer<typeof complaintCohortSchema>;

const weekSeries = z.array(complaintCohortSchema).length(OVERVIEW_WEEKS);

export const complaintAreaRowSchema = z.object({
  /** Null for matters outside every committee's area (the district handles them). */
  committeeId: z.string().nullable(),
  committeeName: z.string(),
  streetId: z.string().nullable(),
  streetName: z.string(),
  /** One cohort per week, oldest first, and the 8 weeks together. */
  weeks: weekSeries,
  total: complaintCohortSchema,
  /** Red light on now (any week): not accepted, not dispatched or not resolved in time. */
  overdueNow: z.number().int(),
});

export const overdueItemSchema = z.object({
  id: z.string(),
  /** The category's code, as everywhere else, and its name for people. */
  category: z.string(),
  categoryName: z.string(),
  address: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  committeeName: z.string(),
  /** When the step now waiting was due, and how many hours ago that was. */
  dueAt: z.string(),
  hoursOverdue: z.number(),
  urgeCount: z.number().int(),
});

export const overviewHotspotSchema = z.object({
  id: z.string(),
  cell: z.string(),
  center: latLngViewSchema,
  committeeName: z.string(),
  complaintsInWindow: z.number().int(),
  categories: z.array(z.string()),
  openedAt: z.string(),
});

export const successSchema = z.object({ total: z.number().int(), firstTime: z.number().int(), rate, target: z.number() });

export const maskPharmacyRowSchema = z.object({
  pharmacyId: z.string(),
  pharmacyName: z.string(),
  /** Stock put into the round, and what is still free to reserve. */
  stock: z.number().int(),
  available: z.number().int(),
  /** Masks (not reservations, so they compare with the stock) approved and waiting for pickup, picked up, and lapsed unclaimed. */
  reserved: z.number().int(),
  pickedUp: z.number().int(),
  expired: z.number().int(),
});

export const maskReviewRowSchema = z.object({
  committeeId: z.string(),
  committeeName: z.string(),
  /** Household registrations and round reservations waiting for the cadre. */
  registrations: z.number().int(),
  reservations: z.number().int(),
});

export const healthRowSchema = z.object({
  /** Residents with an identity on record, by their code's colour now, grouped by the committee of their household registration (any status; null: none). */
  committeeId: z.string().nullable(),
  committeeName: z.string(),
  green: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
});

const shopFigures = {
  /** Registered shops by the grade they hold now (the grade stored on the shop, as the shop list shows it). */
  low: z.number().int(),
  medium: z.number().int(),
  high: z.number().int(),
  /**
   * Inspections (巡查记录, any outcome) of these shops dated in the current Shanghai week: the Shanghai date
   * of the inspection is on or after the week's Monday (the last of `weeks`). Patrol-vehicle alerts are not inspections.
   */
  inspectionsThisWeek: z.number().int(),
};

export const shopRowSchema = z.object({
  /** The committee whose area holds the shop; null (district level only) for shops outside every committee's area. */
  committeeId: z.string().nullable(),
  committeeName: z.string(),
  ...shopFigures,
});

/** Place codes: the Shanghai days whose visits the overview counts, the last being today. */
export const OVERVIEW_VISIT_DAYS = 7;
/** Place codes: the confirmed cases whose candidates are counted are those dated on this many Shanghai days up to today. */
export const OVERVIEW_CASE_DAYS = 14;

/**
 * Visits (到访) on one Shanghai day: one visit per person, place and Shanghai clock
 * hour, on the day of its arrival (the first scan of that hour); `refused` those
 * whose colour as stored (the latest scan of that hour) was not green.
 */
export const visitCountSchema = z.object({ visits: z.number().int(), refused: z.number().int() });

export const placeRowSchema = z.object({
  /** The committee of the place (its `committeeId`); null (district level only) for places outside every committee's area. */
  committeeId: z.string().nullable(),
  committeeName: z.string(),
  /** One count per day of `places.days`, oldest first, and the days together. */
  days: z.array(visitCountSchema).length(OVERVIEW_VISIT_DAYS),
  total: visitCountSchema,
  /** Candidates awaiting a decision (see `places.candidates`) whose overlapping visit the rule names was at a place of this committee. */
  candidatesAwaiting: z.number().int(),
});

/**
 * Place codes (一企一码): visits per day at the places in scope (by the place's
 * committee), and close-contact candidates awaiting a decision.
 *
 * A candidate awaiting a decision: for each medical status record `confirmed`
 * dated on the OVERVIEW_CASE_DAYS Shanghai days up to today whose ID number a
 * resident on record holds, each person the shared rule `contactCandidates`
 * names from the visits kept, leaving out those already confirmed or dismissed
 * for that case: the case's list (`GET /api/health/cases/:id/contact-candidates`).
 * A person named for two cases counts twice. Older cases are not counted (their
 * list still opens on the health page); this keeps the figure's reads bounded.
 */
export const placesOverviewSchema = z.object({
  /** The OVERVIEW_VISIT_DAYS Shanghai dates counted, oldest first, the last today. */
  days: z.array(z.string()).length(OVERVIEW_VISIT_DAYS),
  /** Every day's visits in scope, and the days together. */
  byDay: z.array(visitCountSchema).length(OVERVIEW_VISIT_DAYS),
  total: visitCountSchema,
  /** Every committee in scope (at district level a last row for places outside every area). */
  byCommittee: z.array(placeRowSchema),
  /** Candidates awaiting a decision in scope (the rows' sum), and the cases with at least one of them. */
  candidates: z.object({ awaiting: z.number().int(), cases: z.number().int() }),
});

export const overviewSchema = z.object({
  generatedAt: z.string(),
  scope: z.object({ level: z.enum(['district', 'street', 'committee']), id: z.string().nullable(), name: z.string() }),
  /** The Monday (YYYY-MM-DD, Shanghai) of each week, oldest first. */
  weeks: z.array(z.string()).length(OVERVIEW_WEEKS),
  complaints: z.object({
    byWeek: weekSeries,
    total: complaintCohortSchema,
    overdueNow: z.number().int(),
    byStreet: z.array(complaintAreaRowSchema.omit({ committeeId: true, committeeName: true })),
    byCommittee: z.array(complaintAreaRowSchema),
    /** Hotspots open now in scope, oldest first. */
    openHotspots: z.array(overviewHotspotSchema),
    /** The 5 matters longest past due (earliest due time of the step now waiting), longest first. */
    worstOverdue: z.array(overdueItemSchema).max(5),
    /** Of the complaints received in the 8 weeks that are closed, those closed at their first resolution (never reopened). */
    firstTimeSuccess: successSchema,
  }),
  masks: z.object({
    /** The latest round opened by now (open or closed); null before any round. */
    round: z.object({ id: z.string(), name: z.string(), opensAt: z.string(), closesAt: z.string(), open: z.boolean() }).nullable(),
    /** Every pharmacy in scope with stock in the round, by name. */
    byPharmacy: z.array(maskPharmacyRowSchema),
    /** Every committee in scope; reservations waiting for review in any round. */
    pendingReviews: z.array(maskReviewRowSchema),
  }),
  health: z.object({
    byCommittee: z.array(healthRowSchema),
    totals: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
    /** Appeals still open, from residents in scope (by their registration's committee). */
    openAppeals: z.number().int(),
  }),
  filings: z.object({
    /** Every filing in scope, by its status now (one count for each status of the filing workflow). */
    byStatus: z.object(Object.fromEntries(FILING_STATUSES.map((s) => [s, z.number().int()])) as Record<FilingStatus, z.ZodNumber>),
    /** Days from first submission to the final decision (approved or rejected), over those decided; 2 places. */
    medianDaysToDecision: z.number().nullable(),
    /** Approved filings whose enterprise has reopened and has not sent today's report by 10:00 Shanghai time; by enterprise name. */
    missingReportsToday: z.array(z.object({ id: z.string(), enterpriseName: z.string(), committeeName: z.string() })),
    /** Of the approved filings, those approved without ever being returned. */
    firstTimeApproval: successSchema,
  }),
  /** Street order (街面秩序): every committee in scope (and at district level the row outside every area), and their sum. */
  shops: z.object({
    byCommittee: z.array(shopRowSchema),
    totals: z.object(shopFigures),
  }),
  places: placesOverviewSchema,
});
export type Overview = z.infer<typeof overviewSchema>;
export type ComplaintAreaRow = z.infer<typeof complaintAreaRowSchema>;
export type ShopOverviewRow = z.infer<typeof shopRowSchema>;
export type PlacesOverview = z.infer<typeof placesOverviewSchema>;
export type VisitCount = z.infer<typeof visitCountSchema>;
