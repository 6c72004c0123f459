/**
 * Errors the domain throws and the edges (server actions, route handlers) turn into a
 * result or an HTTP status. `message` is an i18n key under "errors." in lib/i18n/messages.
 */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly values?: Record<string, string | number>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthorizedError extends AppError {
  constructor() {
    super(401, "unauthorized", "errors.unauthorized");
  }
}

export class ForbiddenError extends AppError {
  constructor() {
    super(403, "forbidden", "errors.forbidden");
  }
}

export class NotFoundError extends AppError {
  constructor() {
    super(404, "not_found", "errors.notFound");
  }
}

export class ValidationError extends AppError {
  constructor(fields: FieldErrors, message = "errors.invalidInput") {
    super(422, "invalid_input", message, fields);
  }
}

/** Saving over a newer version (optimistic locking): nothing is written. */
export class ConflictError extends AppError {
  constructor(readonly current?: Record<string, unknown>) {
    super(409, "stale_version", "errors.staleVersion");
  }
}

/** True when `e` (or the driver error it wraps) is PostgreSQL's unique_violation on `constraint`. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === "23505" && err.constraint === constraint) return true;
  }
  return false;
}
