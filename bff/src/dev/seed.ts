import type { Types } from 'mongoose';
import type { DevAccount } from '@sqtb/shared';
import { seedDistrict } from '@sqtb/mock';
import { UserModel } from '../accounts/user.model';
import { Committee, Enterprise, Pharmacy, Street, Unit } from '../org/org.model';
import { orgCache, pharmacyCache } from '../org/service';
import { identityFields, recordIdentity } from '../residents/identity';
import { normaliseAddress, REGISTRATION_START } from '@sqtb/shared';
import { RegistrationModel, RoundModel, StockModel } from '../masks/masks.model';
import { RiskRegionModel } from '../health-code/health-code.model';
import { timelineEntry } from '../workflow/timeline';
import { seedShops } from '../shops/seed-shops';
import { ensureStandingPlaces } from '../places/service';

/**
 * Loads the demo district from mock/ into the database. Every write is an
 * upsert keyed by a stable code or openid, so running it again (every start in
 * development) changes nothing that is already there.
 */
export async function seedDemoData(keys: { idKey: string }, now = new Date(), options: { openRound?: boolean } = {}): Promise<{ accounts: number }> {
  const upsertByCode = async <T>(model: { findOneAndUpdate: Function }, code: string, fields: T) =>
    ((await model.findOneAndUpdate({ code }, { $set: fields }, { upsert: true, new: true })) as { _id: Types.ObjectId })._id;

  const streetIds = new Map<string, Types.ObjectId>();
  for (const s of seedDistrict.STREETS) streetIds.set(s.code, await upsertByCode(Street, s.code, { name: s.name }));

  const committeeIds = new Map<string, Types.ObjectId>();
  const committeeStreet = new Map<string, Types.ObjectId>();
  for (const c of seedDistrict.COMMITTEES) {
    const streetId = streetIds.get(c.streetCode)!;
    committeeIds.set(c.code, await upsertByCode(Committee, c.code, { name: c.name, streetId, area: c.area }));
    committeeStreet.set(c.code, streetId);
  }

  const unitIds = new Map<string, Types.ObjectId>();
  for (const u of seedDistrict.UNITS) unitIds.set(u.code, await upsertByCode(Unit, u.code, { name: u.name, categories: u.categories }));

  const placeFields = (p: seedDistrict.SeedPlace) => ({
    name: p.name,
    address: p.address,
    location: p.location,
    ...(p.committeeCode ? { committeeId: committeeIds.get(p.committeeCode) } : {}),
  });
  const pharmacyIds = new Map<string, Types.ObjectId>();
  for (const p of seedDistrict.PHARMACIES) pharmacyIds.set(p.code, await upsertByCode(Pharmacy, p.code, placeFields(p)));
  const enterpriseIds = new Map<string, Types.ObjectId>();
  for (const e of seedDistrict.ENTERPRISES) enterpriseIds.set(e.code, await upsertByCode(Enterprise, e.code, { ...placeFields(e), creditCode: e.creditCode }));
  // The org is kept in memory (org/service.ts); what follows reads it.
  await orgCache.invalidate();
  await pharmacyCache.invalidate();

  for (const a of seedDistrict.ACCOUNTS) {
    const scope = {
      ...(a.committeeCode ? { committeeId: committeeIds.get(a.committeeCode), streetId: committeeStreet.get(a.committeeCode) } : {}),
      ...(a.unitCode ? { unitId: unitIds.get(a.unitCode) } : {}),
      ...(a.pharmacyCode ? { pharmacyId: pharmacyIds.get(a.pharmacyCode) } : {}),
      ...(a.enterpriseCode ? { enterpriseId: enterpriseIds.get(a.enterpriseCode) } : {}),
    };
    const user = await UserModel.findOneAndUpdate(
      { openid: a.openid },
      { $set: { role: a.role, displayName: a.displayName, scope, registered: true } },
      { upsert: true, new: true },
    );
    if (a.identity) await recordIdentity(user!._id, a.identity.name, a.identity.idNumber, keys.idKey);
    if (a.identity && a.household && a.committeeCode) {
      const addressKey = normaliseAddress(a.household.address);
      await RegistrationModel.updateOne(
        { userId: user!._id },
        {
          $set: {
            name: a.identity.name,
            ...identityFields(a.identity.idNumber, keys.idKey),
            phone: a.household.phone,
            committeeId: committeeIds.get(a.committeeCode),
            address: a.household.address,
            addressKey,
            approvedAddressKey: addressKey,
            location: a.household.location,
            householdSize: a.household.size,
          },
          // A re-seed keeps whatever the workflow made of it since; a new one starts approved, with its first entry.
          $setOnInsert: { status: REGISTRATION_START.autoApproved, timeline: [timelineEntry(now, 'register', undefined, REGISTRATION_START.autoApproved, 'system')] },
        },
        { upsert: true },
      );
    }
  }
  // Street shops stand in the committees' areas and name the units that inspected them: after both.
  await seedShops(now);
  // Place codes: every pharmacy and each committee's service station (upserts keyed by what they stand for).
  await ensureStandingPlaces(now);
  if (options.openRound ?? true) await seedOpenRound(pharmacyIds, now);
  // Only when none are set yet: staff may have replaced the list since.
  if ((await RiskRegionModel.countDocuments()) === 0) await RiskRegionModel.insertMany(seedDistrict.RISK_REGIONS);
  return { accounts: seedDistrict.ACCOUNTS.length };
}

/** An open round with stock at every pharmacy, unless one is open already. */
async function seedOpenRound(pharmacyIds: Map<string, Types.ObjectId>, now: Date) {
  if (await RoundModel.exists({ opensAt: { $lte: now }, closesAt: { $gt: now } })) return;
  const r = seedDistrict.MASK_ROUND;
  const round = await RoundModel.create({
    name: r.name,
    opensAt: new Date(now.getTime() - 3_600_000),
    closesAt: new Date(now.getTime() + r.openForDays * 86_400_000),
    masksPerHousehold: r.masksPerHousehold,
    pickupWindowHours: r.pickupWindowHours,
  });
  await StockModel.insertMany([...pharmacyIds.values()].map((pharmacyId) => ({ roundId: round._id, pharmacyId, available: r.stockPerPharmacy, total: r.stockPerPharmacy })));
}

export function listDevAccounts(): DevAccount[] {
  return seedDistrict.ACCOUNTS.map(({ openid, role, displayName }) => ({ openid, role, displayName }));
}
