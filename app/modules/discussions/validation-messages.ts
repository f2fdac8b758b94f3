import type { TFunction } from "i18next";
import type { FieldErrors } from "~/utils/form-fields.ts";
import { LIMITS } from "./validation.ts";

/**
 * The discussion forms' validation messages in the reader's language. The
 * schemas speak English (and the tests read it); each English sentence they
 * can give is looked up here, and one not listed stays as it is.
 */
function messages(t: TFunction): Record<string, string> {
  return {
    "Give your thread a title.": t("composer.errors.titleMissing"),
    [`Make the title at least ${LIMITS.titleMin} characters: say what it is about.`]: t(
      "composer.errors.titleShort",
      { min: LIMITS.titleMin },
    ),
    [`Keep the title under ${LIMITS.titleMax} characters.`]: t("composer.errors.titleLong", {
      max: LIMITS.titleMax,
    }),
    "Write something first.": t("composer.errors.bodyMissing"),
    [`That is too long to post: keep it to ${LIMITS.bodyMax.toLocaleString("en-GB")} characters or fewer. Nothing was posted.`]:
      t("composer.errors.bodyLong", { max: LIMITS.bodyMax }),
    [`Use at most ${LIMITS.tagsMax} tags.`]: t("composer.errors.tooManyTags", {
      max: LIMITS.tagsMax,
    }),
    [`Keep each tag under ${LIMITS.tagMax} characters.`]: t("composer.errors.tagLong", {
      max: LIMITS.tagMax,
    }),
    "Choose a question or a discussion.": t("composer.errors.kind"),
    "Say why, for the audit log.": t("composer.errors.reasonMissing"),
    [`Keep the reason under ${LIMITS.reasonMax} characters.`]: t("composer.errors.reasonLong", {
      max: LIMITS.reasonMax,
    }),
    "Choose a reason.": t("composer.errors.flagReason"),
    [`Keep the note under ${LIMITS.flagNoteMax} characters.`]: t("composer.errors.noteLong", {
      max: LIMITS.flagNoteMax,
    }),
    "Choose a space.": t("composer.errors.space"),
  };
}

/** A refused submission's messages, each in the reader's language where there is one. */
export function localiseFormErrors<E extends { fieldErrors: FieldErrors; formError?: string }>(
  error: E,
  t: TFunction,
): E {
  const known = messages(t);
  const say = (message: string) => known[message] ?? message;
  return {
    ...error,
    fieldErrors: Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, message]) => [field, say(message)]),
    ),
    ...(error.formError ? { formError: say(error.formError) } : {}),
  };
}
