/**
 * Reference data kept in the BFF process: org, units, pharmacies, categories,
 * risk regions, the open round. They change rarely and are read on almost
 * every request, so each instance keeps them in memory and asks the database
 * whether they changed at most once a second (one small read of a version
 * document, shared by every request in that second). A writer calls
 * `invalidate()` after its change: the version goes up and every instance
 * loads afresh at its next check. On a replica set a change stream could push
 * the same signal; the version read works on any MongoDB.
 */
import { isDuplicateKey } from '../db/duplicate-key';
import { ReferenceVersion } from './reference-version.model';

export interface ReferenceCache<T> {
  /** The data, loaded afresh only when its version moved (or on first use). */
  get(): Promise<T>;
  /** Call after changing the data: every instance loads it again within `checkEveryMs`. */
  invalidate(): Promise<void>;
}

interface Held<T> {
  value: T;
  version: number;
  checkedAt: number;
}

/** Every cache made in this process, for `invalidateAllReferenceCaches`. */
const everyCache = new Set<ReferenceCache<unknown>>();

/** After the data was replaced wholesale (the simulator's reset): every kind loads afresh, on every instance. */
export async function invalidateAllReferenceCaches(): Promise<void> {
  for (const cache of everyCache) await cache.invalidate();
}

export function referenceCache<T>(name: string, load: () => Promise<T>, options: { checkEveryMs?: number; now?: () => number } = {}): ReferenceCache<T> {
  const checkEveryMs = options.checkEveryMs ?? 1000;
  const now = options.now ?? Date.now;
  let held: Held<T> | undefined;
  // One check at a time: requests arriving during a check wait for its answer.
  let checking: Promise<T> | undefined;
  // Bumped by invalidate(): a load that began before it must not be kept.
  let generation = 0;

  const versionNow = async () => (await ReferenceVersion.findOne({ name }, { version: 1 }).lean())?.version ?? 0;
  const bump = () => ReferenceVersion.updateOne({ name }, { $inc: { version: 1 } }, { upsert: true });

  const refresh = async (): Promise<T> => {
    const startedIn = generation;
    // The version is read before the data: a change landing in between moves it again, so the next check reloads.
    const version = await versionNow();
    if (held && held.version === version) {
      held.checkedAt = now();
      return held.value;
    }
    const value = await load();
    if (startedIn === generation) held = { value, version, checkedAt: now() };
    return value;
  };

  const cache: ReferenceCache<T> = {
    async get() {
      if (held && now() - held.checkedAt < checkEveryMs) return held.value;
      checking ??= refresh().finally(() => {
        checking = undefined;
      });
      return checking;
    },
    async invalidate() {
      generation += 1;
      held = undefined;
      checking = undefined;
      // Two first-ever bumps at once: the unique name refuses one insert, and its retry finds the document.
      await bump().catch((err) => (isDuplicateKey(err) ? bump() : Promise.reject(err)));
    },
  };
  everyCache.add(cache);
  return cache;
}
