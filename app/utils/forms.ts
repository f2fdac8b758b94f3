import { json } from "@remix-run/node";
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type Parsed<T> =
  { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Validates a submitted form against a schema; on failure returns the first message per field. */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
): Parsed<z.infer<S>> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string") values[key] = value;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  // Passwords never travel back to the page.
  for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
  return { ok: false, fieldErrors, values };
}

export interface ActionError {
  fieldErrors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
}

/** A 4xx answer to a form: messages next to fields (and a summary), nothing changed. */
export function formErrors(error: ActionError, status = 400) {
  return json<ActionError>(error, { status });
}
