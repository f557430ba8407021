import { isInsideArea, type LatLng, type OrgResponse } from '@sqtb/shared';
import { getOrg } from './service';

/** A committee with its area circle, as the org answers it (id, code, name, streetId, area). */
export type CommitteeArea = OrgResponse['committees'][number];

/** The committees with their area circles, by code, from the org kept in memory (org/service.ts). */
export async function loadCommitteeAreas(): Promise<CommitteeArea[]> {
  return (await getOrg()).committees;
}

/** The committee whose circle holds the point: where a complaint, a shop or a patrol alert belongs. */
export function committeeAt(point: LatLng, committees: CommitteeArea[]): CommitteeArea | undefined {
  return committees.find((c) => isInsideArea(point, c.area));
}
