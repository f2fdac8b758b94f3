import { FieldError, isDomainError } from "./errors.ts";
import { formErrors } from "./forms.ts";

/**
 * The one answer to a domain error in an action: field messages next to the
 * fields (with a summary unless it is one field's), or a sentence with its
 * status (401, 403, 404, 409 …). Anything else is a real failure and keeps
 * propagating (500).
 */
export function answerDomainError(error: unknown, values?: Record<string, string>) {
  if (!isDomainError(error)) throw error;
  return formErrors(
    {
      fieldErrors: error.fieldErrors,
      // A single field's message stands next to it; anything else also gets a sentence on top.
      formError: error instanceof FieldError ? undefined : error.message,
      values,
    },
    error.status,
  );
}

/**
 * The one answer to a domain error in a loader: the error page with the
 * error's status and sentence (a missing or unreadable thing is a 404 page).
 */
export function errorPage(error: unknown): never {
  if (!isDomainError(error)) throw error;
  throw new Response(error.message, { status: error.status, statusText: statusText(error.status) });
}

/** Runs a loader step; a domain error becomes its error page. */
export async function orErrorPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    errorPage(error);
  }
}

export function notFound(message = "We could not find that page.") {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

function statusText(status: number): string {
  return (
    {
      400: "Bad Request",
      401: "Unauthorized",
      403: "Forbidden",
      404: "Not Found",
      409: "Conflict",
    }[status] ?? "Error"
  );
}
