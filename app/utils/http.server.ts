import { json } from "@remix-run/node";
import { FieldError } from "~/modules/auth/errors.ts";
import { formErrors, type ActionError } from "./forms.ts";

/**
 * Turns a domain error a person caused into the answer they should see:
 * a field message, or a sentence with a status (403, 404, 409). Anything
 * else is a real failure and keeps propagating (500).
 */
export function answerDomainError(error: unknown, values?: Record<string, string>) {
  if (error instanceof FieldError) {
    return formErrors({ fieldErrors: { [error.field]: error.message }, values }, error.status);
  }
  const status = (error as { status?: number })?.status;
  if (status && status >= 400 && status < 500 && error instanceof Error) {
    return json<ActionError>({ formError: error.message, values }, { status });
  }
  throw error;
}

export function notFound(message = "We could not find that page.") {
  return new Response(message, { status: 404, statusText: "Not Found" });
}
