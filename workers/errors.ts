/** The one table of error codes of the API contract and the HTTP status each maps to. */
export const ERROR_STATUS = {
  INVALID_REQUEST: 400,
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type ErrorStatus = (typeof ERROR_STATUS)[ErrorCode];

/** One invalid input field, as listed in `error.details.fields`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * An error the API reports to its caller. Thrown anywhere below a route; the app's error
 * handler renders it in the error envelope with the status of its code.
 */
export class ApiError extends Error {
  readonly status: ErrorStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
  }
}

/** A VALIDATION_ERROR naming each bad field. */
export function validationError(fields: FieldIssue[], message = "Request validation failed"): ApiError {
  return new ApiError("VALIDATION_ERROR", message, { fields });
}
