import type { Role } from '../core/roles';
import type { Scope } from '../accounts/account.schema';
import type { Relation } from './complaint.machine';

/** What the relation check needs to know of a complaint. */
export interface ComplaintParties {
  reporterId: string;
  committeeId?: string | null;
  unitId?: string | null;
}

/** How a user stands to a complaint: the input `transition` takes. */
export function relationsOf(user: { id: string; role: Role; scope: Scope }, complaint: ComplaintParties): Relation[] {
  const relations: Relation[] = [];
  if (user.id === complaint.reporterId) relations.push('reporter');
  if (user.role === 'cadre' && complaint.committeeId && user.scope.committeeId === complaint.committeeId) relations.push('committee-cadre');
  if (user.role === 'handler' && complaint.unitId && user.scope.unitId === complaint.unitId) relations.push('assigned-unit');
  if (user.role === 'district') relations.push('district');
  return relations;
}
