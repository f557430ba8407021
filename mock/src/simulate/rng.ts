import { mulberry32 } from '@sqtb/shared';
/**
 * A tiny seeded PRNG (mulberry32) and the few draws the planner needs. The
 * month must come out the same for the same seed on every machine, so nothing
 * here touches Math.random or the real clock.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One key of `weights`, drawn in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** An independent stream for one part of the plan, so adding draws in one part leaves the others unchanged. */
  fork(label: string): Rng;
}

/** FNV-1a over a label: turns (seed, label) into a fork's seed. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as Array<[never, number]>;
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let draw = next() * total;
      for (const [key, w] of entries) {
        draw -= w;
        if (draw < 0) return key;
      }
      return entries[entries.length - 1][0];
    },
    fork: (label) => createRng((fnv1a(label) ^ Math.imul(seed, 0x9e3779b1)) >>> 0),
  };
  return rng;
}
