import { z } from "zod";

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

/** A cookie-authenticated write from another site's page (CSRF): nothing is done. */
export class CrossSiteError extends AppError {
  constructor() {
    super(403, "cross_site", "errors.crossSite");
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

/** The database cannot be reached (down, restarting, or every connection busy): try again shortly. */
export class UnavailableError extends AppError {
  /** Seconds a client should wait before trying again (the Retry-After header). */
  readonly retryAfter = 5;
  constructor() {
    super(503, "unavailable", "errors.unavailable");
  }
}

const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300"]);

/**
 * True when `e` (or what it wraps) says the database is out of reach rather than that the
 * request was wrong: a refused or dropped connection, a server shutting down or starting,
 * too many connections, the pool's wait for a free connection timing out.
 */
export function isUnavailable(e: unknown): boolean {
  for (let err = e as { code?: string; message?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err instanceof UnavailableError) return true;
    if (typeof err.code === "string" && (UNAVAILABLE_CODES.has(err.code) || err.code.startsWith("08"))) return true;
    if (typeof err.message === "string" && /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/.test(err.message)) return true;
  }
  return false;
}

/** True when `e` (or the driver error it wraps) is PostgreSQL's unique_violation on `constraint`. */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (err.code === "23505" && err.constraint === constraint) return true;
  }
  return false;
}

/**
 * What the edges (runAction, apiRoute) make of an error that is not a domain error, so that
 * input nobody foresaw is a 4xx, never a 500: a schema's own error (a .parse() deep in a query)
 * names its fields; a reference to a record that does not exist names its field; a value PostgreSQL cannot take (a malformed id, a date out of its range —
 * SQLSTATE class 22) is a 404 for an id and a 422 otherwise; an unreachable database is a 503.
 * Anything else stays what it is (a real fault, logged as such).
 */
export function asAppError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  if (e instanceof z.ZodError) {
    const flat = z.flattenError(e);
    const fields: FieldErrors = { ...(flat.fieldErrors as FieldErrors) };
    if (flat.formErrors.length) fields._form = flat.formErrors;
    return new ValidationError(fields);
  }
  if (isUnavailable(e)) return new UnavailableError();
  for (let err = e as { code?: string; detail?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    // A reference to a record that is not there (foreign_key_violation): the field that names it.
    // A value taken by another record (unique_violation) that no rule caught first: the field, too.
    if (err.code === "23503" || err.code === "23505") {
      const column = /Key \(([a-z_]+)\)=/.exec(err.detail ?? "")?.[1];
      const field = column ? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()) : "_form";
      return new ValidationError({ [field]: [err.code === "23503" ? "errors.invalidChoice" : "errors.duplicate"] });
    }
  }
  for (let err = e as { code?: string; message?: string; cause?: unknown } | undefined; err; err = err.cause as typeof err) {
    if (typeof err.code === "string" && err.code.startsWith("22")) {
      return err.code === "22P02" && /type uuid/.test(err.message ?? "") ? new NotFoundError() : new ValidationError({ _form: ["errors.invalidInput"] });
    }
  }
  return e;
}
