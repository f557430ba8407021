import type { OverviewQuery, OverviewTable } from '@sqtb/shared';
import { exportCsv } from '../core/download';
import { fetchOverviewCsv } from './api';

/** What each table is called on its export button. */
export const TABLE_TITLES: Record<OverviewTable, string> = {
  'complaints-weekly': '每周投诉',
  'complaints-committees': '各居委投诉',
  overdue: '超期事项',
  hotspots: '在管乱点',
  masks: '药店口罩',
  'mask-reviews': '待审核',
  health: '随申码',
  filings: '复工备案',
  shops: '商户风险等级',
  places: '场所到访',
};

export const csvFileName = (table: OverviewTable) => `overview-${table}.csv`;

/** One table of the overview as a CSV file (see `exportCsv`). */
export const exportOverviewCsv = (table: OverviewTable, query: OverviewQuery): Promise<string> =>
  exportCsv(csvFileName(table), () => fetchOverviewCsv(table, query));
