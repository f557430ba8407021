/**
 * Base URL of the BFF. Taro's `defineConstants` replaces `API_BASE` at build time
 * ('' on H5: same origin). Outside a Taro build (unit tests) it is undefined.
 */
export const apiBase: string = typeof API_BASE === 'string' ? API_BASE : '';

/** A link the BFF handed out (e.g. a signed photo `/api/files/…`) as an <Image> can load it. */
export const assetUrl = (path: string): string => (path.startsWith('/') ? `${apiBase}${path}` : path);
