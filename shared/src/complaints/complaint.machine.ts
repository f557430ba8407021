/**
 * The complaint workflow as data: 问题发现 → 派单 → 解决 → 反馈, after 一网通办's
 * 受理 → 研判 → 办理 → 反馈 → 归档. `transition` is the only place a status
 * is decided; the BFF applies its answer with one conditional update.
 */
export const COMPLAINT_STATUSES = ['submitted', 'accepted', 'rejected', 'dispatched', 'resolved', 'closed', 'archived'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Where every complaint starts. */
export const INITIAL_COMPLAINT_STATUS: ComplaintStatus = 'submitted';

export const COMPLAINT_EVENTS = ['accept', 'reject', 'dispatch', 'resolve', 'rate', 'archive', 'autoClose', 'autoArchive'] as const;
export type ComplaintEvent = (typeof COMPLAINT_EVENTS)[number];

/** How the actor stands to this complaint; the BFF works these out from records. */
export type Relation = 'reporter' | 'committee-cadre' | 'assigned-unit' | 'district' | 'system';

export interface TransitionContext {
  /** The rating given, for `rate`. */
  stars?: number;
}

interface Guard {
  name: string;
  test(context: TransitionContext): boolean;
}

interface Rule {
  event: ComplaintEvent;
  from: ComplaintStatus;
  to: ComplaintStatus;
  by: readonly Relation[];
  guard?: Guard;
}

const satisfied: Guard = { name: 'rated 3 to 5 stars', test: (c) => c.stars !== undefined && c.stars >= 3 && c.stars <= 5 };
const dissatisfied: Guard = { name: 'rated 1 or 2 stars', test: (c) => c.stars !== undefined && c.stars >= 1 && c.stars <= 2 };

const CADRE_OR_DISTRICT = ['committee-cadre', 'district'] as const;

export const COMPLAINT_RULES: readonly Rule[] = [
  { event: 'accept', from: 'submitted', to: 'accepted', by: CADRE_OR_DISTRICT },
  { event: 'reject', from: 'submitted', to: 'rejected', by: CADRE_OR_DISTRICT },
  { event: 'dispatch', from: 'accepted', to: 'dispatched', by: CADRE_OR_DISTRICT },
  { event: 'resolve', from: 'dispatched', to: 'resolved', by: ['assigned-unit'] },
  { event: 'rate', from: 'resolved', to: 'closed', by: ['reporter'], guard: satisfied },
  // A bad rating sends the matter back to the same unit: counted as a reopen.
  { event: 'rate', from: 'resolved', to: 'dispatched', by: ['reporter'], guard: dissatisfied },
  { event: 'autoClose', from: 'resolved', to: 'closed', by: ['system'] },
  { event: 'archive', from: 'closed', to: 'archived', by: CADRE_OR_DISTRICT },
  { event: 'archive', from: 'rejected', to: 'archived', by: CADRE_OR_DISTRICT },
  { event: 'autoArchive', from: 'closed', to: 'archived', by: ['system'] },
  { event: 'autoArchive', from: 'rejected', to: 'archived', by: ['system'] },
];

export type TransitionResult =
  | { ok: true; from: ComplaintStatus; to: ComplaintStatus; event: ComplaintEvent }
  | { ok: false; refusal: 'FORBIDDEN' | 'CONFLICT' | 'GUARD_FAILED'; message: string };

/**
 * The next status, or why not: FORBIDDEN when the actor may never take this
 * step here, CONFLICT when the step does not leave the current status,
 * GUARD_FAILED when the step's condition is not met.
 */
export function transition(
  status: ComplaintStatus,
  event: ComplaintEvent,
  relations: readonly Relation[],
  context: TransitionContext = {},
): TransitionResult {
  const mayAct = (rule: Rule) => rule.by.some((r) => relations.includes(r));
  const fromHere = COMPLAINT_RULES.filter((r) => r.event === event && r.from === status);
  if (fromHere.length === 0) {
    const everAllowed = COMPLAINT_RULES.some((r) => r.event === event && mayAct(r));
    return everAllowed
      ? { ok: false, refusal: 'CONFLICT', message: `A ${status} complaint cannot be sent "${event}"` }
      : { ok: false, refusal: 'FORBIDDEN', message: `You may not ${event} this complaint` };
  }
  const allowed = fromHere.filter(mayAct);
  if (allowed.length === 0) return { ok: false, refusal: 'FORBIDDEN', message: `You may not ${event} this complaint` };
  const rule = allowed.find((r) => !r.guard || r.guard.test(context));
  if (!rule) return { ok: false, refusal: 'GUARD_FAILED', message: `"${event}" needs: ${allowed.map((r) => r.guard?.name).join(' or ')}` };
  return { ok: true, from: status, to: rule.to, event };
}

/** The steps these relations may take from a status: the buttons a page shows. */
export function availableEvents(status: ComplaintStatus, relations: readonly Relation[]): ComplaintEvent[] {
  const events = COMPLAINT_RULES.filter((r) => r.from === status && r.by.some((b) => b !== 'system' && relations.includes(b))).map((r) => r.event);
  return [...new Set(events)];
}

/** Statuses in which a matter still waits on someone. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'accepted', 'dispatched', 'resolved'];
