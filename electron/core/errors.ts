import type { ApiError, ErrorCode } from '../shared/api-error';

/** The one error type the core throws on purpose. `dispatch` turns it into an `{ok:false}` envelope. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.field = field;
  }

  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
