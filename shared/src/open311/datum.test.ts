import { distanceMeters } from '../core/geo';
import { gcj02ToWgs84, outsideChina, wgs84ToGcj02 } from './datum';

/** Published reference pairs (WGS-84 → GCJ-02) that every implementation of the formula is checked against. */
const REFERENCE = [
  { place: 'Shanghai', wgs: { lat: 31.1774276, lng: 121.5272106 }, gcj: { lat: 31.17530398364597, lng: 121.531541859215 } },
  { place: 'Shenzhen', wgs: { lat: 22.543847, lng: 113.912316 }, gcj: { lat: 22.540796131694766, lng: 113.9171764808363 } },
  { place: 'Beijing', wgs: { lat: 39.911954, lng: 116.377817 }, gcj: { lat: 39.91334545536069, lng: 116.38404722455657 } },
];

describe('WGS-84 ↔ GCJ-02 at the Open311 boundary', () => {
  it.each(REFERENCE)('moves a GPS point in $place to its published GCJ-02 position', ({ wgs, gcj }) => {
    const moved = wgs84ToGcj02(wgs);
    expect(moved.lat).toBeCloseTo(gcj.lat, 9);
    expect(moved.lng).toBeCloseTo(gcj.lng, 9);
  });

  it.each(REFERENCE)('finds the GPS point back from the GCJ-02 position in $place, within a millimetre', ({ wgs, gcj }) => {
    expect(distanceMeters(gcj02ToWgs84(gcj), wgs)).toBeLessThan(0.001);
  });

  it('shifts a point in Pudong by the few hundred metres a map of China is off', () => {
    const weifang = { lat: 31.2291, lng: 121.5231 };
    const shift = distanceMeters(weifang, wgs84ToGcj02(weifang));
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
  });

  it('round-trips points across the district to six decimals', () => {
    for (let lat = 31.18; lat <= 31.26; lat += 0.01) {
      for (let lng = 121.48; lng <= 121.56; lng += 0.01) {
        const back = gcj02ToWgs84(wgs84ToGcj02({ lat, lng }));
        expect(back.lat.toFixed(6)).toBe(lat.toFixed(6));
        expect(back.lng.toFixed(6)).toBe(lng.toFixed(6));
      }
    }
  });

  it('leaves points outside China as they are, both ways', () => {
    const london = { lat: 51.5007, lng: -0.1246 };
    expect(outsideChina(london)).toBe(true);
    expect(wgs84ToGcj02(london)).toEqual(london);
    expect(gcj02ToWgs84(london)).toEqual(london);
  });
});
