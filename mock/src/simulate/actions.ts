import type { ApiResponse } from './http';
import type { EventKind, OrgRef, PlannedEvent } from './ledger';
import { PLACE_ACTIONS, type PlacesDriverState } from './actions-places';
import { SHOP_ACTIONS, shopCodeOf } from './actions-shops';
import { PHARMACY_ACCOUNTS, PHARMACY_OF_RESERVATION } from './plan-context';

/**
 * How each planned event becomes one request to the public API, and what of
 * the answer goes into the ledger. Server ids are kept apart (the `ids` map),
 * local codes go into results, so results follow from the seed alone.
 */
export interface DriverState {
  org: OrgRef;
  /** Local key → server id. */
  ids: Record<string, string>;
  /** Pickup codes live only here: they are random, and only the resident holds them. */
  pickupCodes: Map<string, string>;
  /** The pharmacy (code) each reservation was given. */
  reservationPharmacy: Map<string, string>;
  /** Place codes read, visits made, candidates listed. */
  places: PlacesDriverState;
}

export interface Request {
  actor: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Action {
  /** The request, or why it cannot be made (what it acts on was never created). */
  request(event: PlannedEvent, state: DriverState): Request | { skip: string };
  /** What to keep from a successful answer; may record ids and pickup codes. */
  keep?(event: PlannedEvent, response: ApiResponse, state: DriverState): Record<string, unknown> | undefined;
}

const pharmacyCode = (state: DriverState, id: string | undefined) => Object.entries(state.org.pharmacies).find(([, p]) => p.id === id)?.[0];
const need = (state: DriverState, ref: string) => state.ids[ref];

/** A step on something created earlier: skipped when it never was. */
const onExisting =
  (make: (id: string, event: PlannedEvent, state: DriverState) => Omit<Request, 'actor'>) =>
  (event: PlannedEvent, state: DriverState): Request | { skip: string } => {
    const id = need(state, event.ref);
    return id ? { actor: event.actor, ...make(id, event, state) } : { skip: `${event.ref} was never created` };
  };

const complaintStep = (step: string, body: (e: PlannedEvent, s: DriverState) => unknown = () => ({})): Action => ({
  request: onExisting((id, e, s) => ({ method: 'POST', path: `/api/complaints/${id}/${step}`, body: body(e, s) })),
  keep: (_e, r) => ({ status: r.body.status, urgeCount: r.body.urgeCount, reopenCount: r.body.reopenCount }),
});

const reservationView = (event: PlannedEvent, response: ApiResponse, state: DriverState) => {
  const code = pharmacyCode(state, response.body.pharmacy?.id);
  if (response.body.pickupCode) state.pickupCodes.set(event.ref, response.body.pickupCode);
  if (code) state.reservationPharmacy.set(event.ref, code);
  return { status: response.body.status, reason: response.body.reason, pharmacy: code, pickupBy: response.body.pickupBy };
};

const filingBody = (data: Record<string, unknown>, state: DriverState) => {
  const { committee, ...rest } = data;
  return { ...rest, committeeId: state.org.committees[committee as string].id };
};

export const ACTIONS: Record<EventKind, Action> = {
  'jobs.run': {
    request: () => ({ actor: 'system', method: 'POST', path: '/api/simulation/jobs', body: {} }),
    keep: (_e, r) => Object.fromEntries((r.body.ran as Array<{ job: string; result: unknown }>).map((j) => [j.job, j.result])),
  },
  'complaint.submit': {
    request: (e, s) => {
      // A named shop goes by its id: skipped when the shop was never registered.
      const { shop, ...data } = e.data;
      if (shop && !s.ids[`shop:${shop}`]) return { skip: `shop ${shop} was never registered` };
      return { actor: e.actor, method: 'POST', path: '/api/complaints', body: { ...data, photoIds: [], ...(shop ? { shopId: s.ids[`shop:${shop}`] } : {}) } };
    },
    keep: (e, r, s) => {
      s.ids[e.ref] = r.body.id;
      return { status: r.body.status, ...(r.body.shop ? { shop: shopCodeOf(s, r.body.shop.id) } : {}) };
    },
  },
  'complaint.accept': complaintStep('accept'),
  'complaint.reject': complaintStep('reject', (e) => ({ reason: e.data.reason })),
  'complaint.dispatch': complaintStep('dispatch', (e, s) => ({ unitId: s.org.units[e.data.unit as string].id })),
  'complaint.resolve': complaintStep('resolve', (e) => ({ note: e.data.note })),
  'complaint.rate': complaintStep('rate', (e) => e.data),
  'complaint.urge': complaintStep('urge', (e) => e.data),
  'registration.submit': {
    request: (e, s) => {
      const { committee, ...rest } = e.data;
      return { actor: e.actor, method: 'POST', path: '/api/residents/registration', body: { ...rest, committeeId: s.org.committees[committee as string].id } };
    },
    keep: (e, r, s) => {
      s.ids[`registration:${e.ref}`] = r.body.id;
      return { status: r.body.status, reason: r.body.reason };
    },
  },
  'registration.approve': {
    request: (e, s) => (s.ids[`registration:${e.ref}`] ? { actor: e.actor, method: 'POST', path: `/api/residents/registrations/${s.ids[`registration:${e.ref}`]}/approve`, body: {} } : { skip: 'no registration' }),
    keep: (_e, r) => ({ status: r.body.status }),
  },
  'registration.reject': {
    request: (e, s) => (s.ids[`registration:${e.ref}`] ? { actor: e.actor, method: 'POST', path: `/api/residents/registrations/${s.ids[`registration:${e.ref}`]}/reject`, body: e.data } : { skip: 'no registration' }),
    keep: (_e, r) => ({ status: r.body.status }),
  },
  'round.open': {
    request: (e, s) => {
      const { stock, ...rest } = e.data as { stock: Record<string, number> };
      return { actor: e.actor, method: 'POST', path: '/api/mask-rounds', body: { ...rest, lottery: false, stock: Object.entries(stock).map(([code, quantity]) => ({ pharmacyId: s.org.pharmacies[code].id, quantity })) } };
    },
    keep: (e, r, s) => {
      s.ids[e.ref] = r.body.id;
      return { opensAt: r.body.opensAt, closesAt: r.body.closesAt };
    },
  },
  'reservation.submit': {
    request: (e, s) =>
      s.ids[e.data.round as string]
        ? { actor: e.actor, method: 'POST', path: '/api/mask-reservations', body: { roundId: s.ids[e.data.round as string] }, headers: { 'Idempotency-Key': `sim-${e.ref}` } }
        : { skip: 'the round was never opened' },
    keep: (e, r, s) => {
      s.ids[e.ref] = r.body.id;
      return reservationView(e, r, s);
    },
  },
  'reservation.approve': { request: onExisting((id) => ({ method: 'POST', path: `/api/mask-reservations/${id}/approve`, body: {} })), keep: reservationView },
  'reservation.reject': { request: onExisting((id) => ({ method: 'POST', path: `/api/mask-reservations/${id}/reject`, body: {} })), keep: (_e, r) => ({ status: r.body.status }) },
  'reservation.redeem': {
    request: (e, s) => {
      const code = s.pickupCodes.get(e.ref);
      const pharmacy = s.reservationPharmacy.get(e.ref);
      if (!code || !pharmacy) return { skip: 'no pickup code: the reservation was not approved' };
      return { actor: e.actor === PHARMACY_OF_RESERVATION ? PHARMACY_ACCOUNTS[pharmacy] : e.actor, method: 'POST', path: '/api/mask-reservations/redeem', body: { pickupCode: code } };
    },
    keep: (_e, r, s) => ({ status: r.body.status, pharmacy: pharmacyCode(s, r.body.pharmacy?.id) }),
  },
  'pharmacy.stock': {
    request: (e, s) => ({ actor: e.actor, method: 'POST', path: `/api/pharmacies/${s.org.pharmacies[e.ref].id}/stock`, body: e.data }),
    keep: (_e, r) => ({ available: r.body.available, total: r.body.total }),
  },
  'pharmacy.soldOut': {
    request: (e, s) => ({ actor: e.actor, method: 'POST', path: `/api/pharmacies/${s.org.pharmacies[e.ref].id}/sold-out`, body: e.data }),
    keep: (_e, r) => ({ available: r.body.available, soldOut: r.body.soldOut }),
  },
  'health.declare': {
    request: (e) => ({ actor: e.actor, method: 'POST', path: '/api/health/declarations', body: e.data }),
    keep: (_e, r) => ({ color: r.body.color }),
  },
  'health.case': {
    request: (e) => ({ actor: e.actor, method: 'POST', path: '/api/health/cases', body: e.data }),
    keep: (_e, r) => ({ status: r.body.status, date: r.body.date }),
  },
  'appeal.file': {
    request: (e) => ({ actor: e.actor, method: 'POST', path: '/api/health-code/appeals', body: e.data }),
    keep: (e, r, s) => {
      s.ids[e.ref] = r.body.id;
      return { status: r.body.status, colorAtFiling: r.body.colorAtFiling };
    },
  },
  'appeal.resolve': { request: onExisting((id, e) => ({ method: 'POST', path: `/api/health-code/appeals/${id}/resolve`, body: e.data })), keep: (_e, r) => ({ status: r.body.status }) },
  'filing.submit': {
    request: (e, s) => ({ actor: e.actor, method: 'POST', path: '/api/enterprise-filings', body: filingBody(e.data, s) }),
    keep: (e, r, s) => {
      s.ids[e.ref] = r.body.id;
      return { status: r.body.status };
    },
  },
  'filing.amend': { request: onExisting((id, e, s) => ({ method: 'PUT', path: `/api/enterprise-filings/${id}`, body: filingBody(e.data, s) })), keep: (_e, r) => ({ status: r.body.status }) },
  'filing.approve': { request: onExisting((id, e) => ({ method: 'POST', path: `/api/enterprise-filings/${id}/approve`, body: e.data })), keep: (_e, r) => ({ status: r.body.status }) },
  'filing.return': { request: onExisting((id, e) => ({ method: 'POST', path: `/api/enterprise-filings/${id}/return`, body: e.data })), keep: (_e, r) => ({ status: r.body.status }) },
  'filing.reject': { request: onExisting((id, e) => ({ method: 'POST', path: `/api/enterprise-filings/${id}/reject`, body: e.data })), keep: (_e, r) => ({ status: r.body.status }) },
  'filing.report': {
    request: onExisting((id, e) => ({ method: 'POST', path: `/api/enterprise-filings/${id}/daily-reports`, body: e.data })),
    keep: (_e, r) => ({ date: r.body.date }),
  },
  ...SHOP_ACTIONS,
  ...PLACE_ACTIONS,
};
