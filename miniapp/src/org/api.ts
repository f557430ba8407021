import type { OrgResponse } from '@sqtb/shared';
import { request } from '../core/request';

export const fetchOrg = () => request<OrgResponse>('/api/org');
