import { overviewWeekStarts, type Overview, type OverviewQuery } from '@sqtb/shared';
import type { AuthUser } from '../accounts/auth-user';
import { complaintsOverview } from './complaints';
import { filingsOverview } from './filings';
import { healthOverview } from './health';
import { masksOverview } from './masks';
import { placesOverview } from './places';
import { resolveScope } from './scope';
import { shopsOverview } from './shops';

/** The four services, street order and place codes in one picture, for district staff (or a cadre's committee). */
export async function buildOverview(user: AuthUser, query: OverviewQuery, now: Date): Promise<Overview> {
  const scope = await resolveScope(user, query);
  const weeks = overviewWeekStarts(now);
  const [complaints, masks, health, filings, shops, places] = await Promise.all([
    complaintsOverview(scope, weeks, now),
    masksOverview(scope, now),
    healthOverview(scope, now),
    filingsOverview(scope, now),
    shopsOverview(scope, weeks[weeks.length - 1]),
    placesOverview(scope, now),
  ]);
  return { generatedAt: now.toISOString(), scope: { level: scope.level, id: scope.id, name: scope.name }, weeks, complaints, masks, health, filings, shops, places };
}
