import type { Types } from 'mongoose';
import { INITIAL_PLACE_STATUS, placeTransition, shanghaiDate, type MyPlace, type PlaceKind, type PlaceLookup, type PlaceView } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { AppError } from '../core/app-error';
import { isDuplicateKey } from '../db/duplicate-key';
import type { HealthDeps } from '../health-code/service';
import { Committee, Enterprise, Pharmacy } from '../org/org.model';
import { applyStep } from '../workflow/apply-step';
import { timelineEntry } from '../workflow/timeline';
import { PlaceModel, type PlaceRecord } from './place.model';
import { managedRef } from './scope';
import { invalidCode, signPlaceCode, verifyPlaceCode } from './token';

/**
 * Place codes (一企一码), the public face: which places stand (every pharmacy,
 * each committee's service station, every enterprise once its resumption
 * filing is approved), the code a manager prints, the public "has it
 * resumed?" lookup and a district revocation. Visits (visits.ts) and
 * close-contact candidates (contacts.ts) are re-exported below.
 */
export { myVisits, placeVisits, scanIn } from './visits';
export { confirmCandidates, contactCandidatesOf, dismissCandidates } from './contacts';
export { runsPlace } from './scope';
export { placeFiguresByCommittee, type PlaceFigures } from './overview-figures';

/** The health code's dependencies: a scan reads the colour, a confirmation sets a status. */
export type PlacesDeps = HealthDeps;

interface PlaceSource {
  kind: PlaceKind;
  refId: Types.ObjectId | string;
  name: string;
  address: string;
  location?: { lat: number; lng: number } | null;
  committeeId?: Types.ObjectId | string | null;
}

/**
 * Makes the place unless it stands already; what describes it (name, address,
 * location, committee) follows its source. Never touches the status of one
 * that exists. Two at once: the unique (kind, refId) keeps one.
 */
async function ensurePlace(source: PlaceSource, since: Date, now: Date): Promise<void> {
  const { kind, refId, ...described } = source;
  const update = {
    $set: { name: described.name, address: described.address, ...(described.location ? { location: described.location } : {}), ...(described.committeeId ? { committeeId: described.committeeId } : {}) },
    $setOnInsert: { status: INITIAL_PLACE_STATUS, codeVersion: 1, activeSince: since, createdAt: now, timeline: [timelineEntry(now, 'create', undefined, INITIAL_PLACE_STATUS, 'system')] },
  };
  await PlaceModel.updateOne({ kind, refId }, update, { upsert: true }).catch((err) => (isDuplicateKey(err) ? PlaceModel.updateOne({ kind, refId }, { $set: update.$set }) : Promise.reject(err)));
}

const stationOf = (c: { _id: Types.ObjectId; name: string; area?: { center?: { lat: number; lng: number } | null } | null }): PlaceSource => ({
  kind: 'service_station',
  refId: c._id,
  name: `${c.name}服务站`,
  // The committee's record has no street address: the station is known by its committee.
  address: c.name,
  location: c.area?.center ?? undefined,
  committeeId: c._id,
});

/**
 * Every pharmacy and every committee's service station has its place: the
 * seed (which also brings names and addresses up to date) and the sync job
 * (`onlyMissing`: writes nothing for a place that stands). Idempotent.
 */
export async function ensureStandingPlaces(now: Date, options: { onlyMissing?: boolean } = {}): Promise<{ written: number }> {
  const [pharmacies, committees, standing] = await Promise.all([
    Pharmacy.find().lean(),
    Committee.find().lean(),
    options.onlyMissing ? PlaceModel.find({ kind: { $in: ['pharmacy', 'service_station'] } }, { kind: 1, refId: 1 }).lean() : Promise.resolve([]),
  ]);
  const stands = new Set(standing.map((p) => `${p.kind}:${String(p.refId)}`));
  const sources: PlaceSource[] = [
    ...pharmacies.map((p) => ({ kind: 'pharmacy' as const, refId: p._id, name: p.name, address: p.address, location: p.location, committeeId: p.committeeId })),
    ...committees.map(stationOf),
  ].filter((s) => !stands.has(`${s.kind}:${String(s.refId)}`));
  for (const source of sources) await ensurePlace(source, now, now);
  return { written: sources.length };
}

/**
 * The filing hook: an approved resumption filing makes its enterprise's place,
 * active since the approval, or brings a revoked one back (with a new code
 * version, so the old posters stay dead). Idempotent.
 */
export async function placeForApprovedFiling(filing: { enterpriseId: Types.ObjectId; enterpriseName: string; address: string; committeeId: Types.ObjectId; decidedAt?: Date | null }, now: Date): Promise<void> {
  const enterprise = await Enterprise.findById(filing.enterpriseId, { location: 1 }).lean();
  const source: PlaceSource = { kind: 'enterprise', refId: filing.enterpriseId, name: filing.enterpriseName, address: filing.address, location: enterprise?.location, committeeId: filing.committeeId };
  await ensurePlace(source, filing.decidedAt ?? now, now);
  const place = await PlaceModel.findOne({ kind: 'enterprise', refId: filing.enterpriseId });
  if (place?.status !== 'revoked') return;
  const step = placeTransition(place.status, 'reactivate', ['system']);
  if (!step.ok) return;
  const entry = timelineEntry(now, 'reactivate', step.from, step.to, 'system', 'resumption filing approved');
  await applyStep(PlaceModel, place._id, step.from, step.to, { set: { activeSince: now }, unset: ['revokedAt', 'revokeReason'], entry });
}

/** The hook for a filing that stops standing (revoked by district staff): its place is revoked by the system; places.sync heals a lost one. */
export async function revokePlaceOf(kind: PlaceKind, refId: string, reason: string, now: Date): Promise<void> {
  const place = await PlaceModel.findOne({ kind, refId }, { _id: 1, status: 1 }).lean();
  if (place?.status === 'active') await revoke(place._id, 'active', 'system', reason, now);
}

/** A pharmacy's or a station's place missing (added since the last sync): made now from its record. */
async function healStandingPlace(kind: PlaceKind, refId: string, now: Date) {
  if (kind === 'pharmacy') {
    const p = await Pharmacy.findById(refId).lean();
    if (p) await ensurePlace({ kind, refId: p._id, name: p.name, address: p.address, location: p.location, committeeId: p.committeeId }, now, now);
  } else if (kind === 'service_station') {
    const c = await Committee.findById(refId).lean();
    if (c) await ensurePlace(stationOf(c), now, now);
  }
  return PlaceModel.findOne({ kind, refId }).lean();
}

/** `GET /api/places/mine`: the place with a freshly signed code to print; 404 while an enterprise has no approved filing, or once revoked. */
export async function myPlace(user: AuthUser, deps: Pick<PlacesDeps, 'clock' | 'keys'>): Promise<MyPlace> {
  const now = deps.clock.now();
  const { kind, refId } = managedRef(user);
  const place = (await PlaceModel.findOne({ kind, refId }).lean()) ?? (kind === 'enterprise' ? null : await healStandingPlace(kind, refId, now));
  if (!place) throw new AppError('NOT_FOUND', 'Your enterprise has no approved resumption filing yet');
  if (place.status !== 'active') throw new AppError('NOT_FOUND', 'This place code was revoked', { revokedAt: place.revokedAt?.toISOString(), reason: place.revokeReason });
  const token = await signPlaceCode(deps.keys, { placeId: String(place._id), kind: place.kind, version: place.codeVersion }, now);
  return { id: String(place._id), name: place.name, address: place.address, kind: place.kind, token };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LOOKUP_LIMIT = 20;

/** A place as the lookup shows it: name, kind, and whether (and since when) it has resumed. */
const LOOKUP_FIELDS = { kind: 1, refId: 1, name: 1, status: 1, activeSince: 1 } as const;
type LookupPlace = Pick<PlaceRecord, '_id' | 'name' | 'kind' | 'status' | 'activeSince'>;
const lookupItem = (p: LookupPlace): PlaceLookup['items'][number] => ({
  id: String(p._id),
  name: p.name,
  kind: p.kind,
  resumed: p.status === 'active',
  ...(p.status === 'active' ? { since: shanghaiDate(p.activeSince) } : {}),
});

/**
 * `GET /api/places/lookup?q=`: has it resumed? Places by name, and enterprises
 * with no place yet (no approved filing: not resumed, `id` the enterprise's).
 * Names, kinds and dates only.
 */
export async function lookupPlaces(q: string): Promise<PlaceLookup> {
  const name = { $regex: escapeRegExp(q), $options: 'i' };
  const [places, enterprises] = await Promise.all([
    PlaceModel.find({ name }, LOOKUP_FIELDS).sort({ name: 1 }).limit(LOOKUP_LIMIT).lean(),
    Enterprise.find({ name }, { name: 1 }).sort({ name: 1 }).limit(LOOKUP_LIMIT).lean(),
  ]);
  const placed = new Set(places.filter((p) => p.kind === 'enterprise').map((p) => String(p.refId)));
  const items = [
    ...places.map(lookupItem),
    ...enterprises.filter((e) => !placed.has(String(e._id))).map((e) => ({ id: String(e._id), name: e.name, kind: 'enterprise' as const, resumed: false })),
  ];
  return { items: items.sort((a, b) => a.name.localeCompare(b.name)).slice(0, LOOKUP_LIMIT) };
}

/**
 * `POST /api/places/lookup-code`: the place a scanned code names, as the lookup
 * shows it. It records nothing: looking a place up is not visiting it (a visit
 * would also make the looker a close-contact candidate). A code a revocation
 * retired still names its place: the answer says whether the place has resumed
 * now (not resumed while revoked; resumed again once an approval brought it back).
 */
export async function lookupPlaceCode(placeToken: string, deps: Pick<PlacesDeps, 'keys'>): Promise<PlaceLookup> {
  const claims = await verifyPlaceCode(deps.keys, placeToken);
  if (!claims) throw invalidCode('This is not a place code');
  const place = await PlaceModel.findById(claims.placeId, LOOKUP_FIELDS).lean();
  if (!place || place.kind !== claims.kind) throw invalidCode('This place code names no place');
  return { items: [lookupItem(place)] };
}

/** `POST /api/places/:id/revoke`: a district decision; the place's codes are refused from now on. */
export async function revokePlace(staff: AuthUser, placeId: string, reason: string, now: Date): Promise<PlaceView> {
  const place = await PlaceModel.findById(placeId, { status: 1 }).lean();
  if (!place) throw new AppError('NOT_FOUND', 'No such place');
  return view(await revoke(place._id, place.status, staff, reason, now));
}

async function revoke(id: Types.ObjectId, status: PlaceRecord['status'], actor: AuthUser | 'system', reason: string, now: Date) {
  const actors = actor === 'system' ? (['system'] as const) : actor.role === 'district' ? (['district'] as const) : [];
  const step = placeTransition(status, 'revoke', actors);
  if (!step.ok) throw new AppError(step.refusal === 'FORBIDDEN' ? 'FORBIDDEN' : 'CONFLICT', step.message, { currentStatus: status });
  const entry = timelineEntry(now, 'revoke', step.from, step.to, actor, reason);
  // The version moves on: a code printed before stays refused even if the place comes back.
  const updated = await applyStep(PlaceModel, id, step.from, step.to, { set: { revokedAt: now, revokeReason: reason }, inc: { codeVersion: 1 }, entry });
  if (!updated) throw new AppError('CONFLICT', 'Someone else changed this place first');
  return updated;
}

function view(p: Pick<PlaceRecord, '_id' | 'name' | 'address' | 'kind' | 'status' | 'revokedAt' | 'revokeReason'>): PlaceView {
  return {
    id: String(p._id),
    name: p.name,
    address: p.address,
    kind: p.kind,
    status: p.status,
    ...(p.revokedAt ? { revokedAt: p.revokedAt.toISOString() } : {}),
    ...(p.revokeReason ? { revokeReason: p.revokeReason } : {}),
  };
}
