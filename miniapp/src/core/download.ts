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
