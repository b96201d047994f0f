/**
 * The one application error. Every failure that a user can cause or see is an AppError
 * with a code from the closed table below; HTTP status and CLI exit code are looked up
 * from that table and nowhere else.
 */

export const ERROR_CODES = {
  VALIDATION: { status: 400, exit: 2, meaning: 'The input is malformed; `path` names the field and the message says why.' },
  BAD_REQUEST: { status: 400, exit: 2, meaning: 'The request cannot be understood (bad JSON, wrong content type).' },
  UNAUTHENTICATED: { status: 401, exit: 3, meaning: 'Sign in first.' },
  FORBIDDEN: { status: 403, exit: 3, meaning: 'Signed in, but this role or region may not do this.' },
  CSRF: { status: 403, exit: 3, meaning: 'The form token is missing or stale; reload the page.' },
  NOT_FOUND: { status: 404, exit: 4, meaning: 'No such record, or not visible to you.' },
  CONFLICT: { status: 409, exit: 5, meaning: 'The record changed meanwhile or already exists.' },
  INVALID_TRANSITION: { status: 409, exit: 5, meaning: 'This action is not allowed from the current state.' },
  RULE_VIOLATION: { status: 422, exit: 5, meaning: 'A programme rule forbids this (cap, deadline, negative list).' },
  PAYLOAD_TOO_LARGE: { status: 413, exit: 2, meaning: 'The upload or body exceeds its size limit.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, exit: 2, meaning: 'The file type is not accepted here.' },
  RATE_LIMITED: { status: 429, exit: 6, meaning: 'Too many requests; wait and try again.' },
  LOCKED: { status: 423, exit: 3, meaning: 'The account is locked after repeated failed sign-ins.' },
  CONFIG: { status: 500, exit: 78, meaning: 'The server configuration is invalid (reported at boot).' },
  INTERNAL: { status: 500, exit: 1, meaning: 'An unexpected failure; it is logged with a request id.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorOptions {
  /** Field path of the offending input, e.g. `energy[2].unit`. */
  path?: string;
  /** Extra machine-readable details (row errors, limits). */
  details?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly path: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.path = options.path;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }

  static is(value: unknown, code?: ErrorCode): value is AppError {
    return value instanceof AppError && (code === undefined || value.code === code);
  }
}

/** A validation failure at a field path: `invalid('energy[2].unit', 'unknown unit "kwh2"')`. */
export function invalid(path: string, reason: string, details?: unknown): AppError {
  return new AppError('VALIDATION', `${path}: ${reason}`, { path, details });
}

export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what} not found`);
}
