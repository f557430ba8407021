import { normaliseAddress, type CreateShop } from '@sqtb/shared';
import { isDuplicateKey } from '../db/duplicate-key';
import { committeeAt, type CommitteeArea } from '../org/committee-areas';
import { firstGrade } from './grading';
import { ShopModel, type ShopRecord } from './shop.model';

/**
 * Putting a shop on the register, for the form, the CSV import and the seed.
 *
 * Two registrations are the same shop when they carry the same licence number;
 * without one, when name and address are the same once spacing, punctuation
 * and full-width forms are set aside (the address as the mask registration
 * compares households, shared masks/address.ts). The key is kept on the shop
 * under a unique index, so a repeated import or a double tap cannot register
 * a shop twice.
 */
export function naturalKeyOf(shop: Pick<CreateShop, 'name' | 'address' | 'licenceNumber'>): string {
  if (shop.licenceNumber) return `licence:${shop.licenceNumber.toUpperCase()}`;
  return `name-address:${normaliseAddress(shop.name)}|${normaliseAddress(shop.address)}`;
}

/** What describes a shop on the register: as given, with its committee by where it stands and its natural key. */
export function shopDescription(input: CreateShop, committees: CommitteeArea[]) {
  const committee = committeeAt(input.location, committees);
  return {
    name: input.name,
    businessType: input.businessType,
    address: input.address,
    location: { lat: input.location.lat, lng: input.location.lng },
    ...(committee ? { committeeId: committee.id } : {}),
    ...(input.licenceNumber ? { licenceNumber: input.licenceNumber } : {}),
    ...(input.contactPhone ? { contactPhone: input.contactPhone } : {}),
    naturalKey: naturalKeyOf(input),
  };
}

/** Registers the shop, or names the one registered already under the same key. */
export async function registerShop(input: CreateShop, committees: CommitteeArea[], now: Date): Promise<{ shop: ShopRecord } | { existingId: string }> {
  try {
    const created = await ShopModel.create({ ...shopDescription(input, committees), ...firstGrade(input.businessType, [], now) });
    return { shop: created.toObject() as ShopRecord };
  } catch (err) {
    if (!isDuplicateKey(err, 'naturalKey')) throw err;
    const existing = await ShopModel.findOne({ naturalKey: naturalKeyOf(input) }, { _id: 1 }).lean();
    if (!existing) throw err;
    return { existingId: String(existing._id) };
  }
}
