import { errorBodySchema } from '@sqtb/shared';

/** Code for a request that never got an HTTP answer (offline, DNS, timeout). */
export const NETWORK = 'NETWORK';

/** Every failed API call surfaces as this: `code` is stable, `message` is for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Map a non-2xx reply to an ApiError, falling back when the body is not our error shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details);
  }
  const message = status >= 500 ? '服务暂时不可用，请稍后重试' : `请求失败（${status}）`;
  return new ApiError(status, `HTTP_${status}`, message);
}

export function networkError(cause: unknown): ApiError {
  const reason = (cause as { errMsg?: string; message?: string } | null) ?? {};
  return new ApiError(0, NETWORK, '网络连接失败，请检查网络后重试', {
    reason: reason.errMsg ?? reason.message,
  });
}

/** Any thrown value as an ApiError, so the UI has one kind of error to show. */
export const asApiError = (error: unknown): ApiError =>
  isApiError(error) ? error : new ApiError(0, 'UNEXPECTED', '出了点问题，请稍后重试');
