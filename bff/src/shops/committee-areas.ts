import { isInsideArea, type LatLng } from '@sqtb/shared';
import { Committee } from '../org/org.model';

/**
 * The committees with their area circles (district reference data, read
 * through the org model): a shop or an alert belongs to the committee whose
 * circle holds its point, as a complaint does (complaints/service.ts). Read
 * once per request or import, not once per line.
 */
export interface CommitteeArea {
  id: string;
  name: string;
  area: { center: LatLng; radiusMeters: number };
}

export async function loadCommitteeAreas(): Promise<CommitteeArea[]> {
  const committees = await Committee.find({}, { name: 1, area: 1 }).sort({ code: 1 }).lean();
  return committees.map((c) => ({ id: String(c._id), name: c.name, area: { center: { lat: c.area!.center!.lat, lng: c.area!.center!.lng }, radiusMeters: c.area!.radiusMeters } }));
}

export function committeeAt(point: LatLng, committees: CommitteeArea[]): CommitteeArea | undefined {
  return committees.find((c) => isInsideArea(point, c.area));
}
