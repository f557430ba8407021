import type { ComplaintDashboard, ComplaintView, OrgResponse, User } from '@sqtb/shared';

export const COMPLAINT_ID = '64b000000000000000000001';
export const UNIT_CITY = '64b0000000000000000000a1';
export const UNIT_HOUSING = '64b0000000000000000000a2';

export const cadre: User = { id: 'u-cadre-1', role: 'cadre', displayName: '陈书记', scope: { committeeId: 'c-a' }, registered: true };
export const handler: User = { id: 'u-handler-1', role: 'handler', displayName: '赵队员', scope: { unitId: UNIT_CITY }, registered: true };

const area = (lat: number, lng: number) => ({ center: { lat, lng }, radiusMeters: 450 });

export const demoOrg: OrgResponse = {
  streets: [{ id: 's-w', code: 'weifang', name: '潍坊新村街道' }],
  committees: [
    { id: 'c-a', code: 'A', name: '潍坊一村居委会', streetId: 's-w', area: area(31.229, 121.523) },
    { id: 'c-b', code: 'B', name: '潍坊四村居委会', streetId: 's-w', area: area(31.2235, 121.53) },
  ],
  units: [
    { id: UNIT_CITY, code: 'city', name: '潍坊城管执法中队', categories: ['street-occupation'] },
    { id: UNIT_HOUSING, code: 'housing', name: '潍坊房管办', categories: ['property-repair'] },
  ],
  pharmacies: [],
  enterprises: [],
};

/** A complaint as GET /api/complaints/:id answers, submitted and waiting for 受理. */
export function complaintView(overrides: Partial<ComplaintView> = {}): ComplaintView {
  return {
    id: COMPLAINT_ID,
    category: 'street-occupation',
    categoryName: '占道经营',
    description: '潍坊路 400 号门口有摊贩占道经营',
    location: { lat: 31.229, lng: 121.523 },
    address: '潍坊路 400 号门口',
    photoIds: [],
    photoUrls: [],
    resolutionPhotoUrls: [],
    anonymous: false,
    status: 'submitted',
    committeeId: 'c-a',
    reporterId: 'u-resident-1',
    reporterName: '张伟',
    acceptBy: '2026-03-03T10:00:00.000Z',
    overdue: false,
    reopenCount: 0,
    urgeCount: 0,
    meTooCount: 0,
    notRated: false,
    timeline: [{ at: '2026-03-02T02:00:00.000Z', actorName: '张伟', role: 'resident', action: 'submit', to: 'submitted' }],
    actions: [],
    createdAt: '2026-03-02T02:00:00.000Z',
    updatedAt: '2026-03-02T02:00:00.000Z',
    ...overrides,
  };
}

export const listItem = (overrides: Partial<ComplaintView> = {}) => {
  const { timeline: _omit, ...item } = complaintView(overrides);
  return item;
};

export const listReply = (items: ReturnType<typeof listItem>[], total = items.length, page = 1) => ({ items, page, pageSize: 20, total });

const figures = {
  total: 0,
  byStatus: { submitted: 0, accepted: 0, rejected: 0, dispatched: 0, resolved: 0, closed: 0, archived: 0 },
  overdueNow: 0,
  onTimeRate: null,
  satisfactionRate: null,
  reopenRate: null,
  medianHoursToDispatch: null,
};

export function dashboard(overrides: Partial<ComplaintDashboard> = {}): ComplaintDashboard {
  return {
    ...figures,
    generatedAt: '2026-03-02T02:00:00.000Z',
    openHotspots: 0,
    byCommittee: [],
    ...overrides,
  };
}
export const committeeRow = (name: string, total: number, extra: Partial<ComplaintDashboard['byCommittee'][number]> = {}) => ({
  ...figures,
  total,
  committeeId: `id-${name}`,
  committeeName: name,
  streetName: '潍坊新村街道',
  ...extra,
});
