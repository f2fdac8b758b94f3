import { json } from "@remix-run/node";
import { z } from "zod";
import type { ActionError, FieldErrors } from "./form-fields.ts";

export type { ActionError, FieldErrors };

export type Parsed<T> =
  { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** What a person typed, to show back in the form; passwords never travel back to the page. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

function allStrings(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

function firstMessages(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fieldErrors[key] ??= issue.message;
  }
  return fieldErrors;
}

/** Validates a submitted form against a schema; on failure returns the first message per field. */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
): Parsed<z.infer<S>> {
  const result = schema.safeParse(allStrings(formData));
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fieldErrors: firstMessages(result.error), values: formValues(formData) };
}

type IntentSchemas = Record<string, z.ZodTypeAny>;
/** One parsed submission of a multi-action form, told apart by its `intent`. */
export type IntentSubmission<T extends IntentSchemas> = {
  [K in keyof T & string]: { intent: K; data: z.infer<T[K]> };
}[keyof T & string];

/**
 * Parses a form whose buttons carry different intents ("publish", "decline" …),
 * each with its own schema: one discriminated union instead of an if-chain of
 * `formData.get("intent")`. An unknown intent is a 400 with a sentence.
 */
export function parseIntent<T extends IntentSchemas>(
  formData: FormData,
  schemas: T,
):
  | ({ ok: true } & IntentSubmission<T>)
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string>; formError?: string } {
  const values = allStrings(formData);
  const intent = values.intent;
  const schema = Object.hasOwn(schemas, intent) ? schemas[intent] : undefined;
  if (!schema)
    return {
      ok: false,
      fieldErrors: {},
      values: formValues(formData),
      formError: "Choose one of the actions on this page.",
    };
  const result = schema.safeParse(values);
  if (!result.success)
    return { ok: false, fieldErrors: firstMessages(result.error), values: formValues(formData) };
  return { ok: true, intent, data: result.data } as { ok: true } & IntentSubmission<T>;
}

/** A 4xx answer to a form: messages next to fields (and a summary), nothing changed. */
export function formErrors(error: ActionError, status = 400) {
  return json<ActionError>(error, { status });
}

/** The answer to a submission that did not parse: 400, its messages, and what was typed. */
export function invalidForm(parsed: {
  fieldErrors: FieldErrors;
  values: Record<string, string>;
  formError?: string;
}) {
  return formErrors({
    fieldErrors: parsed.fieldErrors,
    values: parsed.values,
    formError: parsed.formError,
  });
}
