import type { OrgResponse } from '@sqtb/shared';
import { referenceCache } from '../core/reference-cache';
import { Committee, Enterprise, Pharmacy, Street, Unit } from './org.model';

/**
 * The pharmacies (id, name, address, location), kept in memory (core/reference-cache.ts):
 * the mask rush orders them by distance and names them in its answers without reading
 * them. Whatever writes pharmacies calls `pharmacyCache.invalidate()`.
 */
export const pharmacyCache = referenceCache('org.pharmacies', () => Pharmacy.find({}, { name: 1, address: 1, location: 1 }).lean());

const id = (value: unknown) => String(value);

/**
 * The district's reference data, shaped for pickers and maps, kept in memory
 * like the pharmacies: every view, every complaint filed (which committee's
 * area holds it) and every shop registered reads it. Only the seed writes it;
 * a change made any other way (by hand in the database) needs
 * `orgCache.invalidate()`, or a restart, before the BFF answers with it.
 * Frozen, since every request shares the one object.
 */
export const orgCache = referenceCache('org', async () => deepFreeze(await loadOrg()));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The district's reference data (from memory; see `orgCache`). Shared: callers must not change it. */
export function getOrg(): Promise<OrgResponse> {
  return orgCache.get();
}

async function loadOrg(): Promise<OrgResponse> {
  const [streets, committees, units, pharmacies, enterprises] = await Promise.all([
    Street.find().sort({ code: 1 }).lean(),
    Committee.find().sort({ code: 1 }).lean(),
    Unit.find().sort({ code: 1 }).lean(),
    Pharmacy.find().sort({ code: 1 }).lean(),
    Enterprise.find().sort({ code: 1 }).lean(),
  ]);
  const place = (p: (typeof pharmacies)[number]) => ({
    id: id(p._id),
    code: p.code,
    name: p.name,
    address: p.address,
    location: { lat: p.location!.lat, lng: p.location!.lng },
    ...(p.committeeId ? { committeeId: id(p.committeeId) } : {}),
  });
  return {
    streets: streets.map((s) => ({ id: id(s._id), code: s.code, name: s.name })),
    committees: committees.map((c) => ({
      id: id(c._id),
      code: c.code,
      name: c.name,
      streetId: id(c.streetId),
      area: { center: { lat: c.area!.center!.lat, lng: c.area!.center!.lng }, radiusMeters: c.area!.radiusMeters },
    })),
    units: units.map((u) => ({ id: id(u._id), code: u.code, name: u.name, categories: u.categories })),
    pharmacies: pharmacies.map(place),
    enterprises: enterprises.map(place),
  };
}
