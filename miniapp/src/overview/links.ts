import type { FilingStatus, Overview, Role, ShopGrade } from '@sqtb/shared';
import { complaintDetailUrl, filingDetailUrl, ROUTES } from '../core/routes';
import { SHOP_PAGES } from '../shops/links';

/** This page (the `overview` subpackage); a street or committee narrows it. */
export const OVERVIEW_PATH = '/overview/pages/index/index';

/**
 * Where each figure of the overview leads: the list behind it, filtered as
 * closely as that list allows. A link is null when no list the viewer may open
 * can show the figure's matters (e.g. complaints of a whole street: the
 * complaint list filters by committee, not by street).
 */
export type Link = string | null;

type Scope = Overview['scope'];

const withQuery = (path: string, query: Record<string, string | undefined>): string => {
  const pairs = Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '');
  return pairs.length === 0 ? path : `${path}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
};

/** The committee a link should filter by: a committee row's, else the page's when it is one committee. */
const committeeOf = (scope: Scope, committeeId?: string | null): string | undefined =>
  committeeId ?? (scope.level === 'committee' && scope.id ? scope.id : undefined);

export interface ComplaintListFilter {
  /** Closed at some point (closed, or archived after closing). */
  closed?: true;
  overdue?: true;
  /** A committee row's id; null: the row of matters outside every committee. */
  committeeId?: string | null;
  committeeName?: string;
  /** A street row's id (district staff); null: the row outside every street. */
  streetId?: string | null;
  streetName?: string;
  /** Received on these Shanghai dates (inclusive): the weeks a figure counts. */
  receivedFrom?: string;
  receivedTo?: string;
}

/** The complaint list (the queue page, which reads these filters from its query). */
export function complaintListLink(scope: Scope, filter: ComplaintListFilter = {}): Link {
  if (filter.committeeId === null || filter.streetId === null) {
    // Matters outside every committee: only the district's list has them.
    if (scope.level !== 'district') return null;
    return withQuery(ROUTES.complaintQueue, {
      outside: 'true',
      closed: filter.closed ? 'true' : undefined,
      overdue: filter.overdue ? 'true' : undefined,
      receivedFrom: filter.receivedFrom,
      receivedTo: filter.receivedTo,
    });
  }
  const committeeId = committeeOf(scope, filter.committeeId);
  const streetId = committeeId ? undefined : (filter.streetId ?? (scope.level === 'street' && scope.id ? scope.id : undefined));
  return withQuery(ROUTES.complaintQueue, {
    closed: filter.closed ? 'true' : undefined,
    overdue: filter.overdue ? 'true' : undefined,
    committeeId,
    committeeName: committeeId ? (filter.committeeName ?? (filter.committeeId ? undefined : scope.name)) : undefined,
    streetId,
    streetName: streetId ? (filter.streetName ?? (filter.streetId ? undefined : scope.name)) : undefined,
    receivedFrom: filter.receivedFrom,
    receivedTo: filter.receivedTo,
  });
}

export const complaintLink = (id: string): Link => complaintDetailUrl(id);

/** Open hotspots are listed (with their place and categories) on the complaint dashboard. */
export const hotspotsLink = (): Link => ROUTES.complaintDashboard;

/**
 * The filing queue by status. It filters by street; a cadre's queue is their
 * committee's already, but district staff cannot narrow it to one committee.
 */
export function filingListLink(scope: Scope, viewer: Role, status: FilingStatus | 'all'): Link {
  if (scope.level === 'committee' && viewer !== 'cadre') return null;
  return withQuery(ROUTES.filingsQueue, { status, streetId: scope.level === 'street' && scope.id ? scope.id : undefined });
}

export const filingLink = (id: string): Link => filingDetailUrl(id);

/** The review queue (the cadre's committee, or the whole district for district staff), on the right tab. */
export const maskReviewLink = (tab: 'registrations' | 'reservations'): Link => withQuery(ROUTES.masksReview, { tab });

/** Open appeals are handled on the district's health management page (district staff only). */
export const appealsLink = (viewer: Role): Link => (viewer === 'district' ? withQuery(ROUTES.healthManage, { tab: 'appeals' }) : null);

/** A confirmed case's candidates are decided on the district's health page, under its cases (district staff only). */
export const candidatesLink = (viewer: Role): Link => (viewer === 'district' ? withQuery(ROUTES.healthManage, { tab: 'cases' }) : null);

/** The overview itself, narrowed to a street (district staff only: a cadre always sees their committee). */
export const streetOverviewLink = (viewer: Role, streetId: string | null): Link =>
  viewer === 'district' && streetId ? withQuery(OVERVIEW_PATH, { streetId }) : null;

/**
 * The shop map's list (挂图作战) by grade and committee. Neither it nor the
 * patrol list narrows to a street or to the shops outside every area: those
 * figures open nothing.
 */
export function shopMapLink(scope: Scope, filter: { grade?: ShopGrade; committeeId?: string | null } = {}): Link {
  if (filter.committeeId === null) return null;
  const committeeId = committeeOf(scope, filter.committeeId);
  if (!committeeId && scope.level === 'street') return null;
  return withQuery(SHOP_PAGES.map, { grade: filter.grade, committeeId });
}

/**
 * This week's inspections: district staff, who inspect, the patrol list (each
 * shop with the days since its last inspection); a cadre, who does not, the
 * shops of their committee, whose cards hold the inspections.
 */
export function inspectionsLink(scope: Scope, viewer: Role): Link {
  if (viewer !== 'district') return shopMapLink(scope);
  if (scope.level === 'street') return null;
  return withQuery(SHOP_PAGES.patrol, { committeeId: committeeOf(scope) });
}
