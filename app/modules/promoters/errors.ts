import { DomainError } from "../../utils/errors.ts";

/** Errors a person can cause in the promoter, reference and referral flows; each carries a status. */
export class PromoterError extends DomainError {
  constructor(message: string, status = 400) {
    super(message, { status });
  }
}

/** The invitation link cannot be used: unknown, expired, already used or withdrawn. */
export class InvitationUnusableError extends PromoterError {
  constructor(message: string) {
    super(message, 410);
  }
}

export interface SuggestedAdvocate {
  id: number;
  handle: string;
  displayName: string;
  company: string;
  industry: string;
  sharedExpertise: string[];
}

/** The advocate already has as many requests this month as they said they can take. */
export class ReferenceCapReachedError extends PromoterError {
  constructor(
    readonly advocateName: string,
    readonly suggestions: SuggestedAdvocate[],
  ) {
    super(
      `${advocateName} has reached the number of conversations they take each month. Your request can wait in their queue for next month, or go to a similar advocate.`,
      409,
    );
  }
}
