import type { FieldErrors } from "~/utils/form-fields.ts";

/**
 * A form's field messages in the reader's language: each English message the
 * page's own schema gives is swapped for its translation; any other message
 * (from a shared schema) is left as it is.
 */
export function fieldErrorsIn(errors: FieldErrors, words: Record<string, string>): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field, words[message] ?? message]),
  );
}
