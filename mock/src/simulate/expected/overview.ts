import { overviewWeekStarts, type Overview } from '@sqtb/shared';
import type { Ledger } from '../ledger';
import { expectedComplaints, UNNAMED } from './complaints';
import { expectedFilings } from './filings';
import { expectedHealth } from './health';
import { expectedMasks } from './masks';
import { expectedPlaces } from './places';
import { expectedShops } from './shops';
import type { World } from './replay';
import { viewOf, type ExpectedScope } from './scope';

/** The overview one viewer should see at the month's end, from the replayed ledger alone (`generatedAt` aside). */
export type ExpectedOverview = Omit<Overview, 'generatedAt'>;

export function expectedOverview(ledger: Ledger, world: World, scope: ExpectedScope): ExpectedOverview {
  const now = new Date(ledger.meta.end);
  const view = viewOf(ledger, scope);
  const committee = scope.level === 'committee' ? ledger.org.committees[scope.committee] : undefined;
  return {
    scope: committee ? { level: 'committee', id: committee.id, name: committee.name } : { level: 'district', id: null, name: UNNAMED },
    weeks: overviewWeekStarts(now),
    complaints: expectedComplaints(ledger, world.complaints, view, now),
    masks: expectedMasks(ledger, world.masks, view, now),
    health: expectedHealth(ledger, world.health, view, now),
    filings: expectedFilings(ledger, world.filings, view, now),
    shops: expectedShops(ledger, world.shops, view, now),
    places: expectedPlaces(ledger, world.places, view, now),
  };
}
