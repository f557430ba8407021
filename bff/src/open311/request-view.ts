import { findCategory, gcj02ToWgs84, open311StatusOf, w3cDateTime, type ComplaintStatus } from '@sqtb/shared';
import { Unit } from '../org/org.model';
import type { ComplaintRecord } from '../complaints/service';

/** The service notice every new request gets. */
export const SERVICE_NOTICE = '已收到，将在 1 个工作日内受理';

/** Unit id → name, for `agency_responsible` and the update notes. */
export async function unitNames(): Promise<Map<string, string>> {
  return new Map((await Unit.find({}, { name: 1 }).lean()).map((u) => [String(u._id), u.name]));
}

/** Degrees to six decimals (~0.1 m): what a client posted comes back as it was sent. */
const sixDecimals = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

/** When anything last happened to the complaint: its newest timeline entry (the clock's time, not the database's). */
export function lastChangeOf(c: ComplaintRecord): Date {
  return (c.timeline ?? []).reduce((latest, e) => (e.at > latest ? e.at : latest), c.createdAt);
}

/**
 * A complaint as an Open311 service request: public fields only (never who
 * reported it), the location in WGS-84, date-times with their offset.
 */
export function toOpen311Request(c: ComplaintRecord, units: Map<string, string>, extended: boolean) {
  const wgs = gcj02ToWgs84({ lat: c.location!.lat, lng: c.location!.lng });
  const before: ComplaintStatus = c.closedAt ? 'closed' : 'rejected';
  const expected = c.deadline ?? c.acceptBy;
  return {
    service_request_id: String(c._id),
    status: open311StatusOf(c.status, { extended, before }),
    status_notes: c.rejectionReason ?? c.resolutionNote ?? null,
    service_name: findCategory(c.category)?.name ?? c.category,
    service_code: c.category,
    description: c.description,
    agency_responsible: c.unitId ? (units.get(String(c.unitId)) ?? null) : null,
    service_notice: SERVICE_NOTICE,
    requested_datetime: w3cDateTime(c.createdAt),
    updated_datetime: w3cDateTime(lastChangeOf(c)),
    expected_datetime: expected ? w3cDateTime(expected) : null,
    address: c.address,
    lat: sixDecimals(wgs.lat),
    long: sixDecimals(wgs.lng),
    media_url: c.client?.mediaUrl ?? null,
  };
}
