import { findCategory, HOTSPOT_WINDOW_DAYS, SHOP_GRADE_WORDS, SHOP_GRADES, VIOLATION_TYPE_WORDS, type Hotspot, type ShopGrade, type ViolationType } from '@sqtb/shared';

/** Grades as patrols read them: the most urgent first (filters, legends, counts). */
export const GRADES_HIGH_FIRST: readonly ShopGrade[] = [...SHOP_GRADES].reverse();

/** A grade's colour as a class: its text (`text`) or its fill (`fill`); the colours are app.css variables (shops.css). */
export const gradeClass = (kind: 'text' | 'fill', grade: ShopGrade) => `grade-${kind}--${grade}`;

/** A grade move in words: "低风险 → 高风险", "中风险（未变）", or "初评 中风险" for a shop's first grade. */
export function gradeMove(from: ShopGrade | undefined, to: ShopGrade): string {
  if (!from) return `初评 ${SHOP_GRADE_WORDS[to]}`;
  if (from === to) return `${SHOP_GRADE_WORDS[to]}（未变）`;
  return `${SHOP_GRADE_WORDS[from]} → ${SHOP_GRADE_WORDS[to]}`;
}

/** How long since a shop was last inspected, or that it never was. */
export function sinceInspectionWords(days: number | undefined): string {
  if (days === undefined) return '从未巡查';
  return days === 0 ? '今日已巡查' : `${days} 天未巡查`;
}

/** A distance for people: metres up to a kilometre, then kilometres. */
export function distanceWords(meters: number): string {
  return meters < 1000 ? `${Math.round(meters)} 米` : `${(meters / 1000).toFixed(1)} 公里`;
}

/** The day a grade falls by itself if nothing new is recorded. */
export const nextFallWords = (date: string) => `若无新的违规或投诉，${date} 起降级`;

/** An open hotspot (乱点) in words: its recent count and what the complaints were about. */
export function hotspotWords(spot: Pick<Hotspot, 'complaintsInWindow' | 'categories'>): string {
  const about = spot.categories.map((code) => findCategory(code)?.name ?? code).join('、');
  return `乱点：${HOTSPOT_WINDOW_DAYS} 天内 ${spot.complaintsInWindow} 件${about ? `（${about}）` : ''}`;
}

/** An overdue matter on the map, by its category. */
export const overdueWords = (categoryName: string) => `超期：${categoryName}`;

/** A patrol alert no registered shop stood near: what was seen. */
export const alertWords = (violationType: ViolationType) => `告警：${VIOLATION_TYPE_WORDS[violationType]}`;
