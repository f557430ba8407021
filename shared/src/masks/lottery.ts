import { mulberry32 } from '../core/random';

/**
 * The lottery draw, reproducible by anyone: sort the applications by id, then
 * shuffle them with a PRNG seeded by the published seed (Fisher–Yates over
 * mulberry32, both public algorithms). The first ones, up to the stock, win.
 */

/** A 32-bit number from the seed text (FNV-1a), so seeds can be any published string. */
function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

export function drawOrder(applicationIds: readonly string[], seed: string): string[] {
  const order = [...applicationIds].sort();
  const random = mulberry32(seedNumber(seed));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
