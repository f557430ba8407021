import type { FilingSummary, FilingView, User } from '@sqtb/shared';

/** Valid by GB 32100 (the seeded E1's) and by GB 11643 (seeded residents'). */
export const CREDIT_CODE = '91310115MA1K3R5W2E';
export const ID_NUMBERS = ['310115198805120018', '310115199203180026'] as const;

export const enterpriseUser: User = {
  id: 'u-enterprise-1',
  role: 'enterprise',
  displayName: '周经理（潍坊小笼）',
  scope: { enterpriseId: 'e-1', committeeId: 'c-1' },
  registered: true,
};
export const cadreUser: User = { id: 'u-cadre-1', role: 'cadre', displayName: '陈书记', scope: { committeeId: 'c-1' }, registered: true };

export function filingSummary(overrides: Partial<FilingSummary> = {}): FilingSummary {
  return {
    id: 'f-1',
    enterpriseName: '上海潍坊小笼餐饮有限公司',
    creditCodeMasked: '913101********5W2E',
    status: 'submitted',
    committeeId: 'c-1',
    streetId: 's-1',
    reopenDate: '2026-03-02',
    submittedAt: '2026-03-01T02:00:00.000Z',
    rosterCount: 2,
    missingToday: false,
    feverToday: false,
    ...overrides,
  };
}

export function filingView(overrides: Partial<FilingView> = {}): FilingView {
  return {
    ...filingSummary(),
    revision: 1,
    address: '潍坊路 402 号',
    contactName: '周经理',
    contactPhoneMasked: '138****0009',
    plan: { text: '每日两次测温登记，错峰就餐，公共区域每日消毒三次并通风。' },
    suppliesDays: 30,
    isolationRoom: true,
    commitment: true,
    roster: [
      { name: '张*', phoneMasked: '138****0001', idMasked: '3101**********0018', healthColor: 'green' },
      { name: '李*', phoneMasked: '138****0002', idMasked: '3101**********0026', healthColor: 'red' },
    ],
    timeline: [{ at: '2026-03-01T02:00:00.000Z', actorName: '周经理（潍坊小笼）', role: 'enterprise', action: 'submit', to: 'submitted' }],
    actions: [],
    ...overrides,
  };
}
