import Taro from '@tarojs/taro';
import { isApiError, networkError, toApiError } from './api-error';
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

/** Logs in again without asking the user; true when a new session is kept. */
export type SessionRenewal = () => Promise<boolean>;

let renewal: SessionRenewal | null = null;
let renewing: Promise<boolean> | null = null;

/**
 * How a lapsed session is renewed (the accounts capability's quiet login, set
 * when the app launches). Without one, a 401 is final.
 */
export function setSessionRenewal(renew: SessionRenewal | null): void {
  renewal = renew;
}

/** One renewal at a time: requests refused together wait for the same login. */
function renewSession(): Promise<boolean> {
  if (!renewal) return Promise.resolve(false);
  renewing ??= renewal()
    .catch(() => false)
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

/** The login itself is never renewed (its own 401 is a refused WeChat code). */
const LOGIN_PATH = '/api/auth/login';

/**
 * Send once; on a 401 renew the session quietly and send once more. Only the
 * second refusal (or a failed renewal) reaches the caller, which then shows the
 * login page. Shared with uploads.
 */
export async function withSessionRenewal<T>(path: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (caught) {
    if (!isApiError(caught) || caught.status !== 401 || path === LOGIN_PATH) throw caught;
    if (!(await renewSession())) throw caught;
    return send();
  }
}

/**
 * The one way pages talk to the BFF: adds the bearer token, resolves with the JSON
 * body on 2xx, and throws an ApiError for everything else (code 'NETWORK' when no
 * HTTP answer came back). A lapsed session is renewed once, quietly.
 */
export function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return withSessionRenewal(path, () => send<T>(path, options));
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
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
