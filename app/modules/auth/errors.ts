/** Errors a person can cause while signing up or in; each carries the field it belongs to. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export class EmailTakenError extends FieldError {
  constructor() {
    super("email", "An account with this email already exists. Try signing in instead.", 409);
  }
}

export class HandleTakenError extends FieldError {
  constructor() {
    super("handle", "This handle is taken. Please choose another.", 409);
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
}

export class ForbiddenError extends Error {
  readonly status = 403;
}

export class ConflictError extends Error {
  readonly status = 409;
}

/** Postgres unique_violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code !== "23505") return false;
  if (!constraint) return true;
  return e.constraint === constraint || Boolean(e.message?.includes(constraint));
}
