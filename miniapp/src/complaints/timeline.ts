import type { ComplaintView } from '@sqtb/shared';
import { formatShanghai } from '../core/time';
import { STATUS_LABELS } from './status';

type TimelineEntry = ComplaintView['timeline'][number];

export interface TimelineStep {
  key: string;
  title: string;
  /** Who, in words: the actor's name, or the system. */
  actor: string;
  time: string;
  note?: string;
  /** The status the step led to, if it changed one. */
  statusLabel?: string;
  /** A step that sent the matter back (a bad rating): drawn in warning colour. */
  warning: boolean;
}

const ACTION_TITLES: Record<string, string> = {
  submit: '提交反映',
  accept: '受理',
  reject: '不予受理',
  dispatch: '派单',
  resolve: '办结反馈',
  rate: '评价',
  archive: '归档',
  autoClose: '超时未评价，自动结案',
  autoArchive: '自动归档',
  urge: '督办催办',
  metoo: '附近居民：我也遇到了',
  'link-shop': '关联商铺',
};

/** The timeline as steps, oldest first, in words a resident reads. */
export function timelineSteps(timeline: readonly TimelineEntry[]): TimelineStep[] {
  return timeline.map((entry, index) => {
    const reopened = entry.action === 'rate' && entry.to === 'dispatched';
    return {
      key: `${index}-${entry.at}`,
      title: reopened ? '评价不满意，退回重办' : (ACTION_TITLES[entry.action] ?? entry.action),
      actor: entry.actorName ?? (entry.role === 'system' ? '系统' : ''),
      time: formatShanghai(entry.at),
      note: entry.note,
      statusLabel: entry.to && entry.to !== entry.from ? STATUS_LABELS[entry.to] : undefined,
      warning: reopened || entry.action === 'urge',
    };
  });
}
