import type { OrgResponse } from '@sqtb/shared';
import { ACTIONS, type DriverState } from './actions';
import { newPlacesState } from './actions-places';
import type { ApiClient } from './http';
import type { Ledger, LedgerEntry, OrgRef } from './ledger';
import type { MonthPlan } from './plan';
import { DISTRICT } from './plan-context';
import { fetchAllShops } from './read-shops';
import { SEED_SHOPS } from './shop-places';

/**
 * Performs the plan against a running BFF, in order: resets the district at
 * the month's start, moves the simulated clock forward to each event, sends
 * its one request and writes down what came back. Refusals are recorded, not
 * thrown: the replay (expected/) decides whether each was right.
 */
export async function drive(api: ApiClient, plan: MonthPlan, progress?: (done: number, total: number) => void): Promise<Ledger> {
  const startAt = new Date(`${plan.start}T00:00:00+08:00`).toISOString();
  const reset = await api.call(null, 'POST', '/api/simulation/reset', { now: startAt });
  if (!reset.ok) throw new Error(`the BFF refused to reset (is SIMULATED_CLOCK=true set?): ${reset.status} ${JSON.stringify(reset.body)}`);
  const org = await fetchOrg(api);
  const state: DriverState = { org, ids: await fetchSeedShopIds(api), pickupCodes: new Map(), reservationPharmacy: new Map(), places: newPlacesState(api.openidOf) };
  const entries: LedgerEntry[] = [];

  let clock = startAt;
  for (const [index, event] of plan.events.entries()) {
    if (event.at !== clock) {
      await setClock(api, event.at);
      clock = event.at;
    }
    const action = ACTIONS[event.kind];
    const request = action.request(event, state);
    if ('skip' in request) {
      entries.push({ ...event, outcome: { httpStatus: 0, ok: false, error: 'SKIPPED', result: { why: request.skip } } });
      continue;
    }
    const response = await api.call(request.actor === 'system' ? null : request.actor, request.method, request.path, request.body, request.headers);
    const result = response.ok ? action.keep?.(event, response, state) : undefined;
    const serverId = response.ok && typeof response.body?.id === 'string' ? response.body.id : undefined;
    entries.push({
      ...event,
      actor: request.actor,
      outcome: { httpStatus: response.status, ok: response.ok, ...(response.ok ? {} : { error: response.body?.error?.code ?? String(response.status) }), ...(result ? { result } : {}) },
      ...(serverId ? { serverId } : {}),
    });
    if (event.kind === 'jobs.run' && response.ok) await learnHotspotIds(api, state);
    progress?.(index + 1, plan.events.length);
  }
  await setClock(api, plan.end);
  return { meta: { seed: plan.seed, days: plan.days, start: plan.start, end: plan.end }, org, entries, ids: state.ids };
}

async function setClock(api: ApiClient, now: string): Promise<void> {
  const moved = await api.call(null, 'PUT', '/api/simulation/clock', { now });
  if (!moved.ok) throw new Error(`the simulated clock refused ${now}: ${moved.status} ${JSON.stringify(moved.body)}`);
}

/** Reference data by the seed's codes, from the public org endpoint. */
async function fetchOrg(api: ApiClient): Promise<OrgRef> {
  const response = await api.call(DISTRICT, 'GET', '/api/org');
  if (!response.ok) throw new Error(`GET /api/org failed: ${response.status}`);
  const o = response.body as OrgResponse;
  const streetCode = (id: string) => o.streets.find((s) => s.id === id)!.code;
  const committeeCode = (id?: string) => (id ? o.committees.find((c) => c.id === id)?.code : undefined);
  return {
    streets: Object.fromEntries(o.streets.map((s) => [s.code, { id: s.id, name: s.name }])),
    committees: Object.fromEntries(o.committees.map((c) => [c.code, { id: c.id, name: c.name, streetCode: streetCode(c.streetId), area: c.area }])),
    units: Object.fromEntries(o.units.map((u) => [u.code, { id: u.id, name: u.name, categories: u.categories }])),
    pharmacies: Object.fromEntries(o.pharmacies.map((p) => [p.code, { id: p.id, name: p.name, location: p.location, ...(committeeCode(p.committeeId) ? { committeeCode: committeeCode(p.committeeId) } : {}) }])),
    enterprises: Object.fromEntries(o.enterprises.map((e) => [e.code, { id: e.id, name: e.name, ...(committeeCode(e.committeeId) ? { committeeCode: committeeCode(e.committeeId) } : {}) }])),
  };
}

/** Hotspots are opened by a job, not a request: their ids come from the hotspot list, by cell. */
async function learnHotspotIds(api: ApiClient, state: DriverState): Promise<void> {
  const response = await api.call(DISTRICT, 'GET', '/api/hotspots');
  if (!response.ok) throw new Error(`GET /api/hotspots failed: ${response.status}`);
  for (const h of response.body.items as Array<{ id: string; cell: string; open: boolean }>) if (h.open) state.ids[`hotspot:${h.cell}`] ??= h.id;
}

/** The seeded shops' ids (`shop:S01`…), by their names: the shop list does not show the seed's codes. */
async function fetchSeedShopIds(api: ApiClient): Promise<Record<string, string>> {
  const byName = new Map((await fetchAllShops(api)).map((s) => [s.name, s.id]));
  return Object.fromEntries(SEED_SHOPS.filter((s) => byName.has(s.name)).map((s) => [`shop:${s.code}`, byName.get(s.name)!]));
}
