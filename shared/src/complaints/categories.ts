/**
 * The complaint catalogue. Time limits follow Shanghai's 12345 street practice:
 * consultations and suggestions 1 working day, supervision and re-checks 3,
 * help requests and complaints 5, complex cases 15.
 */
export type CategoryKind = 'consultation' | 'recheck' | 'complaint' | 'complex';

export interface ComplaintCategory {
  code: string;
  name: string;
  kind: CategoryKind;
  /** Working days from dispatch to resolution. */
  timeLimitWorkingDays: number;
  /** Open311 keywords, for other civic systems. */
  keywords: string[];
}

const LIMITS: Record<CategoryKind, number> = { consultation: 1, recheck: 3, complaint: 5, complex: 15 };

const category = (code: string, name: string, kind: CategoryKind, keywords: string[]): ComplaintCategory => ({
  code,
  name,
  kind,
  timeLimitWorkingDays: LIMITS[kind],
  keywords,
});

export const COMPLAINT_CATEGORIES: readonly ComplaintCategory[] = [
  category('street-occupation', '占道经营', 'complaint', ['street', 'vendor']),
  category('illegal-construction', '违法搭建', 'complex', ['building', 'construction']),
  category('noise', '噪声扰民', 'complaint', ['noise']),
  category('property-repair', '物业维修', 'complaint', ['housing', 'repair']),
  category('water-leak', '漏水渗水', 'recheck', ['housing', 'water']),
  category('elevator', '电梯故障', 'recheck', ['housing', 'elevator', 'safety']),
  category('greenery', '绿化养护', 'complaint', ['trees', 'greenery']),
  category('sanitation', '环境卫生', 'complaint', ['litter', 'cleaning']),
  category('garbage-sorting', '垃圾分类', 'complaint', ['waste', 'recycling']),
  category('consultation', '政策咨询', 'consultation', ['question']),
  category('suggestion', '意见建议', 'consultation', ['suggestion']),
];

export const CATEGORY_CODES = COMPLAINT_CATEGORIES.map((c) => c.code) as [string, ...string[]];

export function findCategory(code: string): ComplaintCategory | undefined {
  return COMPLAINT_CATEGORIES.find((c) => c.code === code);
}
