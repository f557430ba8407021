import type { NearbyPharmacies, RegistrationForReview, RegistrationView, ReservationView, User } from '@sqtb/shared';

/** The committee of `fixtures.org` (c-1); its centre is where pharmacies are looked up from. */
export const registration = (overrides: Partial<RegistrationView> = {}): RegistrationView => ({
  id: 'reg-1',
  status: 'approved',
  name: '张伟',
  idMasked: '3101**********0018',
  phoneMasked: '138****0001',
  committeeId: 'c-1',
  address: '潍坊路 388 弄 5 号 201 室',
  location: { lat: 31.2294, lng: 121.5223 },
  householdSize: 3,
  createdAt: '2026-03-01T02:00:00.000Z',
  ...overrides,
}) as RegistrationView;

export const ROUND_ID = 'round-1';

export const pharmacies = (overrides: Partial<NearbyPharmacies> = {}): NearbyPharmacies => ({
  roundId: ROUND_ID,
  items: [
    {
      id: 'ph-1',
      name: '雷允上药房（潍坊店）',
      address: '潍坊路 388 号',
      location: { lat: 31.2292, lng: 121.5225 },
      distanceMeters: 60,
      stock: { available: 195, total: 200, soldOut: false, updatedAt: '2026-03-10T01:30:00.000Z' },
    },
    {
      id: 'ph-2',
      name: '华氏大药房（崂山路店）',
      address: '崂山路 600 号',
      location: { lat: 31.2268, lng: 121.5262 },
      distanceMeters: 1_250,
      stock: { available: 0, total: 200, soldOut: true, updatedAt: '2026-03-10T01:00:00.000Z' },
    },
  ],
  ...overrides,
});

export const PICKUP_CODE = '04718263';

export const reservation = (overrides: Partial<ReservationView> = {}): ReservationView => ({
  id: 'resv-1',
  status: 'approved',
  roundId: ROUND_ID,
  pharmacy: { id: 'ph-1', name: '雷允上药房（潍坊店）', address: '潍坊路 388 号' },
  pickupCode: PICKUP_CODE,
  pickupBy: '2026-03-12T01:00:00.000Z',
  quantity: 5,
  createdAt: '2026-03-10T01:00:00.000Z',
  ...overrides,
});

export const pendingRegistration = (overrides: Partial<RegistrationForReview> = {}): RegistrationForReview => ({
  ...registration({ id: 'reg-9', status: 'pending_review', reason: 'address-outside-committee', name: '赵敏', address: '东方路 1 号 3 室' }),
  phone: '13900000009',
  ...overrides,
});

export const pharmacist: User = { id: 'u-pharmacy-1', role: 'pharmacy', displayName: '雷允上药房店员', scope: { pharmacyId: 'ph-1' }, registered: false };
export const cadre: User = { id: 'u-cadre-1', role: 'cadre', displayName: '陈书记', scope: { committeeId: 'c-1' }, registered: false };
