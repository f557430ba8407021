import { z } from 'zod';
import { calendarDateSchema } from '../core/date.schema';
import { objectIdSchema } from '../core/ids';
import { compactJwsSchema } from '../core/jws.schema';
import { noteSchema, textSchema } from '../core/text.schema';
import { defineWorkflow, SYSTEM_ACTOR } from '../core/workflow';
import { HEALTH_COLORS } from '../health-code/health.rules';

/**
 * Place codes (一企一码): every enterprise with an approved resumption filing,
 * every pharmacy and each committee's service station shows one; a resident
 * scans it in and the gate sees their colour.
 */
export const PLACE_KINDS = ['enterprise', 'pharmacy', 'service_station'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PLACE_KIND_WORDS: Record<PlaceKind, string> = { enterprise: '企业', pharmacy: '药店', service_station: '居委会服务站' };
export const placeKindSchema = z.enum(PLACE_KINDS);

const colorSchema = z.enum(HEALTH_COLORS);
const placeRefSchema = z.object({ id: z.string(), name: z.string() });

/** `GET /api/places/mine`: the place an enterprise or pharmacy manages, with its code to print. */
export const myPlaceSchema = z.object({ id: z.string(), name: z.string(), address: z.string(), kind: placeKindSchema, token: z.string() });
export type MyPlace = z.infer<typeof myPlaceSchema>;

/** `POST /api/visits`: the code the resident scanned. */
export const scanInSchema = z.object({ placeToken: compactJwsSchema }).strict();
export type ScanIn = z.infer<typeof scanInSchema>;
/** What the gate must see; the same visit for a second scan within the hour. */
export const visitReplySchema = z.object({
  visitId: z.string(),
  place: placeRefSchema,
  /** The visitor's masked name, in large type on the gate card. */
  nameMasked: z.string(),
  color: colorSchema,
  /** Green may enter; yellow or red reads 不可进入, and the visit is kept, marked refused. */
  allowed: z.boolean(),
  /** The colour's reasons in words (empty for green). */
  reasons: z.array(z.string()),
  at: z.string(),
});
export type VisitReply = z.infer<typeof visitReplySchema>;

/** `GET /api/places/:id/visits?date=`: the place's manager or district staff. */
export const placeVisitsQuerySchema = z.object({ date: calendarDateSchema.optional() }).strict();
export const placeVisitItemSchema = z.object({ visitId: z.string(), nameMasked: z.string(), color: colorSchema, allowed: z.boolean(), at: z.string() });
export const placeVisitsSchema = z.object({
  place: placeRefSchema,
  date: z.string(),
  items: z.array(placeVisitItemSchema),
  /** Visits per Shanghai hour of the day, 0–23. */
  perHour: z.array(z.number()).length(24),
  /** How many arrivals were not green. */
  flagged: z.number(),
  /** Visits that day in all; `items` holds the newest PLACE_VISITS_LISTED of them. */
  total: z.number().optional(),
});
export const PLACE_VISITS_LISTED = 500;
export type PlaceVisits = z.infer<typeof placeVisitsSchema>;

/** `GET /api/me/visits`: the resident's own visits of the last 14 days, newest first. */
export const MY_VISITS_DAYS = 14;
export const myVisitsSchema = z.object({ items: z.array(z.object({ visitId: z.string(), place: placeRefSchema, color: colorSchema, allowed: z.boolean(), at: z.string() })) });
export type MyVisits = z.infer<typeof myVisitsSchema>;

/** `GET /api/health/cases/:id/contact-candidates`: district staff only. */
export const contactCandidatesSchema = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      nameMasked: z.string(),
      place: placeRefSchema,
      overlapAt: z.string(),
      /** Whether an ID number is on record: only then can confirming give them a close-contact status (a red code); someone without one is reached another way. */
      identified: z.boolean(),
    }),
  ),
});
export type ContactCandidates = z.infer<typeof contactCandidatesSchema>;
/** Confirm or dismiss candidates in bulk. */
export const CANDIDATE_DECISION_MAX = 500;
export const candidateDecisionSchema = z.object({ userIds: z.array(objectIdSchema).min(1).max(CANDIDATE_DECISION_MAX) }).strict();
export type CandidateDecision = z.infer<typeof candidateDecisionSchema>;
/**
 * What a bulk decision did: `decided`; `skipped`, those not a current candidate
 * or already decided by someone; `unidentified`, those ticked for confirmation
 * who have no ID number on record to hold a status: nothing is written for them
 * and they stay candidates.
 */
export const candidateDecisionReplySchema = z.object({ decided: z.number(), skipped: z.number(), unidentified: z.number() });
export type CandidateDecisionReply = z.infer<typeof candidateDecisionReplySchema>;

/** `GET /api/places/lookup?q=`: has this enterprise or shop resumed? Nothing personal. */
export const placeLookupQuerySchema = z.object({ q: textSchema(1, 40) }).strict();
export const placeLookupItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: placeKindSchema,
  /** For an enterprise: whether an approved resumption filing stands, and since which Shanghai date. */
  resumed: z.boolean(),
  since: z.string().optional(),
});
export const placeLookupSchema = z.object({ items: z.array(placeLookupItemSchema) });
export type PlaceLookup = z.infer<typeof placeLookupSchema>;

/**
 * A place's own life: active while it stands for something that may receive
 * visitors, revoked by a district decision (its printed codes stop working).
 * An approved filing brings a revoked enterprise place back, with a new code
 * (the system's step). Kept here beside the schemas so the shared index needs
 * no new entry; it is a table like every other workflow (core/workflow.ts).
 */
export const PLACE_STATUSES = ['active', 'revoked'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];
export type PlaceEvent = 'revoke' | 'reactivate';
export type PlaceActor = 'district' | typeof SYSTEM_ACTOR;
export const PLACE_WORKFLOW = defineWorkflow<PlaceStatus, PlaceEvent, PlaceActor>({
  name: 'place',
  statuses: PLACE_STATUSES,
  rules: [
    { event: 'revoke', from: 'active', to: 'revoked', by: ['district', SYSTEM_ACTOR] },
    { event: 'reactivate', from: 'revoked', to: 'active', by: [SYSTEM_ACTOR] },
  ],
});
export const INITIAL_PLACE_STATUS: PlaceStatus = 'active';
export const placeTransition = PLACE_WORKFLOW.transition;

/** `POST /api/places/:id/revoke`: district staff say why. */
export const placeRevokeSchema = z.object({ reason: noteSchema(2) }).strict();
export type PlaceRevoke = z.infer<typeof placeRevokeSchema>;
/** A place as district staff see it after a decision. */
export const placeViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  kind: placeKindSchema,
  status: z.enum(PLACE_STATUSES),
  revokedAt: z.string().optional(),
  revokeReason: z.string().optional(),
});
export type PlaceView = z.infer<typeof placeViewSchema>;
