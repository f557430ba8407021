import { addDays, FILING_STATUSES, type ComplaintAreaRow, type ComplaintCohort, type Overview, type Role } from '@sqtb/shared';
import { hoursText, percent } from '../complaints/dashboard-figures';
import { OVERDUE_LABELS } from '../complaints/status';
import type { BarRow } from '../core/components/charts/bar-rows';
import type { ColumnGroup } from '../core/components/charts/column-chart';
import type { Series } from '../core/components/charts/scale';
import { STATUS_LABELS as FILING_STATUS_LABELS } from '../filings/words';
import { complaintListLink, filingListLink, inspectionsLink, shopMapLink, streetOverviewLink, type Link } from './links';

/**
 * The overview's figures as the page shows them: words, counts and where each
 * leads. Plain functions of the reply, so they are tested without Taro.
 */

export interface Tile {
  key: string;
  label: string;
  value: string;
  /** The counts behind a rate, e.g. "35/40 次". */
  detail?: string;
  /** Drawn red: something is late. */
  alarm?: boolean;
  link: Link;
}

/** A week by its Monday, "3/2". */
export function weekLabel(monday: string): string {
  const [, month, day] = monday.split('-').map(Number);
  return month && day ? `${month}/${day}` : monday;
}

const ofTotal = (part: number, whole: number, unit: string) => `${part}/${whole} ${unit}`;

/** The headline complaint figures over the 8 weeks, in reading order. */
export function complaintTiles(o: Overview): Tile[] {
  const t = o.complaints.total;
  // The figures count the matters received in the 8 weeks; so do their lists (overdue: all of them, now).
  const window = { receivedFrom: o.weeks[0] };
  const all = complaintListLink(o.scope, window);
  const closed = complaintListLink(o.scope, { ...window, closed: true });
  const overdue = o.complaints.overdueNow;
  return [
    { key: 'received', label: '收到反映', value: String(t.received), link: all },
    { key: 'closed', label: '已结案', value: String(t.closed), link: closed },
    { key: 'overdue', label: '当前超期', value: String(overdue), alarm: overdue > 0, link: complaintListLink(o.scope, { overdue: true }) },
    { key: 'onTime', label: '按时办结率', value: percent(t.onTimeRate), detail: ofTotal(t.onTimeResolutions, t.resolutions, '次办结'), link: closed },
    { key: 'satisfaction', label: '满意率', value: percent(t.satisfactionRate), detail: ofTotal(t.satisfiedRatings, t.ratings, '条评价'), link: closed },
    { key: 'reopen', label: '重办率', value: percent(t.reopenRate), detail: ofTotal(t.reopened, t.everResolved, '件'), link: all },
    { key: 'dispatch', label: '派单用时（中位）', value: hoursText(t.medianHoursToDispatch), link: all },
    { key: 'resolution', label: '办结用时（中位）', value: hoursText(t.medianHoursToResolution), link: closed },
  ];
}

export const VOLUME_SERIES: readonly Series[] = [
  { name: '收到', tone: 'blue' },
  { name: '结案', tone: 'green' },
];
export const RATE_SERIES: readonly Series[] = [
  { name: '按时办结率', tone: 'cyan' },
  { name: '满意率', tone: 'orange' },
];

/** Each week's cohort: received vs closed. */
export const weeklyVolume = (o: Overview): ColumnGroup[] =>
  o.complaints.byWeek.map((w, i) => ({ key: o.weeks[i], label: weekLabel(o.weeks[i]), values: [w.received, w.closed] }));

/** Each week's matters in the list: received from that Monday to Sunday. */
export const weekLinks = (o: Overview): Link[] => o.weeks.map((monday) => complaintListLink(o.scope, { receivedFrom: monday, receivedTo: addDays(monday, 6) }));

/** Each week's cohort: on-time and satisfaction rates (null where nothing was measured). */
export const weeklyRates = (o: Overview): ColumnGroup[] =>
  o.complaints.byWeek.map((w, i) => ({ key: o.weeks[i], label: weekLabel(o.weeks[i]), values: [w.onTimeRate, w.satisfactionRate] }));

export type AreaMode = 'committees' | 'streets';

export interface AreaRow {
  key: string;
  name: string;
  /** The street of a committee row. */
  street?: string;
  /** The committee's (or street's) own figures: the 8 weeks together. */
  total: ComplaintCohort;
  overdueNow: number;
  /** A committee's list, or a street's overview (district staff). */
  link: Link;
  received: Link;
  closed: Link;
  overdue: Link;
}

type StreetRow = Omit<ComplaintAreaRow, 'committeeId' | 'committeeName'>;

/**
 * The per-area table. Each row's counts lead to its complaints (received and
 * closed in the 8 weeks, overdue now); a street's name narrows the overview
 * to that street.
 */
export function areaRows(o: Overview, mode: AreaMode, viewer: Role): AreaRow[] {
  const window = { receivedFrom: o.weeks[0] };
  if (mode === 'streets') {
    return o.complaints.byStreet.map((r: StreetRow) => {
      const filter = { streetId: r.streetId, streetName: r.streetName };
      return {
        key: r.streetId ?? 'none',
        name: r.streetName,
        total: r.total,
        overdueNow: r.overdueNow,
        link: streetOverviewLink(viewer, r.streetId),
        received: complaintListLink(o.scope, { ...filter, ...window }),
        closed: complaintListLink(o.scope, { ...filter, ...window, closed: true }),
        overdue: complaintListLink(o.scope, { ...filter, overdue: true }),
      };
    });
  }
  return o.complaints.byCommittee.map((r) => {
    const filter = { committeeId: r.committeeId, committeeName: r.committeeName };
    return {
      key: r.committeeId ?? 'none',
      name: r.committeeName,
      street: r.streetName,
      total: r.total,
      overdueNow: r.overdueNow,
      link: complaintListLink(o.scope, { ...filter, ...window }),
      received: complaintListLink(o.scope, { ...filter, ...window }),
      closed: complaintListLink(o.scope, { ...filter, ...window, closed: true }),
      overdue: complaintListLink(o.scope, { ...filter, overdue: true }),
    };
  });
}

type OverdueItem = Overview['complaints']['worstOverdue'][number];

const OVERDUE_STEP: Record<string, keyof typeof OVERDUE_LABELS> = {
  submitted: 'not-accepted',
  accepted: 'not-dispatched',
  dispatched: 'not-resolved',
};

/** What is late on a matter ("超期未派单"), from the step it waits on. */
export const overdueStep = (item: Pick<OverdueItem, 'status'>): string => {
  const step = OVERDUE_STEP[item.status];
  return step ? OVERDUE_LABELS[step] : '已超期';
};

/** How long past due, "超期 5 小时" or, beyond two days, "超期 3.5 天". */
export function overdueFor(hours: number): string {
  if (!Number.isFinite(hours) || hours < 0) return '已超期';
  if (hours < 48) return `超期 ${hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours)} 小时`;
  return `超期 ${Math.round((hours / 24) * 10) / 10} 天`;
}

export const PHARMACY_SERIES: readonly Series[] = [
  { name: '投放', tone: 'grey' },
  { name: '已预约', tone: 'blue' },
  { name: '已领取', tone: 'green' },
  { name: '过期未领', tone: 'red' },
];

/** The round's stock per pharmacy against what became of it. */
export const pharmacyRows = (o: Overview): BarRow[] =>
  o.masks.byPharmacy.map((p) => ({
    key: p.pharmacyId,
    label: p.pharmacyName,
    values: [p.stock, p.reserved, p.pickedUp, p.expired],
    note: `尚可预约 ${p.available}`,
  }));

export const HEALTH_SERIES: readonly Series[] = [
  { name: '绿码', tone: 'green' },
  { name: '黄码', tone: 'yellow' },
  { name: '红码', tone: 'red' },
];

/** Residents by code colour, per committee of household registration. */
export const healthRows = (o: Overview): BarRow[] =>
  o.health.byCommittee.map((c) => ({
    key: c.committeeId ?? 'none',
    label: c.committeeName,
    values: [c.green, c.yellow, c.red],
    note: `${c.green + c.yellow + c.red} 人`,
  }));

export const FILING_SERIES: readonly Series[] = [{ name: '件数', tone: 'blue' }];

/** Filings by their status now, each leading to the queue filtered by it. */
export const filingRows = (o: Overview, viewer: Role, open: (link: Link) => void): BarRow[] =>
  FILING_STATUSES.map((status) => {
    const link = filingListLink(o.scope, viewer, status);
    return {
      key: status,
      label: FILING_STATUS_LABELS[status],
      values: [o.filings.byStatus[status]],
      onTap: link ? () => open(link) : undefined,
    };
  });

/** "4.5 天"; "—" before any decision. */
export const daysText = (days: number | null): string => (days === null ? '—' : `${days} 天`);

/** 街面秩序: the shops by grade now, the most urgent first, and this week's inspections. */
export function shopTiles(o: Overview, viewer: Role): Tile[] {
  const t = o.shops.totals;
  return [
    { key: 'high', label: '高风险商户', value: String(t.high), alarm: t.high > 0, link: shopMapLink(o.scope, { grade: 'high' }) },
    { key: 'medium', label: '中风险商户', value: String(t.medium), link: shopMapLink(o.scope, { grade: 'medium' }) },
    { key: 'low', label: '低风险商户', value: String(t.low), link: shopMapLink(o.scope, { grade: 'low' }) },
    { key: 'inspections', label: '本周巡查', value: String(t.inspectionsThisWeek), link: inspectionsLink(o.scope, viewer) },
  ];
}

export const SHOP_GRADE_SERIES: readonly Series[] = [
  { name: '高风险', tone: 'red' },
  { name: '中风险', tone: 'yellow' },
  { name: '低风险', tone: 'green' },
];

/** Shops by grade per committee, each row opening that committee's shops. */
export const shopRows = (o: Overview, open: (link: Link) => void): BarRow[] =>
  o.shops.byCommittee.map((c) => {
    const link = shopMapLink(o.scope, { committeeId: c.committeeId });
    return {
      key: c.committeeId ?? 'none',
      label: c.committeeName,
      values: [c.high, c.medium, c.low],
      note: `${c.high + c.medium + c.low} 家 · 本周巡查 ${c.inspectionsThisWeek} 次`,
      onTap: link ? () => open(link) : undefined,
    };
  });
