/** True in the H5 build. Taro replaces `process.env.TARO_ENV` at build time. */
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

/** The narrowest window counted as a computer's. */
const DESKTOP_MIN_WIDTH_PX = 768;

/**
 * The H5 app on a computer: a wide window, not WeChat's own browser. There,
 * staff sign in by scanning a QR code with the mini-program.
 */
export function isDesktopBrowser(): boolean {
  if (!isH5() || typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  if (/MicroMessenger/i.test(window.navigator?.userAgent ?? '')) return false;
  return window.matchMedia(`(min-width: ${DESKTOP_MIN_WIDTH_PX}px)`).matches;
}
