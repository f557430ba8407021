import type { Overview, OverviewQuery, OverviewTable } from '@sqtb/shared';
import { request } from '../core/request';

/**
 * The district overview (district staff: the district, or a street or committee
 * they narrow to; a cadre: always their own committee, whatever is asked).
 */
export const fetchOverview = (query: OverviewQuery = {}) => request<Overview>('/api/dashboard/overview', { data: { ...query } });

/**
 * One table of the overview as CSV text (UTF-8 with a BOM, set by the BFF). The
 * route needs the bearer token, so it is fetched through the request wrapper
 * rather than opened as a plain link.
 */
export const fetchOverviewCsv = (table: OverviewTable, query: OverviewQuery = {}) =>
  request<string>('/api/dashboard/overview.csv', { data: { table, ...query }, dataType: 'text' });
