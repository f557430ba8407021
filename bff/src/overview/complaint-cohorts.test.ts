import fc from 'fast-check';
import { HOUR_MS } from '../core/clock';
import { median } from '../core/stats';
import { medianHours } from './complaint-cohorts';

describe('medians read from a histogram of exact durations', () => {
  it('equal the median of the durations themselves, whatever they are and however many repeat', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 400 * HOUR_MS }), fc.constantFrom(3 * HOUR_MS, 30 * HOUR_MS)), { maxLength: 60 }), (durations) => {
        const histogram = new Map<number, number>();
        for (const ms of durations) histogram.set(ms, (histogram.get(ms) ?? 0) + 1);
        expect(medianHours(histogram)).toBe(median(durations.map((ms) => ms / HOUR_MS)));
      }),
      { numRuns: 500 },
    );
  });
});
