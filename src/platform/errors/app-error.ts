import { ERRORS, type ErrorCode } from './catalogue.js';

export interface FieldError {
  /** JSON Pointer-like path of the field, e.g. `/username` or `/form/dateOfBirth`. */
  path: string;
  message: string;
}

/** The single error type thrown by use cases; the error handler turns it into a problem document. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
