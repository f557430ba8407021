import type { TimelineStep } from '../complaints/timeline';
import { formatShanghai } from '../core/time';
import type { FilingStatus, FilingView } from './api';
import { actionTitle, STATUS_LABELS } from './words';

/** The filing's history as steps (drawn by the same component as a complaint's), oldest first. */
export function filingTimelineSteps(timeline: FilingView['timeline']): TimelineStep[] {
  return timeline.map((entry, index) => ({
    key: `${index}-${entry.at}`,
    title: actionTitle(entry.action),
    actor: entry.actorName ?? (entry.role === 'system' ? '系统' : ''),
    time: formatShanghai(entry.at),
    note: entry.note,
    statusLabel: entry.to && entry.to !== entry.from ? STATUS_LABELS[entry.to as FilingStatus] : undefined,
    warning: entry.action === 'return' || entry.action === 'reject',
  }));
}
