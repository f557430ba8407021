import { asApiError, errorText } from './api-error';
import { isH5 } from './platform';

/**
 * Offer text as a file download in the browser (H5 only: a mini-program has no
 * file system the user can reach). The BOM makes Excel read UTF-8 Chinese.
 */
export function saveTextFileInBrowser(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const withBom = text.startsWith('\ufeff') ? text : `\ufeff${text}`;
  const url = URL.createObjectURL(new Blob([withBom], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const CSV_ON_PHONE = '导出请在电脑端浏览器打开本页（H5）进行：小程序内无法保存 CSV 文件';

/**
 * A CSV the BFF serves behind the bearer token, as a file: a plain link would
 * carry no token, so H5 fetches it through the request wrapper and saves it
 * from a Blob URL. WeChat can open only office documents and PDF (not CSV), so
 * the mini-program says where to export instead of pretending. Returns what to
 * tell the user.
 */
export async function exportCsv(fileName: string, fetchCsv: () => Promise<string>): Promise<string> {
  if (!isH5()) return CSV_ON_PHONE;
  try {
    saveTextFileInBrowser(fileName, await fetchCsv());
    return `已导出 ${fileName}`;
  } catch (caught) {
    return `导出失败：${errorText(asApiError(caught))}`;
  }
}
