import { writeFileSync } from 'node:fs';

/**
 * The ledger: what the simulated month did, in order, with the simulated time,
 * who acted, what they sent, what came back and the server id it got. The
 * expected overview is computed from this alone (see expected/), never from
 * the BFF's database.
 *
 * Everything in an entry except `serverId` (and the `ids` map) follows from
 * the seed, so two runs with one seed give ledgers equal once ids are stripped.
 */
export type EventKind =
  | 'jobs.run'
  | 'complaint.submit'
  | 'complaint.accept'
  | 'complaint.reject'
  | 'complaint.dispatch'
  | 'complaint.resolve'
  | 'complaint.rate'
  | 'complaint.urge'
  | 'registration.submit'
  | 'registration.approve'
  | 'registration.reject'
  | 'round.open'
  | 'reservation.submit'
  | 'reservation.approve'
  | 'reservation.reject'
  | 'reservation.redeem'
  | 'pharmacy.stock'
  | 'pharmacy.soldOut'
  | 'health.declare'
  | 'health.case'
  | 'appeal.file'
  | 'appeal.resolve'
  | 'filing.submit'
  | 'filing.amend'
  | 'filing.approve'
  | 'filing.return'
  | 'filing.reject'
  | 'filing.report'
  | 'shop.create'
  | 'shop.import'
  | 'shop.inspect'
  | 'alerts.import'
  | 'complaint.linkShop'
  | 'place.mine'
  | 'visit.scan'
  | 'case.find'
  | 'contacts.list'
  | 'contacts.confirm'
  | 'contacts.dismiss'
  | 'code.read';

export interface LatLng {
  lat: number;
  lng: number;
}

/** One thing someone will do at a simulated instant. */
export interface PlannedEvent {
  /** Order of planning: breaks ties between events at the same instant. */
  seq: number;
  /** ISO instant (simulated). */
  at: string;
  /** The openid who acts, `system` for the jobs, or `pharmacy-of-reservation` (which pharmacy the BFF picked). */
  actor: string;
  kind: EventKind;
  /**
   * The local key of what is acted on: C0001 a complaint, R001 a resident, RND1 a round, M1-R001 a reservation,
   * F1 a filing, AP1 an appeal, S01/N1 a shop, SI1 a shop import, AL1 an alerts import, E1/P1 a place (by what it
   * stands for), V0001 a scan, K1 a confirmed case.
   */
  ref: string;
  data: Record<string, unknown>;
  /** The error code the BFF must answer with, when the step is meant to be refused. */
  expectRefusal?: string;
}

export interface Outcome {
  httpStatus: number;
  ok: boolean;
  /** The error code when refused. */
  error?: string;
  /** What came back that the replay checks, with server ids replaced by local codes. */
  result?: Record<string, unknown>;
}

export interface LedgerEntry extends PlannedEvent {
  outcome: Outcome;
  /** The id the BFF gave the thing acted on (for steps that create one). */
  serverId?: string;
}

/** Reference data as the public org endpoint gave it, keyed by the seed's stable codes. */
export interface OrgRef {
  streets: Record<string, { id: string; name: string }>;
  committees: Record<string, { id: string; name: string; streetCode: string; area: { center: LatLng; radiusMeters: number } }>;
  units: Record<string, { id: string; name: string; categories: string[] }>;
  pharmacies: Record<string, { id: string; name: string; location: LatLng; committeeCode?: string }>;
  enterprises: Record<string, { id: string; name: string; committeeCode?: string }>;
}

export interface Ledger {
  meta: { seed: number; days: number; start: string; end: string };
  org: OrgRef;
  entries: LedgerEntry[];
  /** Local key → server id: complaints, reservations, filings, appeals, `hotspot:<cell>` seen in the hotspot list, `shop:<code>`, `place:<E1|P1>`, cases (K1). */
  ids: Record<string, string>;
}

/** The ledger without anything the server chose at random (ids): what the seed alone determines. */
export function withoutServerIds(ledger: Ledger): unknown {
  return JSON.parse(JSON.stringify(ledger), (key, value) => (key === 'id' || key === 'serverId' || key === 'ids' ? undefined : value));
}

export function writeLedger(path: string, content: unknown): void {
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
}
