import { Types } from 'mongoose';
import type { AuthUser } from '../accounts/auth-user';

/** One line of a record's own history: who did what, when, from which status to which. */
export interface TimelineEntry {
  at: Date;
  action: string;
  from?: string;
  to?: string;
  role: string;
  actorId?: Types.ObjectId;
  actorName?: string;
  note?: string;
}

/** The one builder of timeline entries: a person acting, or the system (a job, the rules). */
export function timelineEntry(at: Date, action: string, from: string | undefined, to: string, actor: AuthUser | 'system', note?: string): TimelineEntry {
  const who = actor === 'system' ? { role: 'system' } : { role: actor.role, actorId: new Types.ObjectId(actor.id), actorName: actor.displayName };
  return { at, action, ...(from ? { from } : {}), to, ...who, ...(note ? { note } : {}) };
}
