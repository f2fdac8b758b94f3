import {
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  SignInRequiredError as SignInRequired,
} from "../../utils/errors.ts";

export { ConflictError, FieldError, ForbiddenError, NotFoundError };

/** Writing anything needs an account. */
export class SignInRequiredError extends SignInRequired {
  constructor(message = "Sign in to take part in discussions.") {
    super(message);
  }
}

/** A thread or post that does not exist and one this person may not read answer the same. */
export const threadNotFound = () => new NotFoundError("We could not find that thread.");
export const postNotFound = () => new NotFoundError("We could not find that post.");
