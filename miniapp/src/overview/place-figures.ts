import type { Overview, Role } from '@sqtb/shared';
import type { BarRow } from '../core/components/charts/bar-rows';
import type { Series } from '../core/components/charts/scale';
import { weekLabel, type Tile } from './figures';
import { candidatesLink } from './links';

/**
 * 场所码 on the overview: visits per day and per committee (refused ones
 * apart) and the close-contact candidates awaiting a decision. Visits have no
 * list to open: a place's day (今日到访) is its manager's page, and the overview
 * never narrows to one place; candidates open the district's health page.
 */

/** Entered (green) and refused (not green), end to end: a day's or a committee's visits. */
export const VISIT_SERIES: readonly Series[] = [
  { name: '绿码进入', tone: 'green' },
  { name: '非绿码拒入', tone: 'red' },
];

export function placeTiles(o: Overview, viewer: Role): Tile[] {
  const { total, candidates } = o.places;
  return [
    { key: 'visits', label: `近 ${o.places.days.length} 日到访（人次）`, value: String(total.visits), link: null },
    { key: 'refused', label: '非绿码拒入（人次）', value: String(total.refused), alarm: total.refused > 0, link: null },
    { key: 'candidates', label: '待决定密接候选', value: String(candidates.awaiting), detail: `${candidates.cases} 个病例`, alarm: candidates.awaiting > 0, link: candidatesLink(viewer) },
  ];
}

/** Each day's visits, oldest first, by its date ("3/2"). */
export const placeDayRows = (o: Overview): BarRow[] =>
  o.places.byDay.map((d, i) => ({ key: o.places.days[i], label: weekLabel(o.places.days[i]), values: [d.visits - d.refused, d.refused], note: `${d.visits} 人次` }));

/** Each committee's places over the days, with the candidates named at them. */
export const placeCommitteeRows = (o: Overview): BarRow[] =>
  o.places.byCommittee.map((r) => ({
    key: r.committeeId ?? 'none',
    label: r.committeeName,
    values: [r.total.visits - r.total.refused, r.total.refused],
    note: `${r.total.visits} 人次 · 待决定候选 ${r.candidatesAwaiting} 人`,
  }));
