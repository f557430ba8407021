import { shanghaiDate, type GradeChange, type InspectionView, type ShopAlertView, type ShopView } from '@sqtb/shared';
import type { PatrolAlertRecord } from './alert.model';
import type { CommitteeArea } from '../org/committee-areas';
import type { InspectionRecord } from './inspection.model';
import type { GradeChangeRecord, ShopRecord } from './shop.model';

/** Stored records as staff see them (shared shop.schema.ts). Residents never see a shop record. */

export function toShopView(shop: ShopRecord, committees: CommitteeArea[]): ShopView {
  const committee = shop.committeeId ? committees.find((c) => c.id === String(shop.committeeId)) : undefined;
  return {
    id: String(shop._id),
    name: shop.name,
    businessType: shop.businessType as ShopView['businessType'],
    address: shop.address,
    location: { lat: shop.location!.lat, lng: shop.location!.lng },
    ...(shop.committeeId ? { committeeId: String(shop.committeeId) } : {}),
    ...(committee ? { committeeName: committee.name } : {}),
    ...(shop.licenceNumber ? { licenceNumber: shop.licenceNumber } : {}),
    ...(shop.contactPhone ? { contactPhone: shop.contactPhone } : {}),
    grade: shop.grade as ShopView['grade'],
    reasons: [...shop.reasons],
    ...(shop.nextFallOn ? { nextFallOn: shop.nextFallOn } : {}),
    gradedAt: shop.gradedAt.toISOString(),
    ...(shop.lastInspectedAt ? { lastInspectedOn: shanghaiDate(shop.lastInspectedAt) } : {}),
  };
}

export function toInspectionView(inspection: InspectionRecord): InspectionView {
  return {
    id: String(inspection._id),
    outcome: inspection.outcome as InspectionView['outcome'],
    ...(inspection.violationType ? { violationType: inspection.violationType as InspectionView['violationType'] } : {}),
    note: inspection.note,
    photoIds: inspection.photoIds.map(String),
    by: inspection.byLabel,
    at: inspection.at.toISOString(),
  };
}

export function toAlertView(alert: PatrolAlertRecord): ShopAlertView {
  return { id: String(alert._id), violationType: alert.violationType as ShopAlertView['violationType'], at: alert.at.toISOString(), location: { lat: alert.location!.lat, lng: alert.location!.lng } };
}

export function toGradeChange(change: GradeChangeRecord): GradeChange {
  return {
    ...(change.from ? { from: change.from as GradeChange['from'] } : {}),
    to: change.to as GradeChange['to'],
    reasons: [...change.reasons],
    at: change.at.toISOString(),
  };
}
