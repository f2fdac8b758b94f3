/**
 * The one root for errors a person can cause. Domain functions and commands
 * throw these; `answerDomainError` (app/utils/http.server.ts) turns any of
 * them into the answer the person sees: field messages next to the fields, or
 * a sentence with its status. Anything that is not a DomainError is a real
 * failure and stays a 500.
 */
export class DomainError extends Error {
  readonly status: number;
  /** A stable, machine-readable name ("not_found", "field_invalid" …), for the API and logs. */
  readonly code: string;
  /** Messages for the form fields they belong to, when the error is about fields. */
  readonly fieldErrors?: Record<string, string>;

  constructor(
    message: string,
    options: { status?: number; code?: string; fieldErrors?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.status = options.status ?? 400;
    this.code = options.code ?? codeForStatus(this.status);
    this.fieldErrors = options.fieldErrors;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 401:
      return "sign_in_required";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 409:
      return "conflict";
    case 410:
      return "gone";
    case 413:
      return "too_large";
    case 429:
      return "too_many_requests";
    default:
      return "bad_request";
  }
}

/** One field a person got wrong, with the sentence to show next to it. */
export class FieldError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
    status = 400,
  ) {
    super(message, { status, code: "field_invalid", fieldErrors: { [field]: message } });
  }
}

/** Several fields a person got wrong at once, each with its message, and a summary. */
export class InvalidFieldsError extends DomainError {
  declare readonly fieldErrors: Record<string, string>;
  constructor(fieldErrors: Record<string, string>, message = "Some fields need your attention.") {
    super(message, { status: 400, code: "fields_invalid", fieldErrors });
  }
}

export class SignInRequiredError extends DomainError {
  constructor(message = "Sign in to do that.") {
    super(message, { status: 401 });
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You do not have access to this.") {
    super(message, { status: 403 });
  }
}

export class NotFoundError extends DomainError {
  constructor(message = "We could not find that.") {
    super(message, { status: 404 });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super(message, { status: 409 });
  }
}

/** Postgres unique_violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23505") return false;
  if (!constraint) return true;
  return e.constraint === constraint || Boolean(e.message?.includes(constraint));
}
