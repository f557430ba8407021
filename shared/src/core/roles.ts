/** Every kind of user the product serves (see DOMAIN.md "Who uses it"). */
export const ROLES = ['resident', 'cadre', 'handler', 'district', 'pharmacy', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  cadre: '居委干部',
  handler: '处置部门',
  district: '区/街镇工作人员',
  pharmacy: '药店',
  enterprise: '企业',
};
