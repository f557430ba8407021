import { ERROR_STATUS, type ErrorCode } from '@sqtb/shared';

/** The one error type: a stable code, a message for people, optional details. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Only for statuses Koa's own middleware chose (e.g. 501); normally the code decides. */
    status: number = ERROR_STATUS[code],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = status;
  }
}
