import { BUSINESS_TYPES, distanceMeters, gradeShop, isInsideArea, LICENCE_NUMBER_PATTERN, addDays } from '@sqtb/shared';
import { COMMITTEES, UNITS } from './district';
import { SHOPS, SHOP_INSPECTIONS } from './shops';

describe('the demo street shops', () => {
  it('has at least 30 shops over the four committees, every business type among them', () => {
    expect(SHOPS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(SHOPS.map((s) => s.committeeCode))).toEqual(new Set(COMMITTEES.map((c) => c.code)));
    expect(new Set(SHOPS.map((s) => s.businessType))).toEqual(new Set(BUSINESS_TYPES));
    expect(new Set(SHOPS.map((s) => s.code)).size).toBe(SHOPS.length);
  });

  it('places each shop inside the committee it names, more than 30 m from any other', () => {
    for (const shop of SHOPS) {
      expect(isInsideArea(shop.location, COMMITTEES.find((c) => c.code === shop.committeeCode)!.area)).toBe(true);
      for (const other of SHOPS) if (other !== shop) expect(distanceMeters(shop.location, other.location)).toBeGreaterThan(30);
      if (shop.licenceNumber) expect(shop.licenceNumber).toMatch(LICENCE_NUMBER_PATTERN);
    }
  });

  it('grades S01 (the journey’s shop) low and several others low, medium and high from the seeded inspections', () => {
    const today = '2026-03-10';
    const gradeOf = (code: string) => {
      const shop = SHOPS.find((s) => s.code === code)!;
      const observations = SHOP_INSPECTIONS.filter((i) => i.shopCode === code).map((i) => ({ date: addDays(today, -i.daysAgo), outcome: i.outcome }));
      return gradeShop(shop, observations, [], today).grade;
    };
    const grades = SHOPS.map((s) => gradeOf(s.code));
    expect(gradeOf('S01')).toBe('low');
    expect(['S02', 'S09', 'S18', 'S25'].map(gradeOf)).toEqual(['low', 'low', 'low', 'low']);
    expect(gradeOf('S03')).toBe('high');
    expect(grades.filter((g) => g === 'medium').length).toBeGreaterThan(0);
    for (const i of SHOP_INSPECTIONS) {
      expect(SHOPS.map((s) => s.code)).toContain(i.shopCode);
      expect(UNITS.map((u) => u.code)).toContain(i.unitCode);
    }
  });
});
