import type { ApiError, ErrorCode } from '../shared/api-error';

/** The one error type the core throws on purpose. `dispatch` turns it into an `{ok:false}` envelope. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** JSON-safe facts for the caller (see `ApiError.details`). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.field = field;
    this.details = details;
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}
