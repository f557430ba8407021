import { FILING_STATUSES, type ComplaintCohort, type Overview } from '@sqtb/shared';

/**
 * A district overview as `GET /api/dashboard/overview` answers it, for the page
 * tests (RTL and weapp). Its tests check it against `overviewSchema`, so it
 * cannot drift from the contract. Numbers are chosen to add up: the weeks sum
 * to the total, the committees and the row outside them to the district.
 */

export const COMMITTEE_A = '64b0000000000000000000c1';
export const COMMITTEE_B = '64b0000000000000000000c2';
export const STREET_W = '64b0000000000000000000b1';
export const STREET_L = '64b0000000000000000000b2';
export const OVERDUE_1 = '64b0000000000000000000e1';
export const OVERDUE_2 = '64b0000000000000000000e2';
export const FILING_MISSING = '64b0000000000000000000f1';

/** The overview's visit days (generated 2026-03-04 10:00 Shanghai) and each committee's visits and refused visits on them. */
export const VISIT_DAYS = ['2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];
const visitDays = (visits: number[], refused: number[]) => visits.map((v, i) => ({ visits: v, refused: refused[i] }));
const sumDays = (days: Array<{ visits: number; refused: number }>) => days.reduce((t, d) => ({ visits: t.visits + d.visits, refused: t.refused + d.refused }), { visits: 0, refused: 0 });
const placesA = visitDays([5, 6, 4, 7, 8, 3, 2], [0, 1, 0, 0, 2, 0, 0]);
const placesB = visitDays([2, 3, 1, 4, 2, 5, 1], [0, 0, 0, 1, 0, 0, 0]);
const placesOutside = visitDays([1, 0, 0, 2, 0, 1, 0], [0, 0, 0, 0, 0, 1, 0]);
const placesByDay = placesA.map((a, i) => sumDays([a, placesB[i], placesOutside[i]]));
const noVisits = () => VISIT_DAYS.map(() => ({ visits: 0, refused: 0 }));

/** Filings by status: every status of the workflow, 0 unless given. */
const filingCounts = (given: Record<string, number>) => Object.fromEntries(FILING_STATUSES.map((s) => [s, given[s] ?? 0])) as Overview['filings']['byStatus'];

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** A cohort whose rates follow from its counts. */
export function cohort(counts: Partial<Omit<ComplaintCohort, 'onTimeRate' | 'satisfactionRate' | 'reopenRate'>> = {}): ComplaintCohort {
  const c = {
    received: 0,
    closed: 0,
    resolutions: 0,
    onTimeResolutions: 0,
    ratings: 0,
    satisfiedRatings: 0,
    everResolved: 0,
    reopened: 0,
    medianHoursToDispatch: null,
    medianHoursToResolution: null,
    ...counts,
  };
  return {
    ...c,
    onTimeRate: rate(c.onTimeResolutions, c.resolutions),
    satisfactionRate: rate(c.satisfiedRatings, c.ratings),
    reopenRate: rate(c.reopened, c.everResolved),
  };
}

const zeroWeeks = () => Array.from({ length: 8 }, () => cohort());

export const WEEKS = ['2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02'];
/** Received and closed per week (district), oldest first. */
export const RECEIVED = [3, 5, 4, 6, 8, 7, 9, 4];
export const CLOSED = [3, 5, 4, 5, 6, 5, 4, 0];

const byWeek = RECEIVED.map((received, i) =>
  cohort({
    received,
    closed: CLOSED[i],
    resolutions: CLOSED[i] + (i === 3 ? 1 : 0),
    onTimeResolutions: CLOSED[i] - (i === 4 ? 1 : 0),
    ratings: CLOSED[i],
    satisfiedRatings: CLOSED[i] - (i === 5 ? 2 : 0),
    everResolved: CLOSED[i],
    reopened: i === 3 ? 1 : 0,
    medianHoursToDispatch: received ? 3 : null,
    medianHoursToResolution: CLOSED[i] ? 30 : null,
  }),
);

const total = cohort({
  received: 46,
  closed: 32,
  resolutions: 33,
  onTimeResolutions: 31,
  ratings: 32,
  satisfiedRatings: 30,
  everResolved: 32,
  reopened: 1,
  medianHoursToDispatch: 2.5,
  medianHoursToResolution: 31.25,
});

const committeeA = cohort({ received: 30, closed: 22, resolutions: 23, onTimeResolutions: 21, ratings: 22, satisfiedRatings: 21, everResolved: 22, reopened: 1, medianHoursToDispatch: 2, medianHoursToResolution: 30 });
const committeeB = cohort({ received: 12, closed: 8, resolutions: 8, onTimeResolutions: 8, ratings: 8, satisfiedRatings: 7, everResolved: 8, medianHoursToDispatch: 3.5, medianHoursToResolution: 40 });
const streetW = cohort({ received: 42, closed: 30, resolutions: 31, onTimeResolutions: 29, ratings: 30, satisfiedRatings: 28, everResolved: 30, reopened: 1, medianHoursToDispatch: 2.5, medianHoursToResolution: 32 });
const outside = cohort({ received: 4, closed: 2, resolutions: 2, onTimeResolutions: 2, ratings: 2, satisfiedRatings: 2, everResolved: 2, medianHoursToDispatch: 6, medianHoursToResolution: 20 });

export function overviewFixture(): Overview {
  return {
    generatedAt: '2026-03-04T02:00:00.000Z',
    scope: { level: 'district', id: null, name: '浦东新区' },
    weeks: [...WEEKS],
    complaints: {
      byWeek,
      total,
      overdueNow: 3,
      byStreet: [
        { streetId: STREET_L, streetName: '陆家嘴街道', weeks: zeroWeeks(), total: cohort(), overdueNow: 0 },
        { streetId: STREET_W, streetName: '潍坊新村街道', weeks: zeroWeeks(), total: streetW, overdueNow: 3 },
        { streetId: null, streetName: '辖区外', weeks: zeroWeeks(), total: outside, overdueNow: 0 },
      ],
      byCommittee: [
        { committeeId: COMMITTEE_A, committeeName: '潍坊一村居委会', streetId: STREET_W, streetName: '潍坊新村街道', weeks: zeroWeeks(), total: committeeA, overdueNow: 2 },
        { committeeId: COMMITTEE_B, committeeName: '潍坊四村居委会', streetId: STREET_W, streetName: '潍坊新村街道', weeks: zeroWeeks(), total: committeeB, overdueNow: 1 },
        { committeeId: null, committeeName: '辖区外', streetId: null, streetName: '辖区外', weeks: zeroWeeks(), total: outside, overdueNow: 0 },
      ],
      openHotspots: [
        {
          id: '64b0000000000000000000d1',
          cell: '15614:50634',
          center: { lat: 31.229, lng: 121.5228 },
          committeeName: '潍坊一村居委会',
          complaintsInWindow: 4,
          categories: ['street-occupation', 'noise'],
          openedAt: '2026-02-20T02:00:00.000Z',
        },
      ],
      worstOverdue: [
        { id: OVERDUE_1, category: 'street-occupation', categoryName: '占道经营', address: '潍坊路 400 号门口', status: 'dispatched', committeeName: '潍坊一村居委会', dueAt: '2026-02-27T10:00:00.000Z', hoursOverdue: 88, urgeCount: 0 },
        { id: OVERDUE_2, category: 'noise', categoryName: '噪声扰民', address: '崂山路 120 弄', status: 'accepted', committeeName: '潍坊四村居委会', dueAt: '2026-03-03T22:30:00.000Z', hoursOverdue: 3.5, urgeCount: 2 },
      ],
      firstTimeSuccess: { total: 32, firstTime: 29, rate: 0.9063, target: 0.9 },
    },
    masks: {
      round: { id: '64b0000000000000000000a9', name: '第 3 轮', opensAt: '2026-03-02T01:00:00.000Z', closesAt: '2026-03-06T09:00:00.000Z', open: true },
      byPharmacy: [
        { pharmacyId: '64b000000000000000000091', pharmacyName: '潍坊大药房', stock: 100, available: 25, reserved: 20, pickedUp: 50, expired: 5 },
        { pharmacyId: '64b000000000000000000092', pharmacyName: '雷允上崂山店', stock: 60, available: 40, reserved: 12, pickedUp: 8, expired: 0 },
      ],
      pendingReviews: [
        { committeeId: COMMITTEE_A, committeeName: '潍坊一村居委会', registrations: 2, reservations: 1 },
        { committeeId: COMMITTEE_B, committeeName: '潍坊四村居委会', registrations: 0, reservations: 3 },
      ],
    },
    health: {
      byCommittee: [
        { committeeId: COMMITTEE_A, committeeName: '潍坊一村居委会', green: 180, yellow: 6, red: 2 },
        { committeeId: COMMITTEE_B, committeeName: '潍坊四村居委会', green: 90, yellow: 3, red: 0 },
        { committeeId: null, committeeName: '未登记', green: 10, yellow: 0, red: 1 },
      ],
      totals: { green: 280, yellow: 9, red: 3 },
      openAppeals: 2,
    },
    filings: {
      byStatus: filingCounts({ submitted: 3, approved: 12, returned: 2, rejected: 1, revoked: 1 }),
      medianDaysToDecision: 2.5,
      missingReportsToday: [{ id: FILING_MISSING, enterpriseName: '上海潍坊小笼餐饮有限公司', committeeName: '潍坊一村居委会' }],
      firstTimeApproval: { total: 12, firstTime: 10, rate: 0.8333, target: 0.9 },
    },
    shops: {
      byCommittee: [
        { committeeId: COMMITTEE_A, committeeName: '潍坊一村居委会', low: 5, medium: 2, high: 1, inspectionsThisWeek: 4 },
        { committeeId: COMMITTEE_B, committeeName: '潍坊四村居委会', low: 6, medium: 2, high: 0, inspectionsThisWeek: 1 },
        { committeeId: null, committeeName: '辖区外', low: 1, medium: 0, high: 0, inspectionsThisWeek: 0 },
      ],
      totals: { low: 12, medium: 4, high: 1, inspectionsThisWeek: 5 },
    },
    places: {
      days: [...VISIT_DAYS],
      byDay: placesByDay,
      total: sumDays(placesByDay),
      byCommittee: [
        { committeeId: COMMITTEE_A, committeeName: '潍坊一村居委会', days: placesA, total: sumDays(placesA), candidatesAwaiting: 3 },
        { committeeId: COMMITTEE_B, committeeName: '潍坊四村居委会', days: placesB, total: sumDays(placesB), candidatesAwaiting: 1 },
        { committeeId: null, committeeName: '辖区外', days: placesOutside, total: sumDays(placesOutside), candidatesAwaiting: 0 },
      ],
      candidates: { awaiting: 4, cases: 2 },
    },
  };
}

/** A scope where nothing has happened yet. */
export function emptyOverviewFixture(): Overview {
  const o = overviewFixture();
  return {
    ...o,
    complaints: { byWeek: zeroWeeks(), total: cohort(), overdueNow: 0, byStreet: [], byCommittee: [], openHotspots: [], worstOverdue: [], firstTimeSuccess: { total: 0, firstTime: 0, rate: null, target: 0.9 } },
    masks: { round: null, byPharmacy: [], pendingReviews: [] },
    health: { byCommittee: [], totals: { green: 0, yellow: 0, red: 0 }, openAppeals: 0 },
    filings: { byStatus: filingCounts({}), medianDaysToDecision: null, missingReportsToday: [], firstTimeApproval: { total: 0, firstTime: 0, rate: null, target: 0.9 } },
    shops: { byCommittee: [], totals: { low: 0, medium: 0, high: 0, inspectionsThisWeek: 0 } },
    places: { days: [...VISIT_DAYS], byDay: noVisits(), total: { visits: 0, refused: 0 }, byCommittee: [], candidates: { awaiting: 0, cases: 0 } },
  };
}
