import type { Types } from 'mongoose';
import type { DevAccount } from '@sqtb/shared';
import { seedDistrict } from '@sqtb/mock';
import { UserModel } from '../accounts/user.model';
import { Committee, Enterprise, Pharmacy, Street, Unit } from '../org/model';
import { recordIdentity } from '../residents/identity';
import { RiskRegionModel } from '../health-code/models';

/**
 * Loads the demo district from mock/ into the database. Every write is an
 * upsert keyed by a stable code or openid, so running it again (every start in
 * development) changes nothing that is already there.
 */
export async function seedDemoData(keys: { idKey: string }): Promise<{ accounts: number }> {
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
  for (const e of seedDistrict.ENTERPRISES) enterpriseIds.set(e.code, await upsertByCode(Enterprise, e.code, placeFields(e)));

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
  }
  // Only when none are set yet: staff may have replaced the list since.
  if ((await RiskRegionModel.countDocuments()) === 0) await RiskRegionModel.insertMany(seedDistrict.RISK_REGIONS);
  return { accounts: seedDistrict.ACCOUNTS.length };
}

export function listDevAccounts(): DevAccount[] {
  return seedDistrict.ACCOUNTS.map(({ openid, role, displayName }) => ({ openid, role, displayName }));
}
