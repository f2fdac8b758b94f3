import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** What an action answers when a submission is refused: the one shape every form reads. */
export interface ActionError {
  fieldErrors?: FieldErrors;
  formError?: string;
  values?: Record<string, string>;
}

/** The props a field component takes from the form layer. */
export interface FieldProps {
  name: string;
  defaultValue: string;
  error?: string;
}

/**
 * The fields of one form, typed by its schema: `field("title")` gives the
 * name, the value to show (what was just typed, or the saved value) and the
 * message next to it. With `intent`, only a refused submission of that
 * intent fills the form, so several forms on one page keep apart.
 */
export function formFields<S extends z.ZodTypeAny>(
  actionData: ActionError | undefined | null,
  saved: Partial<
    Record<keyof z.input<S> & string, string | number | boolean | null | undefined>
  > = {},
  options: { intent?: string } = {},
) {
  const mine = !options.intent || actionData?.values?.intent === options.intent;
  const typed = mine ? actionData?.values : undefined;
  const errors = mine ? actionData?.fieldErrors : undefined;
  return {
    field(name: keyof z.input<S> & string): FieldProps {
      const savedValue = saved[name];
      return {
        name,
        defaultValue: typed?.[name] ?? (savedValue == null ? "" : String(savedValue)),
        error: errors?.[name],
      };
    },
    /**
     * Whether a checkbox starts ticked: as it was sent in a refused submission
     * (an unticked box sends nothing), otherwise as saved.
     */
    checked(name: keyof z.input<S> & string): boolean {
      if (typed) return typed[name] === "on";
      const savedValue = saved[name];
      return savedValue === true || savedValue === "on";
    },
    /** The form's own sentence (a refused action, or a summary), for this intent only. */
    formError: mine ? actionData?.formError : undefined,
    /** True when the page shows this form's refused submission. */
    submitted: mine && Boolean(actionData?.values),
  };
}
