import Taro from '@tarojs/taro';
import { networkError, toApiError } from './api-error';
import { apiBase } from './config';
import { authHeader, parseJson, withSessionRenewal } from './request';

const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Taro's H5 uploadFile first reads the chosen file back from its blob: URL and
 * never settles when that read fails (e.g. blocked by a Content-Security-Policy
 * without `connect-src blob:`), so the wait is bounded here too.
 */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject({ errMsg: 'uploadFile:fail timeout' }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * The one way pages send a file to the BFF: `Taro.uploadFile` (multipart/form-data)
 * with the bearer token. Resolves with the JSON reply on 2xx and throws an ApiError
 * otherwise, and renews a lapsed session once, exactly like `request`.
 */
export function uploadFile<T>(path: string, filePath: string, field = 'file'): Promise<T> {
  return withSessionRenewal(path, () => sendFile<T>(path, filePath, field));
}

async function sendFile<T>(path: string, filePath: string, field: string): Promise<T> {
  let response: { statusCode: number; data: unknown };
  try {
    response = await withDeadline(
      Taro.uploadFile({ url: `${apiBase}${path}`, filePath, name: field, header: authHeader(), timeout: UPLOAD_TIMEOUT_MS }),
      UPLOAD_TIMEOUT_MS + 5_000,
    );
  } catch (cause) {
    throw networkError(cause);
  }
  // uploadFile hands the body back as text on every platform.
  const body = parseJson(response.data);
  if (response.statusCode >= 200 && response.statusCode < 300) return body as T;
  throw toApiError(response.statusCode, body);
}
