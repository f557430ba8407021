import type { LoginResponse, OrgResponse, User } from '@sqtb/shared';

export const resident: User = {
  id: 'u-resident-1',
  role: 'resident',
  displayName: '张阿姨',
  scope: { committeeId: 'c-1' },
  registered: true,
};

export const loginReply = (user: User = resident): LoginResponse => ({
  token: 'token-abc',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user,
});

const area = { center: { lat: 31.2, lng: 121.4 }, radiusMeters: 500 };

export const org: OrgResponse = {
  streets: [{ id: 's-1', code: 'S1', name: '田林街道' }],
  committees: [{ id: 'c-1', code: 'C1', name: '田林一村居委会', streetId: 's-1', area }],
  units: [{ id: 'unit-1', code: 'U1', name: '城管中队', categories: [] }],
  pharmacies: [],
  enterprises: [],
};
