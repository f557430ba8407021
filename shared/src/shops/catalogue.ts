/**
 * The street-order catalogues (街面秩序): what a shop trades in, what a patrol can
 * find wrong, and the three grades a shop is kept at. Each code is stored; each
 * word is what a person reads.
 */
export const SHOP_GRADES = ['low', 'medium', 'high'] as const;
export type ShopGrade = (typeof SHOP_GRADES)[number];
export const SHOP_GRADE_WORDS: Record<ShopGrade, string> = { low: '低风险', medium: '中风险', high: '高风险' };

export const BUSINESS_TYPES = ['restaurant', 'street_food', 'grocery', 'repair', 'hairdresser', 'pharmacy', 'other'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];
export const BUSINESS_TYPE_WORDS: Record<BusinessType, string> = {
  restaurant: '餐饮',
  street_food: '小吃摊点',
  grocery: '食杂',
  repair: '维修',
  hairdresser: '美容美发',
  pharmacy: '药店',
  other: '其他',
};
/**
 * Where a shop of each type starts before its record counts: kitchens bring fumes,
 * waste and tables on the pavement, so food trades start one step up.
 */
export const BUSINESS_TYPE_BASE_GRADE: Record<BusinessType, ShopGrade> = {
  restaurant: 'medium',
  street_food: 'medium',
  grocery: 'low',
  repair: 'low',
  hairdresser: 'low',
  pharmacy: 'low',
  other: 'low',
};

export const VIOLATION_TYPES = ['beyond_door', 'occupying_road', 'illegal_signs', 'fumes_noise', 'litter', 'other'] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];
export const VIOLATION_TYPE_WORDS: Record<ViolationType, string> = {
  beyond_door: '跨门营业',
  occupying_road: '占道经营',
  illegal_signs: '乱设广告',
  fumes_noise: '油烟噪声',
  litter: '垃圾不落地',
  other: '其他违规',
};

export const INSPECTION_OUTCOMES = ['ok', 'violation'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
export const INSPECTION_OUTCOME_WORDS: Record<InspectionOutcome, string> = { ok: '无问题', violation: '有违规' };

/** An inspection carries at most this many photos. */
export const INSPECTION_MAX_PHOTOS = 6;
/** A patrol alert is attached to the nearest registered shop within this distance. */
export const ALERT_ATTACH_METERS = 30;
