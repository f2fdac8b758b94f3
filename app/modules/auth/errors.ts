import { FieldError } from "../../utils/errors.ts";

export {
  ConflictError,
  FieldError,
  ForbiddenError,
  NotFoundError,
  isUniqueViolation,
} from "../../utils/errors.ts";

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
