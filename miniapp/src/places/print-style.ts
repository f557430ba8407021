import { useEffect } from 'react';
import { isH5 } from '../core/platform';

/**
 * Printing the page prints the poster alone: everything else is hidden, and
 * the QR's dark modules (drawn as backgrounds, which browsers leave out of a
 * print by default) are printed as they are.
 */
export const POSTER_PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .poster, .poster * { visibility: visible !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .poster { position: absolute; left: 0; top: 0; width: 100%; box-sizing: border-box; }
}`;

/**
 * H5 only, while the poster page is open. Added from script rather than a
 * stylesheet: WXSS knows neither `@media print` nor the `*` selector, and the
 * weapp build reads the same stylesheets.
 */
export function usePosterPrintStyle(): void {
  useEffect(() => {
    if (!isH5()) return undefined;
    const style = document.createElement('style');
    style.setAttribute('data-for', 'place-poster-print');
    style.textContent = POSTER_PRINT_CSS;
    document.head.appendChild(style);
    return () => style.remove();
  }, []);
}
