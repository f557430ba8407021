import { errorBodySchema, MAX_PHOTO_BYTES, type ErrorCode } from '@sqtb/shared';

/** Code for a request that never got an HTTP answer (offline, DNS, timeout). */
export const NETWORK = 'NETWORK';

/**
 * Every failed API call surfaces as this: `code` is stable. Show it with
 * `errorText`, never `message`: a message the BFF wrote is for developers.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  /** The BFF wrote `message` (in English): people see the code's wording instead. */
  readonly fromBff: boolean;

  constructor(status: number, code: string, message: string, details?: unknown, fromBff = false) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.fromBff = fromBff;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Map a non-2xx reply to an ApiError, falling back when the body is not our error shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(status, code, message, details, true);
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

/** Chinese wording per stable code, for replies whose message is not written for residents: a code without wording fails the type check. */
const CODE_TEXT: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容不符合要求，请检查后重试',
  MALFORMED_JSON: '填写的内容不符合要求，请检查后重试',
  UNAUTHENTICATED: '登录已失效，请重新登录',
  WECHAT_LOGIN_FAILED: '微信登录失败，请稍后重试',
  PHONE_CODE_INVALID: '未能获取手机号，请重试或手动填写',
  INVALID_PLACE_CODE: '此场所码无效或已停用',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  DESKTOP_TICKET_EXPIRED: '二维码已过期，请在电脑上刷新后重新扫码',
  METHOD_NOT_ALLOWED: '暂不支持此操作',
  CONFLICT: '该事项状态已变化，请刷新后重试',
  DESKTOP_TICKET_USED: '该二维码已被确认，请在电脑上刷新后重新扫码',
  QUOTA_EXCEEDED: '本轮已预约：每户每轮只能预约一次',
  OUT_OF_STOCK: '附近药店均已无货，请等待药店补货或下一轮预约',
  ROUND_CLOSED: '当前没有开放的预约，请关注下一轮',
  REGISTRATION_NOT_APPROVED: '请先通过该家庭的登记，再审核预约',
  ID_NUMBER_TAKEN: '该身份证号已被其他账号登记，如有疑问请联系居委',
  APPEAL_OPEN: '您已有一件申诉正在处理，处理完成后才能再次申诉',
  NO_ID_NUMBER_ON_RECORD: '该居民未登记身份证号，无法更正状态，请选择「说明情况」',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容与首次不同，请刷新后重新填写',
  PAYLOAD_TOO_LARGE: `文件过大，照片请不要超过 ${MAX_PHOTO_BYTES / (1024 * 1024)} MB`,
  UNSUPPORTED_MEDIA_TYPE: '仅支持 JPEG、PNG 或 WebP 格式的照片',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务暂时不可用，请稍后重试',
  UPSTREAM_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  DATABASE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  SHUTTING_DOWN: '服务正在重启，请稍后重试',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;
/** A refusal with a code this build does not know yet (a newer BFF). */
const UNKNOWN_REFUSAL = '操作未能完成，请稍后重试';

/**
 * What to tell a person about a failure. Whatever the BFF sends is worded from
 * its stable code (its messages are for developers, in English); only words this
 * app wrote itself (offline, a page's own refusal) are shown as they are.
 */
/** The words for one code, for a page that refuses the same thing itself before asking the BFF. */
export const codeText = (code: ErrorCode): string => CODE_TEXT[code];

export function errorText(error: ApiError): string {
  if (!error.fromBff && HAS_CHINESE.test(error.message)) return error.message;
  const worded: string | undefined = CODE_TEXT[error.code as ErrorCode];
  if (worded) return worded;
  if (error.status >= 500) return CODE_TEXT.INTERNAL;
  return error.fromBff ? UNKNOWN_REFUSAL : error.message;
}
