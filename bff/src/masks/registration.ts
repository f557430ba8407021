import type { z } from 'zod';
import { isInsideArea, maskPhone, normaliseAddress, REGISTRATION_START, registrationTransition, type registrationBodySchema } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { UserModel } from '../accounts/user.model';
import { AppError } from '../core/app-error';
import { Committee } from '../org/model';
import { identityFields, recordIdentity } from '../residents/identity';
import { ResidentIdentity } from '../residents/identity.model';
import { RegistrationModel } from './models';

type RegistrationBody = z.infer<typeof registrationBodySchema>;
type RegistrationRecord = InstanceType<typeof RegistrationModel>;

/**
 * A household registers with its committee. Inside the committee's area and at
 * an address with no household yet: approved at once. Otherwise the cadre reviews.
 */
export async function register(user: AuthUser, body: RegistrationBody, idKey: string) {
  const committee = await Committee.findById(body.committeeId);
  if (!committee) throw new AppError('VALIDATION_FAILED', 'No such committee', { field: 'committeeId' });
  if (await RegistrationModel.exists({ userId: user.id })) throw new AppError('CONFLICT', 'You have registered already');
  const identity = identityFields(body.idNumber, idKey);
  if (await ResidentIdentity.exists({ idHash: identity.idHash, userId: { $ne: user.id } })) {
    throw new AppError('CONFLICT', 'This ID number is already registered to another account; ask your committee');
  }
  const addressKey = normaliseAddress(body.address);
  const inside = isInsideArea(body.location, { center: committee.area!.center!, radiusMeters: committee.area!.radiusMeters });
  const taken = await RegistrationModel.exists({ approvedAddressKey: addressKey });
  const reason = !inside ? 'address-outside-committee' : taken ? 'address-already-registered' : undefined;
  const fields = {
    userId: user.id,
    name: body.name,
    ...identity,
    phone: body.phone,
    committeeId: committee._id,
    address: body.address,
    addressKey,
    location: body.location,
    householdSize: body.householdSize,
  };
  let registration: RegistrationRecord;
  try {
    registration = reason
      ? await RegistrationModel.create({ ...fields, status: REGISTRATION_START.needsReview, reason })
      : await RegistrationModel.create({ ...fields, status: REGISTRATION_START.autoApproved, approvedAddressKey: addressKey });
  } catch (err) {
    const e = err as { code?: number; keyPattern?: Record<string, unknown>; message?: string };
    if (e.code !== 11000) throw err;
    if (String(e.message).includes('userId')) throw new AppError('CONFLICT', 'You have registered already');
    // Someone registered this address a moment ago: the cadre decides.
    registration = await RegistrationModel.create({ ...fields, status: REGISTRATION_START.needsReview, reason: 'address-already-registered' });
  }
  await recordIdentity(user.id, body.name, body.idNumber, idKey);
  await UserModel.updateOne({ _id: user.id }, { $set: { registered: true, 'scope.committeeId': committee._id, 'scope.streetId': committee.streetId } });
  return registrationView(registration, false);
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

/** The cadre settles a registration under review. */
export async function reviewRegistration(user: AuthUser, id: string, approve: boolean, reason?: string) {
  const registration = await RegistrationModel.findById(id);
  if (!registration) throw new AppError('NOT_FOUND', 'No such registration');
  if (user.role === 'cadre' && String(registration.committeeId) !== user.scope.committeeId) throw new AppError('FORBIDDEN', 'This registration belongs to another committee');
  const to = registrationTransition(registration.status, approve ? 'approve' : 'reject');
  if (!to) throw new AppError('CONFLICT', 'This registration is not waiting for review', { currentStatus: registration.status });
  const set = approve ? { status: to, approvedAddressKey: registration.addressKey, reason: undefined } : { status: to, reason: reason ?? 'rejected-by-cadre' };
  try {
    const updated = await RegistrationModel.findOneAndUpdate({ _id: id, status: registration.status }, { $set: set }, { new: true });
    if (!updated) throw new AppError('CONFLICT', 'This registration is not waiting for review', { currentStatus: registration.status });
    return registrationView(updated, true);
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw new AppError('CONFLICT', 'Another household is already approved at this address');
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
