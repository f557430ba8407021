import type { OrgResponse, Scope } from '@sqtb/shared';

export interface ScopeLine {
  label: string;
  name: string;
}

type Named = { id: string; name: string };

const nameOf = (list: Named[], id: string) =>
  list.find((item) => item.id === id)?.name ?? `未找到（${id}）`;

/**
 * What a user acts for, in words: the street, committee, unit, pharmacy or
 * enterprise named by the ids in their scope. A committee also names its street.
 */
export function describeScope(scope: Scope, org: OrgResponse): ScopeLine[] {
  const streetId =
    scope.streetId ?? org.committees.find((c) => c.id === scope.committeeId)?.streetId;
  const lines: Array<[string, Named[], string | undefined]> = [
    ['街道', org.streets, streetId],
    ['居委会', org.committees, scope.committeeId],
    ['处置部门', org.units, scope.unitId],
    ['药店', org.pharmacies, scope.pharmacyId],
    ['企业', org.enterprises, scope.enterpriseId],
  ];
  return lines
    .filter((line): line is [string, Named[], string] => Boolean(line[2]))
    .map(([label, list, id]) => ({ label, name: nameOf(list, id) }));
}
