import { distanceMeters, isInsideArea } from './geo';

describe('distanceMeters', () => {
  it('is zero for the same point', () => {
    expect(distanceMeters({ lat: 31.23, lng: 121.5 }, { lat: 31.23, lng: 121.5 })).toBe(0);
  });

  it('measures one thousandth of a degree of latitude as about 111 m', () => {
    const d = distanceMeters({ lat: 31.23, lng: 121.5 }, { lat: 31.231, lng: 121.5 });
    expect(d).toBeGreaterThan(110);
    expect(d).toBeLessThan(112);
  });

  it('is symmetric', () => {
    const a = { lat: 31.22, lng: 121.54 };
    const b = { lat: 31.24, lng: 121.5 };
    expect(distanceMeters(a, b)).toBeCloseTo(distanceMeters(b, a), 6);
  });
});

describe('isInsideArea', () => {
  const area = { center: { lat: 31.23, lng: 121.5 }, radiusMeters: 500 };
  it('holds a point 400 m from the centre', () => {
    expect(isInsideArea({ lat: 31.2336, lng: 121.5 }, area)).toBe(true);
  });
  it('leaves out a point 600 m from the centre', () => {
    expect(isInsideArea({ lat: 31.2354, lng: 121.5 }, area)).toBe(false);
  });
});
