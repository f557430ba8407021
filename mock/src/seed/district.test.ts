import { distanceMeters, idNumberProblem, isInsideArea } from '@sqtb/shared';
import { ACCOUNTS, COMMITTEES, ENTERPRISES, PHARMACIES, STREETS, UNITS } from './district';

describe('the demo district', () => {
  it('has the shape the product card asks for', () => {
    expect(STREETS).toHaveLength(2);
    expect(COMMITTEES).toHaveLength(4);
    expect(UNITS).toHaveLength(3);
    expect(PHARMACIES).toHaveLength(6);
  });

  it('keeps committee areas apart so every point belongs to at most one committee', () => {
    for (const a of COMMITTEES)
      for (const b of COMMITTEES)
        if (a !== b) expect(distanceMeters(a.area.center, b.area.center)).toBeGreaterThan(a.area.radiusMeters + b.area.radiusMeters);
  });

  it('places each pharmacy and enterprise inside the committee it names', () => {
    for (const place of [...PHARMACIES, ...ENTERPRISES].filter((p) => p.committeeCode)) {
      const committee = COMMITTEES.find((c) => c.code === place.committeeCode)!;
      expect(isInsideArea(place.location, committee.area)).toBe(true);
    }
  });

  it('seeds every account the issues name, each pointing at existing reference data', () => {
    const openids = ACCOUNTS.map((a) => a.openid);
    // The accounts the issues name come first; the simulated month adds a cadre per committee, a handler per unit and so on.
    expect(openids.slice(0, 9)).toEqual(
      ['resident-1', 'resident-2', 'resident-3', 'cadre-1', 'cadre-2', 'handler-1', 'district-1', 'pharmacy-1', 'enterprise-1'],
    );
    expect(new Set(openids).size).toBe(openids.length);
    for (const a of ACCOUNTS) {
      if (a.committeeCode) expect(COMMITTEES.map((c) => c.code)).toContain(a.committeeCode);
      if (a.unitCode) expect(UNITS.map((u) => u.code)).toContain(a.unitCode);
      if (a.pharmacyCode) expect(PHARMACIES.map((p) => p.code)).toContain(a.pharmacyCode);
      if (a.enterpriseCode) expect(ENTERPRISES.map((e) => e.code)).toContain(a.enterpriseCode);
    }
  });
});

describe('seeded residents on record', () => {
  it('have valid ID numbers', () => {
    const residents = ACCOUNTS.filter((a) => a.identity);
    expect(residents.map((a) => a.openid)).toEqual(['resident-1', 'resident-2', 'resident-3']);
    for (const a of residents) expect(idNumberProblem(a.identity!.idNumber)).toBeUndefined();
  });
});
