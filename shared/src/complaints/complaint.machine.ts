/**
 * The complaint workflow as data: 问题发现 → 派单 → 解决 → 反馈, after 一网通办's
 * 受理 → 研判 → 办理 → 反馈 → 归档. `transition` is the only place a status
 * is decided; the BFF applies its answer with one conditional update.
 */
import { defineWorkflow, guard, type Step } from '../core/workflow';

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

/**
 * A rating of this many stars or more is satisfied (好评, README "Ratings"): it
 * closes the matter and counts toward the satisfaction rate; fewer stars send
 * it back to the unit as a reopen. The one place the line is drawn.
 */
export const SATISFIED_MIN_STARS = 3;

/** Whether a rating of 1–5 stars is satisfied (好评). */
export const isSatisfied = (stars: number): boolean => stars >= SATISFIED_MIN_STARS;

const satisfied = guard<TransitionContext>(`rated ${SATISFIED_MIN_STARS} to 5 stars`, (c) => c.stars !== undefined && isSatisfied(c.stars) && c.stars <= 5);
const dissatisfied = guard<TransitionContext>(`rated 1 to ${SATISFIED_MIN_STARS - 1} stars`, (c) => c.stars !== undefined && c.stars >= 1 && !isSatisfied(c.stars));

const CADRE_OR_DISTRICT = ['committee-cadre', 'district'] as const;

export const COMPLAINT_WORKFLOW = defineWorkflow<ComplaintStatus, ComplaintEvent, Relation, TransitionContext>({
  name: 'complaint',
  statuses: COMPLAINT_STATUSES,
  rules: [
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
  ],
});

export const COMPLAINT_RULES = COMPLAINT_WORKFLOW.rules;

export type TransitionResult = Step<ComplaintStatus, ComplaintEvent>;

/** A complaint's next status, or why not (see `defineWorkflow`). */
export const transition = COMPLAINT_WORKFLOW.transition;

/** The steps these relations may take from a status: the buttons a page shows. */
export const availableEvents = COMPLAINT_WORKFLOW.available;

/** Statuses in which a matter still waits on someone. */
export const OPEN_STATUSES: readonly ComplaintStatus[] = ['submitted', 'accepted', 'dispatched', 'resolved'];
