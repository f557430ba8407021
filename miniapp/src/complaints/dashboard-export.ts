import { asApiError, errorText } from '../core/api-error';
import { saveTextFileInBrowser } from '../core/download';
import { isH5 } from '../core/platform';
import { fetchDashboardCsv } from './api';

export const CSV_FILE_NAME = 'complaints-dashboard.csv';
export const CSV_ON_PHONE = '导出请在电脑端浏览器打开本页（H5）进行：小程序内无法保存 CSV 文件';

/**
 * The per-committee CSV. The route needs the bearer token, so a plain link would
 * not work: H5 fetches it through the request wrapper and saves it from a Blob
 * URL. WeChat can open only office documents and PDF (not CSV), so the
 * mini-program says where to export instead of pretending.
 */
export async function exportDashboardCsv(): Promise<string> {
  if (!isH5()) return CSV_ON_PHONE;
  try {
    const csv = await fetchDashboardCsv();
    saveTextFileInBrowser(CSV_FILE_NAME, csv);
    return `已导出 ${CSV_FILE_NAME}`;
  } catch (caught) {
    return `导出失败：${errorText(asApiError(caught))}`;
  }
}
