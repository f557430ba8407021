import type { Action, DriverState } from './actions';
import type { EventKind, PlannedEvent } from './ledger';

/**
 * Place codes' steps as requests (see actions.ts). The code a manager reads
 * is kept for the scans (places are `place:E1` in the ids map); a scan's
 * answer goes into the ledger with the place's code, the scan that made the
 * visit (V0001) and the time the BFF recorded; candidates come back by user
 * id and go into the ledger by openid. Which candidates are confirmed or
 * dismissed is decided here, from the list the BFF gave: every other one.
 */
export interface PlacesDriverState {
  /** Place (E1, P1) → the code its manager last read. */
  tokens: Map<string, string>;
  /** The BFF's visit id → the scan that made that visit. */
  visits: Map<string, string>;
  /** Case (K1) → its candidates' user ids as last listed, in the BFF's order. */
  candidates: Map<string, string[]>;
  /** Case → the openids asked to be confirmed. */
  confirmed: Map<string, string[]>;
  /** The openid of a user id the driver has logged in as. */
  openidOf(userId: string): string | undefined;
}

export const newPlacesState = (openidOf: (userId: string) => string | undefined): PlacesDriverState => ({
  tokens: new Map(),
  visits: new Map(),
  candidates: new Map(),
  confirmed: new Map(),
  openidOf,
});

/** The place's code (E1, P1) for the id the BFF gave it. */
const placeCodeOf = (state: DriverState, id: string | undefined) =>
  (id && Object.entries(state.ids).find(([key, value]) => key.startsWith('place:') && value === id)?.[0].slice('place:'.length)) || 'unknown';

/** A code whose signature no key made: the first character of the signature changed. */
const forge = (token: string) => {
  const [header, payload, signature] = token.split('.');
  return `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
};

/** Every other candidate as the BFF listed them: from the first (`even`) or from the second (`odd`). */
export const chosen = (listed: readonly string[], take: unknown) => listed.filter((_, i) => i % 2 === (take === 'even' ? 0 : 1));

const decision = (action: 'confirm' | 'dismiss'): Action => ({
  request: (e, s) => {
    const id = s.ids[e.ref];
    const userIds = chosen(s.places.candidates.get(e.ref) ?? [], e.data.take);
    if (!id || !userIds.length) return { skip: `no ${e.data.take} candidates of ${e.ref} were listed` };
    return { actor: e.actor, method: 'POST', path: `/api/health/cases/${id}/contact-candidates/${action}`, body: { userIds } };
  },
  keep: (e, r, s) => {
    const who = chosen(s.places.candidates.get(e.ref) ?? [], e.data.take).map((id) => s.places.openidOf(id) ?? 'unknown');
    if (action === 'confirm') s.places.confirmed.set(e.ref, who);
    return { decided: r.body.decided, skipped: r.body.skipped, unidentified: r.body.unidentified, who };
  },
});

type PlaceKind = Extract<EventKind, 'place.mine' | 'visit.scan' | 'case.find' | 'contacts.list' | 'contacts.confirm' | 'contacts.dismiss' | 'code.read'>;

export const PLACE_ACTIONS: Record<PlaceKind, Action> = {
  'place.mine': {
    request: (e) => ({ actor: e.actor, method: 'GET', path: '/api/places/mine' }),
    keep: (e, r, s) => {
      s.places.tokens.set(e.ref, r.body.token);
      s.ids[`place:${e.ref}`] = r.body.id;
      return { kind: r.body.kind };
    },
  },
  'visit.scan': {
    request: (e, s) => {
      const token = s.places.tokens.get(e.data.place as string);
      if (!token) return { skip: `the code of ${e.data.place} was never read` };
      return { actor: e.actor, method: 'POST', path: '/api/visits', body: { placeToken: e.data.forged ? forge(token) : token } };
    },
    keep: (e, r, s) => {
      if (!s.places.visits.has(r.body.visitId)) s.places.visits.set(r.body.visitId, e.ref);
      return { place: placeCodeOf(s, r.body.place?.id), visit: s.places.visits.get(r.body.visitId), color: r.body.color, allowed: r.body.allowed, at: r.body.at };
    },
  },
  'case.find': {
    request: (e) => ({ actor: e.actor, method: 'GET', path: `/api/health/cases?idNumber=${encodeURIComponent(e.data.idNumber as string)}` }),
    keep: (e, r, s) => {
      // Newest first: the latest confirmed record of that ID number.
      const found = (r.body.items as Array<{ id: string; status: string; date: string }>).find((c) => c.status === 'confirmed');
      if (found) s.ids[e.ref] = found.id;
      return { status: found?.status ?? null, date: found?.date ?? null };
    },
  },
  'contacts.list': {
    request: (e, s) => (s.ids[e.ref] ? { actor: e.actor, method: 'GET', path: `/api/health/cases/${s.ids[e.ref]}/contact-candidates` } : { skip: `${e.ref} was never found` }),
    keep: (e, r, s) => {
      const items = r.body.items as Array<{ userId: string; place: { id: string }; overlapAt: string; identified: boolean }>;
      s.places.candidates.set(e.ref, items.map((c) => c.userId));
      return { items: items.map((c) => ({ who: s.places.openidOf(c.userId) ?? 'unknown', place: placeCodeOf(s, c.place.id), overlapAt: c.overlapAt, identified: c.identified })) };
    },
  },
  'contacts.confirm': decision('confirm'),
  'contacts.dismiss': decision('dismiss'),
  'code.read': {
    request: (e: PlannedEvent, s) => {
      const who = s.places.confirmed.get(e.data.case as string)?.[e.data.nth as number];
      return who && who !== 'unknown' ? { actor: who, method: 'GET', path: '/api/health-code' } : { skip: `no confirmed candidate ${e.data.nth} of ${e.data.case}` };
    },
    keep: (_e, r) => ({ color: r.body.color }),
  },
};
