/**
 * Runs the page as H5 and catches the files it saves from Blob URLs (jsdom
 * has no URL.createObjectURL and would navigate on an anchor click).
 */
export function captureBlobDownloads(): { created: Blob[]; clicked: jest.SpyInstance } {
  process.env.TARO_ENV = 'h5';
  const created: Blob[] = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    created.push(blob);
    return 'blob:csv';
  });
  URL.revokeObjectURL = jest.fn();
  const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { created, clicked };
}
