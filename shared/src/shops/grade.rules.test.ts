import { addDays } from '../calendar/dates';
import { BUSINESS_TYPES, BUSINESS_TYPE_BASE_GRADE, BUSINESS_TYPE_WORDS, SHOP_GRADES, SHOP_GRADE_WORDS, type BusinessType, type ShopGrade } from './catalogue';
import {
  COMPLAINTS_TO_RAISE,
  GRADE_WINDOW_DAYS,
  RECENT_CLEAN_DAYS,
  SHOP_GRADE_RULES_VERSION,
  VIOLATIONS_FOR_HIGH,
  gradeShop,
  type GradeComplaint,
  type GradeObservation,
} from './grade.rules';

/**
 * Written from the doc comments of grade.rules.ts and catalogue.ts and from the issue, not from the
 * function bodies. A record dated D counts on day T while 0 ≤ T − D < its window.
 */
const NOW = '2026-06-01';
/** The Shanghai date `n` days before NOW (negative: after NOW). */
const ago = (n: number) => addDays(NOW, -n);
/** The Shanghai date `n` days after NOW. */
const inDays = (n: number) => addDays(NOW, n);

const violation = (date: string): GradeObservation => ({ date, outcome: 'violation' });
const clean = (date: string): GradeObservation => ({ date, outcome: 'ok' });
const complaint = (date: string): GradeComplaint => ({ date });

const LOW: BusinessType = 'grocery';
const MEDIUM: BusinessType = 'restaurant';
const rank = (grade: ShopGrade) => SHOP_GRADES.indexOf(grade);
const stepUp = (grade: ShopGrade): ShopGrade => SHOP_GRADES[Math.min(rank(grade) + 1, SHOP_GRADES.length - 1)];
const stepDown = (grade: ShopGrade): ShopGrade => SHOP_GRADES[Math.max(rank(grade) - 1, 0)];

/** Records given as days before NOW: violations, linked complaints, clean inspections. */
interface ShopRecord {
  v?: number[];
  c?: number[];
  k?: number[];
}
const observationsOf = ({ v = [], k = [] }: ShopRecord) => [...v.map((n) => violation(ago(n))), ...k.map((n) => clean(ago(n)))];
const complaintsOf = ({ c = [] }: ShopRecord) => c.map((n) => complaint(ago(n)));
const grade = (type: BusinessType, record: ShopRecord = {}, now = NOW) => gradeShop({ businessType: type }, observationsOf(record), complaintsOf(record), now);

/** `'?'`: the row does not pin nextFallOn (the grade rises before it falls, see the note at the row). */
type Fall = number | undefined | '?';
const expectFall = (actual: string | undefined, fall: Fall, from = NOW) => {
  if (fall === '?') return;
  expect(actual).toBe(fall === undefined ? undefined : addDays(from, fall));
};

describe('the constants the rules are written against', () => {
  it('are the window, thresholds and version the issue names', () => {
    expect(GRADE_WINDOW_DAYS).toBe(90);
    expect(VIOLATIONS_FOR_HIGH).toBe(3);
    expect(COMPLAINTS_TO_RAISE).toBe(3);
    expect(RECENT_CLEAN_DAYS).toBe(30);
    expect(SHOP_GRADES).toEqual(['low', 'medium', 'high']);
  });

  it('has a base grade and a word for every business type, food trades one step up', () => {
    expect(Object.keys(BUSINESS_TYPE_BASE_GRADE).sort()).toEqual([...BUSINESS_TYPES].sort());
    expect(Object.keys(BUSINESS_TYPE_WORDS).sort()).toEqual([...BUSINESS_TYPES].sort());
    expect(BUSINESS_TYPE_BASE_GRADE).toEqual({
      restaurant: 'medium',
      street_food: 'medium',
      grocery: 'low',
      repair: 'low',
      hairdresser: 'low',
      pharmacy: 'low',
      other: 'low',
    });
  });
});

describe('base grade: an empty record', () => {
  it.each(BUSINESS_TYPES.map((type) => [type, BUSINESS_TYPE_BASE_GRADE[type]] as const))('%s stays at its base grade %s, which never falls', (type, base) => {
    const result = grade(type);
    expect(result.grade).toBe(base);
    expect(result.nextFallOn).toBeUndefined();
    expect(result.rulesVersion).toBe(SHOP_GRADE_RULES_VERSION);
    expect(result.reasons[0]).toContain(BUSINESS_TYPE_WORDS[type]);
    expect(result.reasons[0]).toContain(SHOP_GRADE_WORDS[base]);
  });
});

describe('rule 1: one or two violations in the window raise one step', () => {
  it.each(BUSINESS_TYPES.flatMap((type) => [1, 2].map((count) => [type, count] as const)))('%s with %i violation(s) is one step above its base', (type, count) => {
    const v = [10, 20].slice(0, count);
    const result = grade(type, { v });
    expect(result.grade).toBe(stepUp(BUSINESS_TYPE_BASE_GRADE[type]));
    // The last one to count is 10 days old: it stops counting 80 days from now.
    expect(result.nextFallOn).toBe(inDays(80));
  });

  it.each<[string, BusinessType, number[], ShopGrade, Fall]>([
    // [why, type, violations (days before now), grade, nextFallOn (days after now)]
    ['low, a violation 10 days ago', LOW, [10], 'medium', 80],
    ['medium, a violation 10 days ago', MEDIUM, [10], 'high', 80],
    ['low, a violation today counts (T − D = 0)', LOW, [0], 'medium', 90],
    ['low, a violation 89 days ago still counts', LOW, [89], 'medium', 1],
    ['low, a violation 90 days ago no longer counts', LOW, [90], 'low', undefined],
    ['medium, a violation 89 days ago still counts', MEDIUM, [89], 'high', 1],
    ['medium, a violation 90 days ago no longer counts', MEDIUM, [90], 'medium', undefined],
    ['low, two violations: the earlier expiry (in 70 days) leaves one, the grade falls in 80', LOW, [10, 20], 'medium', 80],
    ['medium, two violations 89 and 88 days ago', MEDIUM, [89, 88], 'high', 2],
    ['low, two violations, one of them 90 days ago', LOW, [90, 10], 'medium', 80],
    ['low, three violations never within one window count as at most two', LOW, [10, 20, 200], 'medium', 80],
    ['low, only old violations', LOW, [90, 91, 200], 'low', undefined],
  ])('%s → %s', (_why, type, v, expected, fall) => {
    const result = grade(type, { v });
    expect(result.grade).toBe(expected);
    expectFall(result.nextFallOn, fall);
  });
});

describe('rule 2: COMPLAINTS_TO_RAISE or more linked complaints in the window raise one step', () => {
  it.each(BUSINESS_TYPES.flatMap((type) => [2, 3].map((count) => [type, count] as const)))('%s with %i complaint(s)', (type, count) => {
    const result = grade(type, { c: [10, 20, 30].slice(0, count) });
    const base = BUSINESS_TYPE_BASE_GRADE[type];
    expect(result.grade).toBe(count >= COMPLAINTS_TO_RAISE ? stepUp(base) : base);
    expect(result.nextFallOn).toBe(count >= COMPLAINTS_TO_RAISE ? inDays(60) : undefined);
  });

  it.each<[string, BusinessType, ShopRecord, ShopGrade, Fall]>([
    ['low, two complaints do nothing', LOW, { c: [1, 2] }, 'low', undefined],
    ['medium, two complaints do nothing', MEDIUM, { c: [1, 2] }, 'medium', undefined],
    ['low, three complaints the same day', LOW, { c: [0, 0, 0] }, 'medium', 90],
    ['low, the third complaint 89 days ago still counts', LOW, { c: [1, 2, 89] }, 'medium', 1],
    ['low, the third complaint 90 days ago no longer counts', LOW, { c: [1, 2, 90] }, 'low', undefined],
    ['medium, the third complaint 89 days ago still counts', MEDIUM, { c: [1, 2, 89] }, 'high', 1],
    ['medium, the third complaint 90 days ago no longer counts', MEDIUM, { c: [1, 2, 90] }, 'medium', undefined],
    ['low, four complaints: the first expiry (in 10 days) leaves three, the grade falls in 20', LOW, { c: [50, 60, 70, 80] }, 'medium', 20],
    ['low, one violation and three complaints raise two steps', LOW, { v: [10], c: [5, 6, 7] }, 'high', 80],
    ['medium, one violation and three complaints: high, and high again when the violation expires; falls when the complaints do', MEDIUM, { v: [10], c: [5, 6, 7] }, 'high', 83],
  ])('%s → %s', (_why, type, record, expected, fall) => {
    const result = grade(type, record);
    expect(result.grade).toBe(expected);
    expectFall(result.nextFallOn, fall);
  });
});

describe('rule 3: a clean inspection within RECENT_CLEAN_DAYS, with no violation on or after its day, lowers one step', () => {
  it.each(BUSINESS_TYPES.map((type) => [type, BUSINESS_TYPE_BASE_GRADE[type]] as const))('%s (base %s) with a clean inspection 5 days ago', (type, base) => {
    const result = grade(type, { k: [5] });
    expect(result.grade).toBe(stepDown(base));
    // Nothing can fall: the clean inspection only ever holds the grade down.
    expect(result.nextFallOn).toBeUndefined();
  });

  it.each<[string, BusinessType, ShopRecord, ShopGrade, Fall]>([
    ['medium, clean today', MEDIUM, { k: [0] }, 'low', undefined],
    ['medium, clean 29 days ago still lowers', MEDIUM, { k: [29] }, 'low', undefined],
    ['medium, clean 30 days ago no longer lowers', MEDIUM, { k: [30] }, 'medium', undefined],
    ['low, clean: never below low', LOW, { k: [5] }, 'low', undefined],
    // Low → medium by the violation → low by the later clean inspection. The clean one stops counting in 20 days
    // (the grade rises to medium) and the violation in 70 (back to low): whether that is a "fall" is not pinned here.
    ['low, a violation then a clean inspection', LOW, { v: [20], k: [10] }, 'low', '?'],
    ['medium, a violation then a clean inspection', MEDIUM, { v: [20], k: [10] }, 'medium', '?'],
    ['low, a violation on the clean inspection’s day: not lowered', LOW, { v: [10], k: [10] }, 'medium', 80],
    ['low, a violation after the clean inspection: not lowered', LOW, { v: [10], k: [20] }, 'medium', 80],
    ['medium, a violation after the clean inspection: not lowered', MEDIUM, { v: [10], k: [20] }, 'high', 80],
    ['low, clean, violation, clean again: the later clean inspection lowers', LOW, { k: [20, 10], v: [15] }, 'low', '?'],
    ['medium, a violation long ago then a clean inspection', MEDIUM, { v: [100], k: [10] }, 'low', undefined],
    // Rules applied in order: medium → high (violation) → high (complaints, nothing above high) → medium (clean).
    ['medium, violation, three complaints and a later clean inspection, applied in order', MEDIUM, { v: [20], c: [1, 2, 3], k: [10] }, 'medium', '?'],
    ['low, three complaints and a clean inspection', LOW, { c: [1, 2, 3], k: [5] }, 'low', '?'],
  ])('%s → %s', (_why, type, record, expected, fall) => {
    const result = grade(type, record);
    expect(result.grade).toBe(expected);
    expectFall(result.nextFallOn, fall);
  });
});

describe('rule 4: VIOLATIONS_FOR_HIGH or more violations in the window make any shop high', () => {
  it.each(BUSINESS_TYPES)('%s with three violations in the window is high', (type) => {
    const result = grade(type, { v: [20, 10, 0] });
    expect(result.grade).toBe('high');
    expect(result.reasons.some((reason) => reason.includes('违规') && reason.includes('3'))).toBe(true);
  });

  it.each(BUSINESS_TYPES)('%s stays high with a clean inspection after three violations and no complaints', (type) => {
    const result = grade(type, { v: [30, 25, 20], k: [5], c: [] });
    expect(result.grade).toBe('high');
  });

  it('counts three violations on the same day', () => {
    const result = grade(LOW, { v: [5, 5, 5] });
    expect(result.grade).toBe('high');
    expect(result.nextFallOn).toBe(inDays(85));
  });

  // A timeline: violations on S + d, graded on S + t; nextFallOn as days after S.
  const S = '2026-01-05';
  const at = (n: number) => addDays(S, n);
  const gradeOn = (type: BusinessType, v: number[], c: number[], t: number, k: number[] = []) =>
    gradeShop({ businessType: type }, [...v.map((d) => violation(at(d))), ...k.map((d) => clean(at(d)))], c.map((d) => complaint(at(d))), at(t));

  it.each<[string, BusinessType, number[], number, ShopGrade]>([
    ['the day before the third violation: two count', LOW, [0, 10], 19, 'medium'],
    ['the day of the third violation', LOW, [0, 10, 20], 20, 'high'],
    ['day 89 after the first violation: all three count', LOW, [0, 10, 20], 89, 'high'],
    ['the third on day 89 of the first: three at once', LOW, [0, 80, 89], 89, 'high'],
    ['the third on day 90 of the first: never three at once', LOW, [0, 80, 90], 90, 'medium'],
  ])('becomes high with three in one window: %s → %s', (_why, type, v, t, expected) => {
    expect(gradeOn(type, v, [], t).grade).toBe(expected);
  });

  it.each<[string, BusinessType, number[], number[], number, ShopGrade, number | undefined]>([
    // [why, type, violations (days after S), complaints (days after S), graded on (days after S), grade, nextFallOn (days after S)]
    ['the day before the third violation', LOW, [0, 10], [], 19, 'medium', 100],
    ['day 110: 90 days without a violation, back to the base grade', LOW, [0, 10, 20], [], 110, 'low', undefined],
    ['medium base, day 110: back to medium', MEDIUM, [0, 10, 20], [], 110, 'medium', undefined],
    ['three violations never in one window are not the fixed point', LOW, [0, 50, 100], [], 100, 'medium', 190],
    ['the first stopped counting the day the third came: never three at once', LOW, [0, 80, 90], [], 95, 'medium', 180],
    ['high by violations, then held high by complaints: falls when the complaints expire', MEDIUM, [0, 10, 20], [50, 51, 52], 52, 'high', 140],
    ['held high by complaints after the fixed point ends', MEDIUM, [0, 10, 20], [50, 51, 52], 110, 'high', 140],
    ['a violation the day after the fixed point ended on day 110: one violation raises one step', LOW, [0, 10, 20, 111], [], 111, 'medium', 201],
  ])('%s → %s', (_why, type, v, c, t, expected, fall) => {
    const result = gradeOn(type, v, c, t);
    expect(result.grade).toBe(expected);
    expect(result.nextFallOn).toBe(fall === undefined ? undefined : at(fall));
  });

  /**
   * "… make any shop high, whatever else holds, until the window passes without one" (doc comment, rule 4);
   * "Fixed point: three or more violations within 90 days make any shop high, until 90 days pass without one"
   * (issue). Once high by rule 4, the shop stays high while any violation still counts, even after fewer than
   * three are left in the window; it falls on the first day no violation counts (the last violation + 90).
   */
  it.each<[string, BusinessType, number[], number, ShopGrade, number | undefined]>([
    ['the day of the third violation: falls 90 days after the last one', LOW, [0, 10, 20], 20, 'high', 110],
    ['day 89 after the first violation', LOW, [0, 10, 20], 89, 'high', 110],
    ['day 90: the first violation stopped counting, but the window has not passed without one', LOW, [0, 10, 20], 90, 'high', 110],
    ['day 100: one violation left in the window', LOW, [0, 10, 20], 100, 'high', 110],
    ['day 109: the last violation still counts', LOW, [0, 10, 20], 109, 'high', 110],
    ['the third on day 89 of the first', LOW, [0, 80, 89], 89, 'high', 179],
    ['the first violation has stopped counting, but it made the shop high while it counted', LOW, [0, 80, 89], 95, 'high', 179],
    ['a fourth violation 80 days after the third keeps it high', LOW, [0, 10, 20, 100], 150, 'high', 190],
    ['… until 90 days after the fourth', LOW, [0, 10, 20, 100], 190, 'low', undefined],
    ['a violation on the very day the third stops counting: never a day without one', LOW, [0, 10, 20, 110], 110, 'high', 200],
  ])('fixed point: %s → %s', (_why, type, v, t, expected, fall) => {
    const result = gradeOn(type, v, [], t);
    expect(result.grade).toBe(expected);
    expect(result.nextFallOn).toBe(fall === undefined ? undefined : at(fall));
  });

  it('a clean inspection after the fixed point has ended lowers again', () => {
    const result = gradeOn(MEDIUM, [0, 10, 20], [], 115, [112]);
    expect(result.grade).toBe('low');
    expect(result.nextFallOn).toBeUndefined();
  });

  it('a shop high by rule 4 is not high on the day it falls, and is the day before', () => {
    const v = [0, 10, 20];
    const fall = gradeOn(LOW, v, [], 20).nextFallOn!;
    expect(gradeShop({ businessType: LOW }, v.map((d) => violation(at(d))), [], addDays(fall, -1)).grade).toBe('high');
    expect(gradeShop({ businessType: LOW }, v.map((d) => violation(at(d))), [], fall).grade).not.toBe('high');
  });
});

describe('records dated after now are not counted', () => {
  it.each<[string, BusinessType, ShopRecord, ShopGrade, Fall]>([
    ['three violations tomorrow and later', LOW, { v: [-1, -2, -3] }, 'low', undefined],
    ['two past violations and one tomorrow: not high', LOW, { v: [10, 20, -1] }, 'medium', 80],
    ['two past complaints and one tomorrow: not raised', LOW, { c: [1, 2, -1] }, 'low', undefined],
    ['a clean inspection tomorrow: not lowered', MEDIUM, { k: [-1] }, 'medium', undefined],
    ['a violation tomorrow does not undo a clean inspection', MEDIUM, { k: [5], v: [-1] }, 'low', undefined],
  ])('%s → %s', (_why, type, record, expected, fall) => {
    const result = grade(type, record);
    expect(result.grade).toBe(expected);
    expectFall(result.nextFallOn, fall);
  });
});

describe('nextFallOn', () => {
  it.each<[string, BusinessType, ShopRecord]>([
    ['a violation', LOW, { v: [10] }],
    ['two violations', MEDIUM, { v: [10, 20] }],
    ['three complaints', LOW, { c: [10, 20, 30] }],
    ['four complaints', LOW, { c: [50, 60, 70, 80] }],
    ['a violation and complaints', MEDIUM, { v: [10], c: [5, 6, 7] }],
    ['three violations', LOW, { v: [0, 10, 20] }],
    ['three violations and complaints', MEDIUM, { v: [0, 10, 20], c: [1, 2, 3] }],
  ])('names the first day the grade is lower, %s', (_why, type, record) => {
    const today = grade(type, record);
    expect(today.nextFallOn).toBeDefined();
    const fall = today.nextFallOn!;
    expect(fall > NOW).toBe(true);
    const observations = observationsOf(record);
    const complaints = complaintsOf(record);
    // Every day up to the fall the grade holds; on the fall day it is lower.
    for (let day = inDays(1); day < fall; day = addDays(day, 1)) {
      expect(gradeShop({ businessType: type }, observations, complaints, day).grade).toBe(today.grade);
    }
    expect(rank(gradeShop({ businessType: type }, observations, complaints, fall).grade)).toBeLessThan(rank(today.grade));
  });

  it('is undefined when nothing can fall', () => {
    expect(grade(LOW).nextFallOn).toBeUndefined();
    expect(grade(MEDIUM).nextFallOn).toBeUndefined();
    expect(grade(MEDIUM, { k: [3] }).nextFallOn).toBeUndefined();
    expect(grade(LOW, { v: [90], c: [95, 100, 120] }).nextFallOn).toBeUndefined();
  });
});

describe('reasons and version', () => {
  const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

  it.each<[string, BusinessType, ShopRecord]>([
    ['base only', LOW, {}],
    ['violations', MEDIUM, { v: [10, 20] }],
    ['complaints', LOW, { c: [1, 2, 3] }],
    ['clean inspection', MEDIUM, { k: [5] }],
    ['rule 4', LOW, { v: [0, 1, 2], c: [1, 2, 3], k: [0] }],
  ])('are Chinese words with the base grade first, and carry the rules version: %s', (_why, type, record) => {
    const result = grade(type, record);
    expect(result.rulesVersion).toBe(SHOP_GRADE_RULES_VERSION);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.reasons[0]).toContain(BUSINESS_TYPE_WORDS[type]);
    for (const reason of result.reasons) {
      expect(hasChinese(reason)).toBe(true);
      expect(reason).not.toMatch(/\b(restaurant|grocery|violation|complaint|high|medium|low|ok)\b/);
    }
  });

  it('names the violation count', () => {
    const reasons = grade(MEDIUM, { v: [10, 20] }).reasons;
    expect(reasons.some((reason) => reason.includes('违规') && reason.includes('2'))).toBe(true);
  });

  it('names the complaint count', () => {
    const reasons = grade(LOW, { c: [1, 2, 3, 4] }).reasons;
    expect(reasons.some((reason) => reason.includes('投诉') && reason.includes('4'))).toBe(true);
  });

  it('gives a reason beyond the base grade when a clean inspection lowers it', () => {
    const reasons = grade(MEDIUM, { k: [5] }).reasons;
    expect(reasons.length).toBeGreaterThan(1);
    expect(reasons.slice(1).some((reason) => reason.includes('巡查'))).toBe(true);
  });

  it('gives only the base reason for an empty record', () => {
    expect(grade(LOW).reasons).toHaveLength(1);
  });
});

describe('purity', () => {
  const observations = [violation(ago(40)), clean(ago(5)), violation(ago(10)), violation(ago(70)), clean(ago(50))];
  const complaints = [complaint(ago(3)), complaint(ago(30)), complaint(ago(1))];

  it('gives the same output for the same inputs', () => {
    const first = gradeShop({ businessType: MEDIUM }, observations, complaints, NOW);
    const second = gradeShop({ businessType: MEDIUM }, observations, complaints, NOW);
    expect(second).toEqual(first);
    expect(first.grade).toBe('high');
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify([observations, complaints]);
    const frozenObservations = Object.freeze(observations.map((o) => Object.freeze({ ...o })));
    const frozenComplaints = Object.freeze(complaints.map((c) => Object.freeze({ ...c })));
    const shop = Object.freeze({ businessType: MEDIUM });
    expect(() => gradeShop(shop, frozenObservations as GradeObservation[], frozenComplaints as GradeComplaint[], NOW)).not.toThrow();
    gradeShop({ businessType: MEDIUM }, observations, complaints, NOW);
    expect(JSON.stringify([observations, complaints])).toBe(before);
  });

  it('does not depend on the order of the records', () => {
    const forwards = gradeShop({ businessType: LOW }, observations, complaints, NOW);
    const backwards = gradeShop({ businessType: LOW }, [...observations].reverse(), [...complaints].reverse(), NOW);
    expect(backwards).toEqual(forwards);
  });
});
