import type { OverviewQuery, OverviewTable } from '@sqtb/shared';
import { CSV_ON_PHONE } from '../complaints/dashboard-export';
import { asApiError, errorText } from '../core/api-error';
import { saveTextFileInBrowser } from '../core/download';
import { isH5 } from '../core/platform';
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
};

export const csvFileName = (table: OverviewTable) => `overview-${table}.csv`;

/**
 * One table as a CSV file, as the complaint dashboard does it: H5 fetches it
 * with the bearer token and saves it from a Blob URL (the BFF's BOM is kept, so
 * spreadsheets read the Chinese). WeChat opens only office documents and PDF,
 * not CSV, so the mini-program says where to export instead of pretending.
 */
export async function exportOverviewCsv(table: OverviewTable, query: OverviewQuery): Promise<string> {
  if (!isH5()) return CSV_ON_PHONE;
  try {
    const csv = await fetchOverviewCsv(table, query);
    saveTextFileInBrowser(csvFileName(table), csv);
    return `已导出 ${csvFileName(table)}`;
  } catch (caught) {
    return `导出失败：${errorText(asApiError(caught))}`;
  }
}
