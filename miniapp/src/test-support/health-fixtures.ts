import type { HealthCodeResponse, RiskRegionView, User } from '@sqtb/shared';

/** A token shaped like the BFF's (compact JWS, ES256): only its text matters to the pages. */
export const tokenFor = (label: string) =>
  `eyJhbGciOiJFUzI1NiIsImtpZCI6ImhjLTIwMjYtMDMiLCJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ${label}IiwiY29sb3IiOiJncmVlbiIsIm5hbWUiOiLlvKAqIiwiaWF0IjoxNzczMTA0NDAwLCJleHAiOjE3NzMxMDQ3MDB9.MEUCIQDx3aXr9gQ2vW7kq8JmZy5s0uQfLh1bT4oN6cE2dA7pVwIgS9rK3mY1nX8eB5tW2qL0vH4jF6aD9cG7uR3iO1pZkEw`;

export const TOKEN = tokenFor('green-1');

export function healthCode(overrides: Partial<HealthCodeResponse> = {}): HealthCodeResponse {
  return {
    color: 'green',
    reasons: [],
    rulesVersion: 'sh-2020.1',
    maskedName: '张*',
    identified: true,
    token: TOKEN,
    expiresAt: new Date(Date.now() + 300_000).toISOString(),
    ...overrides,
  };
}

export const RISK_REGIONS: RiskRegionView[] = [
  { code: 'guangdong-shenzhen', name: '广东省深圳市', level: 'low', since: '2020-02-20' },
  { code: 'hubei-wuhan', name: '湖北省武汉市', level: 'high', since: '2020-01-23' },
  { code: 'zhejiang-wenzhou', name: '浙江省温州市', level: 'medium', since: '2020-02-02' },
];

export const districtStaff: User = { id: 'u-district-1', role: 'district', displayName: '孙科长', scope: {}, registered: true };
export const pharmacist: User = { id: 'u-pharmacy-1', role: 'pharmacy', displayName: '雷允上药房店员', scope: {}, registered: true };
