import type { z } from 'zod';
import { verifiedPhoneOf } from '../accounts/service';
import { isInsideArea, maskPhone, normaliseAddress, REGISTRATION_START, registrationTransition, type RegistrationActor, type registrationBodySchema, type RegistrationStatus } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import { systemClock, type Clock } from '../core/clock';
import { Committee } from '../org/org.model';
import { markOutOfDate } from '../health-code/code-state';
import { recomputeHealthCode } from '../health-code/service';
import { claimIdentity, identityFields, releaseIdentityClaim } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import { applyStep } from '../workflow/apply-step';
import { timelineEntry } from '../workflow/timeline';
import { RegistrationModel } from './masks.model';
import { isDuplicateKey } from '../db/duplicate-key';

type RegistrationBody = z.infer<typeof registrationBodySchema>;
type RegistrationRecord = InstanceType<typeof RegistrationModel>;

/**
 * A household registers with its committee. Inside the committee's area and at
 * an address with no household yet: approved at once. Otherwise the cadre reviews.
 *
 * Three writes, ordered so that every state between them is safe (issue 12):
 * 1. claim the ID number (the unique `idHash` index picks one account when two
 *    register one number at once; the loser gets ID_NUMBER_TAKEN and has
 *    written nothing);
 * 2. the registration (the unique `userId` index picks one when an account
 *    registers twice at once); if it fails, the claim made in 1 is undone;
 * 3. the account is marked registered. Should that write be lost, registering
 *    again answers "registered already" and makes it.
 */
export async function register(user: AuthUser, body: RegistrationBody, idKey: string, clock: Clock = systemClock) {
  const committee = await Committee.findById(body.committeeId);
  if (!committee) throw new AppError('VALIDATION_FAILED', 'No such committee', { field: 'committeeId' });
  // The phone as typed, or else the number WeChat vouched for (getPhoneNumber → POST /api/me/phone).
  const phone = body.phone ?? (await verifiedPhoneOf(user.id));
  if (!phone) throw new AppError('VALIDATION_FAILED', 'Give a phone number, or verify your number with WeChat first', { field: 'phone' });
  const existing = await RegistrationModel.findOne({ userId: user.id }, { committeeId: 1 }).lean();
  if (existing) {
    await markRegistered(user.id, existing.committeeId);
    throw new AppError('CONFLICT', 'You have registered already');
  }
  const identity = identityFields(body.idNumber, idKey);
  // Checked first for a friendly answer; the claim below is what decides.
  if (await ResidentIdentity.exists({ idHash: identity.idHash, userId: { $ne: user.id } })) throw idNumberTaken();
  const addressKey = normaliseAddress(body.address);
  const inside = isInsideArea(body.location, { center: committee.area!.center!, radiusMeters: committee.area!.radiusMeters });
  const taken = await RegistrationModel.exists({ approvedAddressKey: addressKey });
  const reason = !inside ? 'address-outside-committee' : taken ? 'address-already-registered' : undefined;
  const fields = {
    userId: user.id,
    name: body.name,
    ...identity,
    phone,
    committeeId: committee._id,
    address: body.address,
    addressKey,
    location: body.location,
    householdSize: body.householdSize,
  };

  // The ID number is an input of the health code: its stored state is marked out of date before the claim,
  // so a recompute lost after it (a crash) is made at the next issue rather than never.
  await markOutOfDate({ userId: user.id });
  const claim = await claimIdentity(user.id, body.name, identity);
  if (claim.outcome === 'taken') throw idNumberTaken();
  if (claim.outcome === 'yours-differs') throw new AppError('CONFLICT', 'Your account has another ID number on record; ask your committee');
  await recomputeHealthCode(user.id, clock.now());

  let registration: RegistrationRecord;
  try {
    registration = await createRegistration(fields, reason, addressKey, user, clock.now());
  } catch (err) {
    const registeredAlready = isDuplicateKey(err, 'userId');
    // A registration of this account exists (a second tap won): it stands on this claim, so the claim stays.
    if (claim.outcome === 'claimed' && !registeredAlready) {
      await markOutOfDate({ userId: user.id });
      await releaseIdentityClaim(claim.claimId, user.id, identity.idHash);
      await recomputeHealthCode(user.id, clock.now());
    }
    if (registeredAlready) throw new AppError('CONFLICT', 'You have registered already');
    throw err;
  }
  await markRegistered(user.id, committee._id, committee.streetId);
  if (registration.status === 'approved') await recordHousehold(registration);
  return registrationView(registration, false);
}

function idNumberTaken() {
  return new AppError('ID_NUMBER_TAKEN', 'This ID number is already registered to another account; ask your committee');
}

/** The registration, in the status the automatic rules give it, its timeline opened by the household. */
async function createRegistration(fields: Record<string, unknown>, reason: string | undefined, addressKey: string, user: AuthUser, now: Date): Promise<RegistrationRecord> {
  const opened = (status: RegistrationStatus) => ({ status, timeline: [timelineEntry(now, 'register', undefined, status, user, reason)] });
  try {
    return reason
      ? await RegistrationModel.create({ ...fields, ...opened(REGISTRATION_START.needsReview), reason })
      : await RegistrationModel.create({ ...fields, ...opened(REGISTRATION_START.autoApproved), approvedAddressKey: addressKey });
  } catch (err) {
    if (reason || !isDuplicateKey(err, 'approvedAddressKey')) throw err;
    // Someone registered this address a moment ago: the cadre decides.
    return createRegistration(fields, 'address-already-registered', addressKey, user, now);
  }
}

/** Idempotent: the same values however often it runs. */
async function markRegistered(userId: string, committeeId: unknown, streetId?: unknown) {
  const street = streetId ?? (await Committee.findById(committeeId, { streetId: 1 }).lean())?.streetId;
  await UserModel.updateOne({ _id: userId }, { $set: { registered: true, 'scope.committeeId': committeeId, 'scope.streetId': street } });
}

/**
 * Copies an approved household onto its account, for reservations to read with the user.
 * Idempotent; should it be lost, a reservation reads the registration instead.
 */
async function recordHousehold(r: RegistrationRecord) {
  const household = { addressKey: r.addressKey, committeeId: r.committeeId, location: { lat: r.location!.lat, lng: r.location!.lng } };
  await UserModel.updateOne({ _id: r.userId }, { $set: { household } });
}

export async function myRegistration(user: AuthUser) {
  const registration = await RegistrationModel.findOne({ userId: user.id });
  if (!registration) throw new AppError('NOT_FOUND', 'You have not registered yet');
  return registrationView(registration, false);
}

export async function listRegistrations(user: AuthUser, status?: string) {
  const filter: Record<string, unknown> = {};
  if (user.role === 'cadre') filter.committeeId = user.scope.committeeId;
  if (status) filter.status = status;
  const items = await RegistrationModel.find(filter).sort({ createdAt: -1 }).limit(200);
  return { items: items.map((r) => registrationView(r, user.role === 'cadre')) };
}

/** The cadre (or district staff) settles a registration under review: one step of the registration table. */
export async function reviewRegistration(user: AuthUser, id: string, approve: boolean, reason?: string, clock: Clock = systemClock) {
  const registration = await RegistrationModel.findById(id);
  if (!registration) throw new AppError('NOT_FOUND', 'No such registration');
  if (user.role === 'cadre' && String(registration.committeeId) !== user.scope.committeeId) throw new AppError('FORBIDDEN', 'This registration belongs to another committee');
  const actors: RegistrationActor[] = user.role === 'district' ? ['district'] : user.role === 'cadre' ? ['committee-cadre'] : [];
  const event = approve ? 'approve' : 'reject';
  const decision = registrationTransition(registration.status, event, actors);
  if (!decision.ok) {
    if (decision.refusal === 'FORBIDDEN') throw new AppError('FORBIDDEN', decision.message);
    throw new AppError('CONFLICT', 'This registration is not waiting for review', { currentStatus: registration.status });
  }
  // Approval takes the address (sparse-unique `approvedAddressKey`): one approved household per address.
  const note = approve ? undefined : (reason ?? 'rejected-by-cadre');
  const write = approve
    ? { set: { approvedAddressKey: registration.addressKey }, unset: ['reason'] }
    : { set: { reason: note } };
  try {
    const entry = timelineEntry(clock.now(), event, decision.from, decision.to, user, note);
    const updated = await applyStep(RegistrationModel, registration._id, decision.from, decision.to, { ...write, entry });
    if (!updated) throw new AppError('CONFLICT', 'This registration is not waiting for review', { currentStatus: (await RegistrationModel.findById(id, { status: 1 }).lean())?.status });
    if (updated.status === 'approved') await recordHousehold(updated);
    return registrationView(updated, true);
  } catch (err) {
    if (isDuplicateKey(err)) throw new AppError('CONFLICT', 'Another household is already approved at this address');
    throw err;
  }
}

function registrationView(r: RegistrationRecord, forCadre: boolean) {
  return {
    id: String(r._id),
    status: r.status,
    reason: r.reason ?? undefined,
    name: r.name,
    idMasked: r.idMasked,
    phoneMasked: maskPhone(r.phone),
    ...(forCadre ? { phone: r.phone } : {}),
    committeeId: String(r.committeeId),
    address: r.address,
    location: { lat: r.location!.lat, lng: r.location!.lng },
    householdSize: r.householdSize,
    createdAt: r.createdAt.toISOString(),
  };
}
