import { compareFigures } from './compare';
import { median, rate } from './expected/stats';
import { planMonth } from './plan';
import { createRng } from './rng';

describe('the simulator\'s pure parts', () => {
  it('draws the same numbers from the same seed, and its forks are independent of each other', () => {
    const draws = (seed: number) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
    const rng = createRng(42);
    expect(Array.from({ length: 3 }, rng.fork('a').next)).toEqual(Array.from({ length: 3 }, createRng(42).fork('a').next));
    expect(rng.fork('a').next()).not.toBe(rng.fork('b').next());
  });

  it('rounds as the contract says: rates to 4 places, the median of an even count the mean of the middle two', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(1, 0)).toBeNull();
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1 / 3])).toBe(0.33);
    expect(median([])).toBeNull();
  });

  it('names the row and the week of a figure that differs, and notices rows out of order', () => {
    const row = (id: string, name: string, received: number) => ({ committeeId: id, committeeName: name, weeks: [{ received }, { received }] });
    const expected = { rows: [row('a', '甲', 1), row('b', '乙', 2)] };
    expect(compareFigures(expected, { rows: [row('a', '甲', 1), row('b', '乙', 2)] }, 'x', ['2026-03-02', '2026-03-09'])).toEqual([]);
    const found = compareFigures(expected, { rows: [row('b', '乙', 2), { ...row('a', '甲', 1), weeks: [{ received: 1 }, { received: 5 }] }] }, 'x', ['2026-03-02', '2026-03-09']);
    expect(found.map((m) => m.path)).toEqual(['x.rows[甲].weeks[week 2026-03-09].received', 'x.rows (order)']);
  });

  it('plans a week without a server: every event inside the month, in time order, the same every time', () => {
    const plan = planMonth({ seed: 9, days: 7, start: '2026-03-02' });
    expect(plan.events.length).toBeGreaterThan(200);
    expect(plan.events.every((e, i) => i === 0 || Date.parse(e.at) >= Date.parse(plan.events[i - 1].at))).toBe(true);
    expect(plan.events.every((e) => Date.parse(e.at) <= Date.parse(plan.end))).toBe(true);
    expect(planMonth({ seed: 9, days: 7, start: '2026-03-02' })).toEqual(plan);
  });
});
