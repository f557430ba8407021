import { drawOrder } from './lottery';

describe('the lottery draw', () => {
  const ids = Array.from({ length: 50 }, (_, i) => `app-${String(i).padStart(3, '0')}`);

  it('gives the same order for the same seed, whatever order the applications came in', () => {
    expect(drawOrder([...ids].reverse(), 'seed-2020-02-05')).toEqual(drawOrder(ids, 'seed-2020-02-05'));
  });

  it('gives a different order for another seed, and keeps every application exactly once', () => {
    const a = drawOrder(ids, 'seed-a');
    const b = drawOrder(ids, 'seed-b');
    expect(a).not.toEqual(b);
    expect([...a].sort()).toEqual(ids);
  });

  it('does not leave the sorted order mostly in place', () => {
    const order = drawOrder(ids, 'seed-a');
    expect(order.filter((id, i) => id === ids[i]).length).toBeLessThan(10);
  });
});
