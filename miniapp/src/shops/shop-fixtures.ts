import { gradeShop, type BusinessType, type GradeObservation, type Hotspot, type InspectionReply, type OrgResponse, type PatrolList, type ShopDetail, type ShopList, type ShopView, type UnattachedAlertList, type User } from '@sqtb/shared';
import { complaintView, listItem } from '../test-support/complaint-fixtures';

/**
 * Street shops as the shop routes answer them, for the page tests (RTL and
 * weapp). The tests check each reply against its shared schema, and the grades
 * and reasons come from the shared rule itself, so neither can drift.
 */

export const COMMITTEE_A = '64b0000000000000000000c1';
export const COMMITTEE_B = '64b0000000000000000000c2';
export const SHOP_BBQ = '64b0000000000000000005a1';
export const SHOP_NOODLES = '64b0000000000000000005a2';
export const SHOP_REPAIR = '64b0000000000000000005a3';
export const SHOP_GROCERY = '64b0000000000000000005a4';
export const OVERDUE_ID = '64b0000000000000000000e1';
export const HOTSPOT_ID = '64b0000000000000000000d1';
export const LINKED_COMPLAINT = '64b0000000000000000000e7';
export const TODAY = '2026-03-04';

export const district: User = { id: 'u-district', role: 'district', displayName: '孙科长', scope: {}, registered: true };
export const cadre: User = { id: 'u-cadre', role: 'cadre', displayName: '陈书记', scope: { committeeId: COMMITTEE_A }, registered: true };
export const handler: User = { id: 'u-handler', role: 'handler', displayName: '赵队员', scope: { unitId: '64b0000000000000000000a1' }, registered: true };

export const shopOrg: OrgResponse = {
  streets: [{ id: '64b0000000000000000000b1', code: 'weifang', name: '潍坊新村街道' }],
  committees: [
    { id: COMMITTEE_A, code: 'A', name: '潍坊一村居委会', streetId: '64b0000000000000000000b1', area: { center: { lat: 31.229, lng: 121.523 }, radiusMeters: 450 } },
    { id: COMMITTEE_B, code: 'B', name: '潍坊四村居委会', streetId: '64b0000000000000000000b1', area: { center: { lat: 31.2235, lng: 121.53 }, radiusMeters: 450 } },
  ],
  units: [],
  pharmacies: [],
  enterprises: [],
};

type Observations = GradeObservation[];
const violations = (...dates: string[]): Observations => dates.map((date) => ({ date, outcome: 'violation' }));
/** Two violations, then a clean inspection: raised, then lowered back to low. */
const REPAIR_RECORD: Observations = [...violations('2026-01-10', '2026-01-20'), { date: '2026-02-20', outcome: 'ok' }];

/** A shop graded by the shared rule from its record. */
function shop(id: string, name: string, businessType: BusinessType, at: { lat: number; lng: number }, committee: 'A' | 'B', record: Observations = []): ShopView {
  const grading = gradeShop({ businessType }, record, [], TODAY);
  const [committeeId, committeeName] = committee === 'A' ? [COMMITTEE_A, '潍坊一村居委会'] : [COMMITTEE_B, '潍坊四村居委会'];
  return {
    id,
    name,
    businessType,
    address: `潍坊路 ${id.slice(-2)} 号`,
    location: at,
    committeeId,
    committeeName,
    grade: grading.grade,
    reasons: grading.reasons,
    ...(grading.nextFallOn ? { nextFallOn: grading.nextFallOn } : {}),
    gradedAt: '2026-03-04T01:00:00.000Z',
    ...(record.length ? { lastInspectedOn: record[record.length - 1].date } : {}),
  };
}

/** High (three violations), medium (a kitchen), and two low shops (one lowered by a clean inspection), in two committees. */
export const shops = (): ShopView[] => [
  shop(SHOP_BBQ, '老王烧烤', 'street_food', { lat: 31.2295, lng: 121.5235 }, 'A', violations('2026-01-10', '2026-02-01', '2026-02-20')),
  shop(SHOP_NOODLES, '兰州拉面', 'restaurant', { lat: 31.2285, lng: 121.522 }, 'A'),
  shop(SHOP_REPAIR, '便民五金维修', 'repair', { lat: 31.2282, lng: 121.5245 }, 'A', REPAIR_RECORD),
  shop(SHOP_GROCERY, '好邻居便利店', 'grocery', { lat: 31.2238, lng: 121.5302 }, 'B'),
];

export const shopList = (items: ShopView[] = shops()): ShopList => ({ items, total: items.length, page: 1, pageSize: 100 });

export const hotspot: Hotspot = {
  id: HOTSPOT_ID,
  cell: 'wtw3s',
  center: { lat: 31.2291, lng: 121.5232 },
  committeeId: COMMITTEE_A,
  open: true,
  openedAt: '2026-02-20T02:00:00.000Z',
  lastComplaintAt: '2026-03-01T02:00:00.000Z',
  complaintsInWindow: 4,
  categories: ['street-occupation'],
};

export const overdueComplaint = listItem({ id: OVERDUE_ID, overdue: true, overdueReason: 'not-resolved', status: 'dispatched', location: { lat: 31.2287, lng: 121.5228 } });
export const overdueList = { items: [overdueComplaint], total: 1, page: 1, pageSize: 100, totalCapped: false };

/** A patrol alert where no registered shop stands, in committee A (`GET /api/shops/unattached-alerts`). */
export const unattachedAlerts: UnattachedAlertList = {
  items: [{ id: '64c000000000000000000a01', violationType: 'litter', at: '2026-03-01T12:00:00.000Z', location: { lat: 31.2301, lng: 121.5221 }, committeeId: COMMITTEE_A }],
};

/** The high-grade shop's card: how its grade moved, two inspections, an alert, a linked complaint. */
export function shopDetail(): ShopDetail {
  const view = shops()[0];
  return {
    ...view,
    // Newest first, as GET /api/shops/:id gives them.
    gradeHistory: [
      { from: 'medium', to: 'high', reasons: view.reasons, at: '2026-02-20T06:00:00.000Z' },
      { to: 'medium', reasons: ['业态「小吃摊点」基础等级为中风险'], at: '2026-01-02T01:00:00.000Z' },
    ],
    inspections: [
      { id: '64b0000000000000000006a1', outcome: 'violation', violationType: 'occupying_road', note: '桌椅摆到人行道上', photoIds: ['64b0000000000000000007a1'], by: '潍坊城管执法中队', at: '2026-02-20T06:00:00.000Z' },
      { id: '64b0000000000000000006a2', outcome: 'ok', note: '门前整洁', photoIds: [], by: '区级', at: '2026-01-05T03:00:00.000Z' },
    ],
    alerts: [{ id: '64b0000000000000000008a1', violationType: 'fumes_noise', at: '2026-02-01T12:30:00.000Z', location: view.location }],
    complaints: [{ id: LINKED_COMPLAINT, category: 'street-occupation', description: '烧烤摊每晚占道，油烟很大', status: 'dispatched', createdAt: '2026-02-18T11:00:00.000Z' }],
  };
}

/** Today's list in the BFF's order: high first, then the longest since inspection (never first). */
export function patrolList(): PatrolList {
  const [bbq, noodles, repair, grocery] = shops();
  return {
    date: TODAY,
    items: [
      { ...bbq, daysSinceInspection: 12, distanceMeters: 80 },
      { ...noodles, distanceMeters: 1530 },
      { ...grocery, distanceMeters: 640 },
      { ...repair, daysSinceInspection: 7, distanceMeters: 120 },
    ],
  };
}

/** The repair shop's third violation in 90 days: low (lowered by its clean inspection) → high. */
export function inspectionReply(): InspectionReply {
  const repair = shops()[2];
  const grading = gradeShop({ businessType: 'repair' }, [...REPAIR_RECORD, ...violations(TODAY)], [], TODAY);
  return {
    shop: { ...repair, grade: grading.grade, reasons: grading.reasons, lastInspectedOn: TODAY },
    inspection: { id: '64b0000000000000000006b1', outcome: 'violation', violationType: 'beyond_door', note: '跨门摆放维修工具', photoIds: [], by: '潍坊城管执法中队', at: '2026-03-04T02:00:00.000Z' },
    previousGrade: 'low',
  };
}

/** The linked complaint opened from the card (its own page loads it). */
export const linkedComplaintView = () => complaintView({ id: LINKED_COMPLAINT });
