import { DomainError } from "../../utils/errors.ts";

/** A reputation request someone got wrong (unknown rule, amount out of range, self-vote …). */
export class ReputationError extends DomainError {
  constructor(message: string, status = 400) {
    super(message, { status });
  }
}

/** Nobody earns points from their own vote. */
export class SelfVoteError extends ReputationError {
  constructor() {
    super("You cannot vote on your own post.", 400);
  }
}
