import Taro from '@tarojs/taro';
import { networkError, toApiError } from './api-error';
import { apiBase } from './config';
import { readToken } from './session';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** JSON body (or query parameters for GET). */
  data?: Record<string, unknown>;
}

const TIMEOUT_MS = 15_000;

/**
 * The one way pages talk to the BFF: adds the bearer token, resolves with the JSON
 * body on 2xx, and throws an ApiError for everything else (code 'NETWORK' when no
 * HTTP answer came back).
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = readToken();
  if (token) header.Authorization = `Bearer ${token}`;

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${apiBase}${path}`,
      method: options.method ?? 'GET',
      data: options.data,
      header,
      dataType: 'json',
      timeout: TIMEOUT_MS,
    });
  } catch (cause) {
    throw networkError(cause);
  }

  const { statusCode, data } = response;
  if (statusCode >= 200 && statusCode < 300) return data as T;
  throw toApiError(statusCode, data);
}
