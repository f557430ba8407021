import Taro from '@tarojs/taro';
import { networkError, toApiError } from './api-error';
import { apiBase } from './config';
import { readToken } from './session';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /**
   * JSON body (or query parameters for GET; undefined values are left out), or a
   * text body sent as it is with `contentType` (e.g. a CSV file).
   */
  data?: Record<string, unknown> | string;
  /** The type of a text body; JSON otherwise. */
  contentType?: string;
  /** 'text' for non-JSON replies such as a CSV download. */
  dataType?: 'json' | 'text';
  /** Extra headers for this call (e.g. an `Idempotency-Key`). */
  header?: Record<string, string>;
}

const TIMEOUT_MS = 15_000;

/** The Authorization header for the stored session, if any (shared with uploads). */
export function authHeader(): Record<string, string> {
  const token = readToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Query parameters without the unset ones: H5 would send them as the text "undefined". */
function withoutUndefined(data: RequestOptions['data']): RequestOptions['data'] {
  if (!data || typeof data === 'string') return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/**
 * The one way pages talk to the BFF: adds the bearer token, resolves with the JSON
 * body on 2xx, and throws an ApiError for everything else (code 'NETWORK' when no
 * HTTP answer came back).
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/json', ...options.header, ...authHeader() };
  const method = options.method ?? 'GET';
  const dataType = options.dataType ?? 'json';

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${apiBase}${path}`,
      method,
      data: method === 'GET' ? withoutUndefined(options.data) : options.data,
      header,
      dataType,
      timeout: TIMEOUT_MS,
    });
  } catch (cause) {
    throw networkError(cause);
  }

  const { statusCode } = response;
  // A text request's error reply is still our JSON error shape.
  const data = dataType === 'text' && statusCode >= 300 ? parseJson(response.data) : response.data;
  if (statusCode >= 200 && statusCode < 300) return data as T;
  throw toApiError(statusCode, data);
}

/** JSON text as a value; anything else as it came. */
export function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
