import {
  isSatisfied,
  acceptBy,
  AUTO_ARCHIVE_AFTER_DAYS,
  AUTO_CLOSE_AFTER_DAYS,
  cellCenter,
  cellOf,
  dispatchBy,
  findCategory,
  HOTSPOT_QUIET_DAYS,
  HOTSPOT_THRESHOLD,
  HOTSPOT_WINDOW_DAYS,
  isInsideArea,
  overdueReason,
  resolveBy,
  transition,
  type ComplaintEvent,
  type ComplaintStatus,
  type Relation,
} from '@sqtb/shared';
import type { LatLng, LedgerEntry, OrgRef } from '../ledger';
import { HANDLERS } from '../plan-complaints';
import { CADRES } from '../plan-context';
import { DAY_MS } from '../time';
import type { Checks, Prediction } from './checks';

/**
 * The complaints as the rules say they must be after every step of the
 * ledger: statuses from the shared workflow table, deadlines from the
 * working-day calendar, lateness, ratings and reopens counted as the contract
 * defines them, and what the daily jobs must have done (auto-close after 7
 * days unrated, archive after 30, hotspots on the fixed grid).
 */
export interface ComplaintState {
  ref: string;
  reporter: string;
  category: string;
  address: string;
  location: LatLng;
  cell: string;
  /** Committee and street codes; null outside every committee's area. */
  committee: string | null;
  street: string | null;
  createdAt: number;
  status: ComplaintStatus;
  unit?: string;
  acceptBy?: number;
  dispatchBy?: number;
  deadline?: number;
  firstDispatchedAt?: number;
  resolvedAt?: number;
  closedAt?: number;
  rejectedAt?: number;
  resolutions: number;
  lateResolutions: number;
  ratings: number;
  satisfiedRatings: number;
  reopenCount: number;
  urgeCount: number;
}

export interface HotspotState {
  cell: string;
  center: LatLng;
  committee: string | null;
  openedAt: number;
  open: boolean;
  complaintsInWindow: number;
  categories: string[];
}

const limitOf = (category: string) => findCategory(category)?.timeLimitWorkingDays ?? 5;
const d = (n?: number) => (n === undefined ? null : new Date(n));

export class ComplaintsModel {
  readonly complaints = new Map<string, ComplaintState>();
  readonly hotspots = new Map<string, HotspotState>();

  constructor(private readonly org: OrgRef) {}

  committeeAt(point: LatLng): string | null {
    return Object.entries(this.org.committees).find(([, c]) => isInsideArea(point, c.area))?.[0] ?? null;
  }

  /** How the actor stands to the matter: the input the workflow table takes. */
  private relations(actor: string, c: ComplaintState): Relation[] {
    const relations: Relation[] = [];
    if (actor === c.reporter) relations.push('reporter');
    if (c.committee && CADRES[c.committee] === actor) relations.push('committee-cadre');
    if (c.unit && HANDLERS[c.unit] === actor) relations.push('assigned-unit');
    if (actor.startsWith('district-')) relations.push('district');
    return relations;
  }

  apply(entry: LedgerEntry, checks: Checks): void {
    const now = Date.parse(entry.at);
    if (entry.kind === 'complaint.submit') {
      const data = entry.data as { category: string; address: string; location: LatLng };
      const committee = this.committeeAt(data.location);
      if (!checks.judge(entry, { ok: true, result: { status: 'submitted' } })) return;
      this.complaints.set(entry.ref, {
        ref: entry.ref,
        reporter: entry.actor,
        category: data.category,
        address: data.address,
        location: data.location,
        cell: cellOf(data.location),
        committee,
        street: committee ? this.org.committees[committee].streetCode : null,
        createdAt: now,
        status: 'submitted',
        acceptBy: acceptBy(new Date(now)).getTime(),
        resolutions: 0,
        lateResolutions: 0,
        ratings: 0,
        satisfiedRatings: 0,
        reopenCount: 0,
        urgeCount: 0,
      });
      return;
    }
    const c = this.complaints.get(entry.ref);
    if (!c) {
      checks.judge(entry, { ok: false, error: 'NOT_FOUND' });
      return;
    }
    if (entry.kind === 'complaint.urge') {
      const overdue = overdueReason({ status: c.status, acceptBy: d(c.acceptBy), dispatchBy: d(c.dispatchBy), deadline: d(c.deadline) }, new Date(now));
      if (!checks.judge(entry, overdue ? { ok: true, result: { status: c.status, urgeCount: c.urgeCount + 1 } } : { ok: false, error: 'CONFLICT' })) return;
      c.urgeCount += 1;
      return;
    }
    const event = entry.kind.slice('complaint.'.length) as ComplaintEvent;
    const stars = typeof entry.data.stars === 'number' ? entry.data.stars : undefined;
    const decision = transition(c.status, event, this.relations(entry.actor, c), { stars });
    const prediction: Prediction = decision.ok
      ? { ok: true, result: { status: decision.to, reopenCount: c.reopenCount + (event === 'rate' && decision.to === 'dispatched' ? 1 : 0) } }
      : { ok: false, error: decision.refusal === 'GUARD_FAILED' ? 'VALIDATION_FAILED' : decision.refusal };
    if (!checks.judge(entry, prediction) || !decision.ok) return;
    this.step(c, event, decision.to, now, entry);
  }

  /** The fields each step sets, as the contract's definitions need them. */
  private step(c: ComplaintState, event: ComplaintEvent, to: ComplaintStatus, now: number, entry: LedgerEntry): void {
    c.status = to;
    switch (event) {
      case 'accept':
        c.dispatchBy = dispatchBy(new Date(now)).getTime();
        return;
      case 'reject':
        c.rejectedAt = now;
        return;
      case 'dispatch':
        c.unit = entry.data.unit as string;
        c.firstDispatchedAt ??= now;
        c.deadline = resolveBy(new Date(now), limitOf(c.category)).getTime();
        return;
      case 'resolve':
        c.resolutions += 1;
        // Late means after the deadline, to the millisecond.
        if (c.deadline !== undefined && now > c.deadline) c.lateResolutions += 1;
        c.resolvedAt = now;
        return;
      case 'rate': {
        const stars = entry.data.stars as number;
        c.ratings += 1;
        if (isSatisfied(stars)) c.satisfiedRatings += 1;
        if (to === 'closed') c.closedAt = now;
        else {
          // 1–2 stars: back to the same unit with a fresh deadline; counted as a reopen.
          c.reopenCount += 1;
          c.deadline = resolveBy(new Date(now), limitOf(c.category)).getTime();
          c.resolvedAt = undefined;
        }
        return;
      }
      default:
    }
  }

  /** The daily jobs at `now`; checks the counts the BFF reported. */
  runJobs(entry: LedgerEntry, checks: Checks): void {
    const now = Date.parse(entry.at);
    const reported = (entry.outcome.result ?? {}) as Record<string, Record<string, number> | undefined>;
    let closed = 0;
    for (const c of this.complaints.values()) {
      if (c.status === 'resolved' && c.resolvedAt! <= now - AUTO_CLOSE_AFTER_DAYS * DAY_MS) {
        c.status = 'closed';
        c.closedAt = now;
        closed += 1;
      }
    }
    let archived = 0;
    for (const c of this.complaints.values()) {
      const since = c.status === 'closed' ? c.closedAt : c.status === 'rejected' ? c.rejectedAt : undefined;
      if (since !== undefined && since <= now - AUTO_ARCHIVE_AFTER_DAYS * DAY_MS) {
        c.status = 'archived';
        archived += 1;
      }
    }
    const hotspots = this.refreshHotspots(now);
    const check = (job: string, field: string, expected: number) => {
      if (reported[job]?.[field] !== expected) checks.note(entry, `job ${job}: ${field}`, expected, reported[job]?.[field]);
    };
    check('complaints.auto-close-unrated', 'closed', closed);
    check('complaints.auto-archive', 'archived', archived);
    check('complaints.hotspots', 'opened', hotspots.opened);
    check('complaints.hotspots', 'closed', hotspots.closed);
  }

  /** 3+ complaints in one grid cell within 30 days open a hotspot; 90 quiet days close it. */
  private refreshHotspots(now: number): { opened: number; closed: number } {
    const windowStart = now - HOTSPOT_WINDOW_DAYS * DAY_MS;
    const cells = new Map<string, ComplaintState[]>();
    for (const c of this.complaints.values()) {
      if (c.createdAt >= windowStart && c.createdAt <= now) cells.set(c.cell, [...(cells.get(c.cell) ?? []), c]);
    }
    let opened = 0;
    for (const [cell, inWindow] of cells) {
      if (inWindow.length < HOTSPOT_THRESHOLD) continue;
      const categories = [...new Set(inWindow.map((c) => c.category))].sort();
      const existing = this.hotspots.get(cell);
      if (existing?.open) Object.assign(existing, { complaintsInWindow: inWindow.length, categories });
      else {
        const center = cellCenter(cell);
        // A hotspot belongs to the committee whose area holds its cell's centre.
        this.hotspots.set(cell, { cell, center, committee: this.committeeAt(center), openedAt: now, open: true, complaintsInWindow: inWindow.length, categories });
        opened += 1;
      }
    }
    let closed = 0;
    for (const h of this.hotspots.values()) {
      if (!h.open) continue;
      const last = Math.max(...[...this.complaints.values()].filter((c) => c.cell === h.cell && c.createdAt <= now).map((c) => c.createdAt));
      if (last <= now - HOTSPOT_QUIET_DAYS * DAY_MS) {
        h.open = false;
        closed += 1;
      }
    }
    return { opened, closed };
  }
}
